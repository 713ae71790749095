// The import rules of src/ (.dependency-cruiser.mjs): no import cycle between files, type-only and
// dynamic imports included, and no lower layer importing a higher one. dependency-cruiser reads
// the imports as TypeScript does, so this test sees what a regular expression over `from '…'`
// would miss.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = process.cwd()

interface Cruise {
  summary: { violations: { rule: { name: string }; from: string; to: string; cycle?: { name: string }[] }[] }
  modules: { source: string; dependencies: { resolved: string; dynamic: boolean; dependencyTypes: string[] }[] }[]
}

function cruise(path: string): Cruise {
  let out: string
  try {
    out = execFileSync(join(ROOT, 'node_modules/.bin/depcruise'), [path, '--config', '.dependency-cruiser.mjs', '--output-type', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024
    })
  } catch (e) {
    // depcruise exits non-zero when it finds violations; its JSON is still on stdout.
    out = (e as { stdout: string }).stdout
  }
  return JSON.parse(out) as Cruise
}

const violations = (c: Cruise): string[] =>
  c.summary.violations.map((v) => `${v.rule.name}: ${v.cycle ? [v.from, ...v.cycle.map((x) => x.name)].join(' -> ') : `${v.from} -> ${v.to}`}`)

const src = cruise('src')

it('sees main.ts and the dynamic imports it loads the modes with', () => {
  const main = src.modules.find((m) => m.source === 'src/main.ts')
  expect(main?.dependencies.some((d) => d.dynamic)).toBe(true)
  expect(src.modules.length).toBeGreaterThan(100)
})

it('has no import cycle between files and no lower layer importing a higher one', () => {
  expect(violations(src)).toEqual([])
})

it('would see a cycle made of a type-only import and a dynamic one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-guard-cycle-'))
  try {
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js'\nexport type A = B\n")
    writeFileSync(join(dir, 'b.ts'), "export type B = string\nexport async function load(): Promise<unknown> {\n  return import('./a.js')\n}\n")
    expect(violations(cruise(dir)).filter((v) => v.startsWith('no-circular:'))).not.toEqual([])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
