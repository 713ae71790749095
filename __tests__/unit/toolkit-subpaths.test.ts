// deploy-guard imports two subpaths of the toolkit besides their main entry points: the proxy-aware
// fetch of @actions/github (getOctokit's defaults, which client.ts wraps) and the proxy rules of
// @actions/http-client (which net/agents.ts applies to the probes). Both packages list these
// subpaths in their `exports`; this test fails when an upgrade drops one or changes what it holds,
// and when src/ reaches into any other subpath.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = process.cwd()
const ALLOWED = ['@actions/github/lib/utils', '@actions/http-client/lib/proxy']

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []
  })
}

it('src/ imports no toolkit subpath but the two it is pinned to', () => {
  const used = new Set(
    files(join(ROOT, 'src')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/['"](@(?:actions|octokit)\/[^'"/]+\/[^'"]+)['"]/g)].map((m) => m[1]))
  )
  expect([...used].sort()).toEqual(ALLOWED)
})

it.each(ALLOWED)('%s is an entry point its package exports', (spec) => {
  const [scope, name, ...rest] = spec.split('/')
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules', scope, name, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }
  expect(Object.keys(pkg.exports)).toContain(`./${rest.join('/')}`)
})

it('the subpaths hold what deploy-guard uses', async () => {
  const utils = (await import('@actions/github/lib/utils')) as unknown as { defaults: { request: { fetch: unknown } } }
  expect(typeof utils.defaults.request.fetch).toBe('function')
  const proxy = await import('@actions/http-client/lib/proxy')
  expect(typeof proxy.getProxyUrl).toBe('function')
  expect(typeof proxy.checkBypass).toBe('function')
})
