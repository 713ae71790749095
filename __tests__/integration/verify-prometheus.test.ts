// The bundled action against a real Prometheus server (Debian package), scraping a local app
// whose error ratio the test switches. Fails, never skips, when prometheus is missing.
import { jest } from '@jest/globals'
import { runAction } from '../../test-support/run-action.mjs'
import { startMetricsApp, startPrometheus, type MetricsApp, type PrometheusServer } from '../../test-support/prometheus.mjs'

jest.setTimeout(60_000)

let app: MetricsApp
let prom: PrometheusServer
beforeAll(async () => {
  app = await startMetricsApp({ errorRatio: 0.01 })
  prom = await startPrometheus({ targets: [app.target], scrapeInterval: '1s' })
  await prom.waitForSeries('app_error_ratio', { timeoutMs: 30_000 })
})
afterAll(async () => {
  await prom?.close()
  await app?.close()
})

const RATIO = 'max(app_error_ratio)'

describe('verify with a Prometheus error-rate query', () => {
  it('passes while the error ratio is under the threshold, and charts it', async () => {
    app.setErrorRatio(0.01)
    await prom.waitForValue(RATIO, (v: number) => v < 0.02)
    const r = await runAction({
      inputs: { 'prometheus-url': prom.url, 'error-rate-query': RATIO, 'error-rate-threshold': '0.05', duration: '1s', interval: '500ms' }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expect(r.report.samples.length).toBe(2)
    expect(r.report.samples[0]).toMatchObject({ check: 'error-rate', status: 'pass', value: 0.01 })
    expect(r.summary).toContain('xychart-beta')
    expect(r.summary).toMatch(/line \[0\.05, 0\.05\]/)
  })

  it('fails when the error ratio goes over the threshold', async () => {
    app.setErrorRatio(0.3)
    await prom.waitForValue(RATIO, (v: number) => v > 0.2)
    const r = await runAction({ inputs: { 'prometheus-url': prom.url, 'error-rate-query': RATIO, duration: '0s', 'failure-limit': '0' } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['error-rate'])
    expect(r.errors.join('\n')).toMatch(/error-rate failed: 0\.3 > max 0\.05/)
  })

  it('fails a smoke check at 0.5 against 0.05 with the default failure-limit: its only sample failed', async () => {
    app.setErrorRatio(0.5)
    await prom.waitForValue(RATIO, (v: number) => v > 0.4)
    const r = await runAction({ inputs: { 'prometheus-url': prom.url, 'error-rate-query': RATIO, duration: '0s' } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['error-rate'])
    expect(r.errors.join('\n')).toMatch(/error-rate failed: 0\.5 > max 0\.05; last sample failed/)
  })

  it('reads a rate() over counters as one number', async () => {
    app.setErrorRatio(0)
    const query = 'sum(rate(app_http_requests_total{code="500"}[5s])) / sum(rate(app_http_requests_total[5s]))'
    await prom.waitForValue(query, (v: number) => v === 0, { timeoutMs: 30_000 })
    const r = await runAction({ inputs: { 'prometheus-url': prom.url, 'error-rate-query': query, duration: '0s' } })
    expect(r.code).toBe(0)
    expect(r.report.samples[0]).toMatchObject({ status: 'pass', value: 0 })
  })

  it.each([
    ['an empty vector', 'app_error_ratio{job="nope"}', /empty vector/],
    ['several series', 'app_http_requests_total', /returned 2 series; aggregate it/],
    ['a bad query', 'sum(rate(', /Prometheus answered 400: bad_data/],
    ['a matrix', 'app_error_ratio[10s]', /unexpected result type matrix/]
  ])('is inconclusive, not failed, on %s', async (_, query, detail) => {
    const r = await runAction({ inputs: { 'prometheus-url': prom.url, 'error-rate-query': query, duration: '0s' } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('inconclusive')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual([])
    expect(r.report.samples[0].status).toBe('error')
    expect(r.report.samples[0].detail).toMatch(detail)
  })

  it('is inconclusive when Prometheus is down, and can be told not to fail the job', async () => {
    const config = 'verify:\n  on-inconclusive: { fail-job: false }\n'
    const r = await runAction({
      inputs: { 'prometheus-url': 'http://127.0.0.1:9', 'error-rate-query': RATIO, duration: '0s' },
      files: { '.github/deploy-guard.yml': config }
    })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('inconclusive')
    expect(r.report.samples[0].detail).toMatch(/Prometheus unreachable: connection refused/)
    expect(r.summary).toContain('inconclusive passes with a warning')
  })

  it('compares with the baseline before the deploy and prints the arithmetic', async () => {
    // The ratio was 0 or 0.01 seconds ago; now it jumps to 0.04: under an absolute 0.05, but a
    // regression of more than +50 % over the baseline.
    app.setErrorRatio(0.04)
    await prom.waitForValue(RATIO, (v: number) => v > 0.03)
    const config = `
verify: { duration: 0s, failure-limit: 0 }
checks:
  - name: errors vs baseline
    type: prometheus
    url: ${prom.url}
    query: ${RATIO}
    max: 0.05
    baseline: { offset: 3s, max-increase: 0.5, floor: 0.005 }
`
    const r = await runAction({ files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/errors vs baseline failed: 0\.04 > 0\.0\d+: regression over baseline 0(\.\d+)?/)
    expect(r.summary).toMatch(/allowed = max\(0(\.\d+)? x \(1 \+ 0\.5\) = [\d.]+, floor 0\.005\) = [\d.]+/)
  })
})
