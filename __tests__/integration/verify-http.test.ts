// The bundled action against real local HTTP targets, run as the runner runs it.
import { jest } from '@jest/globals'
import { runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startTlsTarget } from '../../test-support/tls-target.mjs'

jest.setTimeout(30_000)

let target: Awaited<ReturnType<typeof startHttpTarget>>
beforeEach(async () => {
  target = await startHttpTarget({ hugeBytes: 8 * 1024 * 1024 })
})
afterEach(async () => target.close())

const once = { duration: '0s', 'failure-limit': '0' }

describe('verify against http targets', () => {
  it('passes when every URL answers 2xx, following redirects, and reports it', async () => {
    const r = await runAction({ inputs: { ...once, 'health-urls': `${target.url}/ok\n${target.url}/redirect` } })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual([])
    expect(r.summary).toContain('deploy-guard: passed')
    expect(r.summary).toContain(`health ${target.url}/redirect`)
    expect(r.report.samples).toHaveLength(2)
    expect(target.hits.get('/ok')).toBe(2)
  })

  it('checks URLs that differ only in their query, each under its own name without credentials', async () => {
    const urls = [`${target.url}/ok?region=eu`, `${target.url}/ok?region=us&token=tok-123456789`]
    const r = await runAction({ inputs: { ...once, 'health-urls': urls.join('\n') } })
    expect(r.code).toBe(0)
    expect(target.hits.get('/ok')).toBe(2)
    expect(r.report.checks.map((c: { name: string }) => c.name)).toEqual([`health ${target.url}/ok?region=eu`, `health ${target.url}/ok?region=us`])
    expect(r.summary).not.toContain('tok-123456789')
  })

  it.each([
    ['a 503', '/status/503', /status 503, expected 2xx/],
    ['a 404', '/status/404', /status 404/],
    ['a reset connection', '/reset', /connection reset|closed/],
    ['a redirect loop', '/loop', /more than 5 redirects/],
    ['an answer slower than the timeout', '/delay/5000', /no complete answer within 400 ms/],
    ['a body that drips forever', '/drip', /no complete answer within 400 ms/]
  ])('fails on %s, bounded in time', async (_, path, detail) => {
    const r = await runAction({ inputs: { ...once, 'health-timeout': '400ms', 'health-urls': `${target.url}${path}` } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual([`health ${target.url}${path}`])
    expect(r.errors.join('\n')).toMatch(detail)
    expect(r.durationMs).toBeLessThan(5000)
  })

  it('fails on an answer slower than max-latency', async () => {
    const config = `checks:\n  - { name: slow, type: http, url: '${target.url}/delay/300', expect: { max-latency: 100ms } }\n`
    const r = await runAction({ inputs: once, files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/slow failed: 200 in \d+ ms: latency \d+ ms > max 100 ms/)
  })

  it('fails on a refused connection', async () => {
    const r = await runAction({ inputs: { ...once, 'health-urls': 'http://127.0.0.1:9/' } })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/connection refused/)
  })

  it('fails on a certificate the client cannot verify', async () => {
    const tls = await startTlsTarget()
    try {
      const r = await runAction({ inputs: { ...once, 'health-urls': `${tls.url}/` } })
      expect(r.code).toBe(1)
      expect(r.errors.join('\n')).toMatch(/TLS failure: self-signed certificate/)
    } finally {
      await tls.close()
    }
  })

  it('reads a huge body only up to the limit and still judges the status', async () => {
    const r = await runAction({ inputs: { ...once, 'health-urls': `${target.url}/huge` } })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
  })

  it('fails fast: the first failed sample over the limit ends the window at once', async () => {
    target.set({ breakAfter: 2 })
    const r = await runAction({ inputs: { duration: '1m', interval: '100ms', 'failure-limit': '1', 'health-urls': `${target.url}/health` } })
    expect(r.code).toBe(1)
    // two passes, then two failures: the second exceeds failure-limit 1 and stops the window
    expect(target.hits.get('/health')).toBe(4)
    expect(r.report.stoppedEarly).toBe(true)
    expect(r.durationMs).toBeLessThan(10_000)
  })

  it('tolerates failures up to failure-limit over a window', async () => {
    const r = await runAction({ inputs: { duration: '500ms', interval: '100ms', 'failure-limit': '1', 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(0)
    expect(r.report.rounds).toBe(5)
    expect(target.hits.get('/ok')).toBe(5)
  })

  it('skips the checks and fails at once when the deploy job failed', async () => {
    const r = await runAction({ inputs: { ...once, 'deploy-result': 'failure', 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(target.hits.size).toBe(0)
  })

  it.each(['cancelled', 'skipped'])('gives result skipped when the deploy job was %s', async (deployResult) => {
    const r = await runAction({ inputs: { ...once, 'deploy-result': deployResult, 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('skipped')
    expect(target.hits.size).toBe(0)
  })
})

describe('checks from the config file', () => {
  it('asserts status, body, JSON path and latency, and masks header secrets', async () => {
    const config = `
verify:
  duration: 0s
  failure-limit: 0
checks:
  - name: api
    type: http
    url: ${target.url}/json?value=3
    headers:
      Authorization: Bearer \${API_TOKEN}
    expect:
      status: [200]
      body-contains: '"status":"ok"'
      json: { path: '$.data[0].value', max: 5 }
      max-latency: 2s
  - name: queue depth
    type: json
    url: ${target.url}/json?value=7
    path: $.data[0].value
    max: 5
`
    const secret = 'sekrit-value-1234567890'
    const r = await runAction({ files: { '.github/deploy-guard.yml': config }, env: { API_TOKEN: secret } })
    expect(r.code).toBe(1)
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['queue depth'])
    expect(r.stdout).toContain(`::add-mask::Bearer ${secret}`)
    expect(r.summary).not.toContain(secret)
    expect(JSON.stringify(r.report)).not.toContain(secret)
    expect(r.summary).toMatch(/queue depth .*7 > max 5/)
    expect(r.summary).toContain('xychart-beta')
  })

  it('is inconclusive, not failed, when a metric source cannot answer', async () => {
    const config = `
verify: { duration: 2s, interval: 50ms, consecutive-error-limit: 2 }
checks:
  - { name: metric, type: json, url: 'http://127.0.0.1:9/metric', path: $.value, max: 1 }
`
    const r = await runAction({ files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('inconclusive')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual([])
    expect(r.report.checks[0]).toMatchObject({ status: 'inconclusive', tally: { error: 3, fail: 0 } })
  })
})
