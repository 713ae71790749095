import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { sourceStack } from '../../src/runner/source-stack.js'

describe('sourceStack: an unexpected error points at src/', () => {
  const root = mkdtempSync(join(tmpdir(), 'source-stack-'))
  mkdirSync(join(root, 'dist'))
  const bundle = join(root, 'dist', 'index.js')
  writeFileSync(bundle, 'throw new Error("x")\n')
  // Generated line 1, column 0 → ../src/main.ts line 10, column 1 ("AASA": source 0, line +9).
  writeFileSync(`${bundle}.map`, JSON.stringify({ version: 3, sources: ['../src/main.ts'], names: [], mappings: 'AASA' }))

  it('shows frames of a mapped file at their source position, as a path or a file URL', async () => {
    const stack = ['Error: boom', `    at run (${pathToFileURL(bundle).href}:1:120)`, `    at ${bundle}:1:7`].join('\n')
    expect(await sourceStack(stack)).toBe(
      ['Error: boom', `    at run (${join(root, 'src', 'main.ts')}:10:1)`, `    at ${join(root, 'src', 'main.ts')}:10:1`].join('\n')
    )
  })

  it('leaves frames alone where there is no map: Node internals, files without one', async () => {
    const other = join(root, 'dist', 'plain.js')
    writeFileSync(other, '')
    const stack = ['TypeError: no', '    at next (node:internal/streams/readable:12:3)', `    at f (${other}:3:4)`].join('\n')
    expect(await sourceStack(stack)).toBe(stack)
  })
})
