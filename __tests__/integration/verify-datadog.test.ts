// The datadog provider through the bundled action, against a local server speaking the
// Datadog metrics query API.
import { jest } from '@jest/globals'
import { runAction } from '../../test-support/run-action.mjs'
import { startDatadogApi, type DatadogApi } from '../../test-support/datadog-api.mjs'

jest.setTimeout(30_000)

const keys = { apiKey: 'dd-api-key-0123456789abcdef', appKey: 'dd-app-key-fedcba9876543210' }
let dd: DatadogApi
beforeEach(async () => {
  dd = await startDatadogApi(keys)
})
afterEach(async () => dd.close())

const config = (url: string, extra = '') => `
verify: { duration: 0s, failure-limit: 0 }
checks:
  - name: p99 latency
    type: datadog
    api-url: ${url}
    query: p99:trace.http.request.duration{service:checkout}
    api-key: \${DD_API_KEY}
    app-key: \${DD_APP_KEY}
    window: 5m
    max: 0.8
${extra}`
const env = { DD_API_KEY: keys.apiKey, DD_APP_KEY: keys.appKey }

describe('datadog checks', () => {
  it('reduces the window to one number and passes under the bound, keys masked', async () => {
    dd.setPoints([0.4, null, 0.6])
    const r = await runAction({ files: { '.github/deploy-guard.yml': config(dd.url) }, env })
    expect(r.code).toBe(0)
    expect(r.report.samples[0]).toMatchObject({ status: 'pass', value: 0.5 })
    const q = dd.requests[0].query
    expect(Number(q.to) - Number(q.from)).toBe(300)
    expect(q.query).toBe('p99:trace.http.request.duration{service:checkout}')
    expect(r.stdout).toContain(`::add-mask::${keys.apiKey}`)
    expect(r.stdout).toContain(`::add-mask::${keys.appKey}`)
    expect(r.summary + JSON.stringify(r.report)).not.toContain(keys.apiKey)
  })

  it('fails over the bound with the aggregation it used', async () => {
    dd.setPoints([0.7, 0.95])
    const r = await runAction({ files: { '.github/deploy-guard.yml': config(dd.url, '    aggregation: max') }, env })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/p99 latency failed: max 0\.95 > max 0\.8/)
  })

  it.each([
    ['refused keys', { DD_API_KEY: 'wrong-key-000000', DD_APP_KEY: keys.appKey }, [0.1], /Datadog refused the credentials \(403\)/],
    ['no points in the window', env, [], /no points in the window/]
  ])('is inconclusive on %s', async (_, e, points, detail) => {
    dd.setPoints(points)
    const r = await runAction({ files: { '.github/deploy-guard.yml': config(dd.url) }, env: e })
    expect(r.outputs.result).toBe('inconclusive')
    expect(r.report.samples[0].detail).toMatch(detail)
  })
})
