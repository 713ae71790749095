// One HTTP exchange as the checks see it, through the bundled action: a single deadline over
// every redirect, bodies sent byte for byte, connections kept alive between rounds, directly
// and through a proxy.
import { jest } from '@jest/globals'
import { runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startForwardProxy } from '../../test-support/forward-proxy.mjs'

jest.setTimeout(30_000)

let target: Awaited<ReturnType<typeof startHttpTarget>>
beforeEach(async () => {
  target = await startHttpTarget({ record: true })
})
afterEach(async () => target.close())

const config = (checks: string, verify = 'duration: 0s, failure-limit: 0') => ({ '.github/deploy-guard.yml': `verify: { ${verify} }\nchecks:\n${checks}` })

describe('one exchange', () => {
  it('has one deadline for the whole redirect chain, not one per request', async () => {
    // Each hop answers within the 400 ms timeout; the two together do not.
    const url = `${target.url}/redirect-to?delay=250&to=${encodeURIComponent('/delay/250')}`
    const r = await runAction({ inputs: { duration: '0s', 'failure-limit': '0', 'health-timeout': '400ms', 'health-urls': url } })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/no complete answer within 400 ms/)
    expect(target.hits.get('/delay/250')).toBe(1)
  })

  it('sends a body exactly as written, with no Content-Type it was not given', async () => {
    const r = await runAction({
      files: config(`  - { name: raw, type: http, url: '${target.url}/ok', method: POST, body: ' {"a": 1} ' }
  - { name: json, type: http, url: '${target.url}/ok', method: PUT, headers: { Content-Type: application/json }, body: 'not json' }
`)
    })
    expect(r.code).toBe(0)
    const raw = target.requests.find((q) => q.method === 'POST')
    expect(raw?.body).toBe(' {"a": 1} ')
    expect(raw?.headers).not.toHaveProperty('content-type')
    expect(raw?.headers['content-length']).toBe('10')
    const json = target.requests.find((q) => q.method === 'PUT')
    expect(json?.body).toBe('not json')
    expect(json?.headers['content-type']).toBe('application/json')
  })

  it('sends its own User-Agent and Accept unless the check sets them', async () => {
    const r = await runAction({
      files: config(`  - { name: plain, type: http, url: '${target.url}/ok' }
  - { name: custom, type: http, url: '${target.url}/json', headers: { user-agent: probe/2, ACCEPT: application/json } }
`)
    })
    expect(r.code).toBe(0)
    expect(target.requests.find((q) => q.path === '/ok')?.headers).toMatchObject({ 'user-agent': 'deploy-guard', accept: '*/*' })
    expect(target.requests.find((q) => q.path === '/json')?.headers).toMatchObject({ 'user-agent': 'probe/2', accept: 'application/json' })
  })
})

describe('connections', () => {
  const rounds = 'duration: 400ms, interval: 100ms, failure-limit: 0'

  it('are kept alive between rounds', async () => {
    const r = await runAction({ files: config(`  - { name: ok, type: http, url: '${target.url}/ok' }\n`, rounds) })
    expect(r.code).toBe(0)
    // Keep-alive is shown by several requests over one connection; how many rounds a loaded
    // machine fits into the window does not matter here.
    expect(target.hits.get('/ok')).toBeGreaterThanOrEqual(2)
    expect(target.connections).toBe(1)
  })

  it('are kept alive to the proxy too', async () => {
    const proxy = await startForwardProxy({ hosts: ['kept.test'] })
    try {
      const url = `http://kept.test:${new URL(target.url).port}/ok`
      const r = await runAction({ files: config(`  - { name: ok, type: http, url: '${url}' }\n`, rounds), env: { HTTP_PROXY: proxy.url } })
      expect(r.code).toBe(0)
      expect(proxy.requests.length).toBeGreaterThanOrEqual(2)
      expect(proxy.connections).toBe(1)
    } finally {
      await proxy.close()
    }
  })
})
