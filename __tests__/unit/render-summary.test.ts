import { renderChart } from '../../src/verify/render-chart.js'
import { renderSummary, SUMMARY_LIMIT } from '../../src/verify/render-summary.js'
import { http, metric, reportOf } from './report-fixtures.js'
import { settingsFrom } from './settings-fixtures.js'

const HEALTH = 'health https://shop.example.com/healthz'
const INPUTS = {
  'health-urls': 'https://shop.example.com/healthz',
  'prometheus-url': 'http://prom:9090',
  'error-rate-query': 'sum(rate(errors[5m]))',
  duration: '1m'
}
const RUN = '<sub>[workflow run](https://github.com/acme/shop/actions/runs/4242) · deploy-guard</sub>'

describe('renderSummary of a passed run', () => {
  let summary: string
  beforeAll(async () => {
    const s = settingsFrom(INPUTS)
    summary = renderSummary(await reportOf(s, { 'error-rate': [0.01, 0.012, 0.011, 0.013].map((v) => metric(v, 0.05)), [HEALTH]: [http(200, 42)] }))
  })

  it('leads with the verdict, environment and version', () => {
    expect(summary.startsWith('## ✅ deploy-guard: passed\n\n**Environment** `production` · **version** `0123456789abcdef0123456789abcdef01234567`\n')).toBe(
      true
    )
  })

  it('has a row per check with the observed value, bound and pass / fail / error counts', () => {
    expect(summary).toContain('| check | type | observed | bound | pass / fail / error | verdict |\n| --- | --- | --- | --- | --- | --- |\n')
    expect(summary).toContain(`| ✅ ${HEALTH} | http | 200 in 42 ms | 2xx | 4 / 0 / 0 | 0 failed samples &lt;= failure-limit 1 |`)
    expect(summary).toContain(
      '| ✅ error-rate | prometheus | 0.013 (0.013 within &lt;= 0.05) | &lt;= 0.05 | 4 / 0 / 0 | 0 failed samples &lt;= failure-limit 1 |'
    )
  })

  it('states the window and the limits in force', () => {
    expect(summary).toContain('**Window:** 1m every 15s (4 rounds).\n')
    expect(summary).toContain(
      '**Limits in force:** failure-limit 1 (failed samples tolerated per check; a failed last sample always fails) · inconclusive after 5 errors in a row · ' +
        '256 requests at once · bodies up to 1048576 bytes · 5 redirects · inconclusive fails the job.'
    )
    expect(summary).not.toContain('**Note:**')
  })

  it('claims nothing the run did not do: no word of rollback or incidents', () => {
    expect(summary).not.toMatch(/roll(ed|s)? ?back|incident/i)
  })

  it('charts the prometheus check with its threshold as a second line, and not the plain http check', () => {
    const charts = summary.match(/```mermaid\n[\s\S]*?```/g) ?? []
    expect(charts).toEqual([
      [
        '```mermaid',
        'xychart-beta',
        '  title "error-rate"',
        '  x-axis "seconds since start" ["0s", "15s", "30s", "45s"]',
        '  y-axis "value" 0 --> 0.06',
        '  line [0.01, 0.012, 0.011, 0.013]',
        '  line [0.05, 0.05, 0.05, 0.05]',
        '```'
      ].join('\n')
    ])
  })

  it('links the workflow run', () => {
    expect(summary.endsWith(`${RUN}\n`)).toBe(true)
  })
})

describe('renderSummary of a failed run', () => {
  let summary: string
  beforeAll(async () => {
    const s = settingsFrom({ ...INPUTS, 'failure-limit': '0', 'dry-run': 'true' })
    summary = renderSummary(await reportOf(s, { 'error-rate': [0.01, 0.08].map((v) => metric(v, 0.05)), [HEALTH]: [http(200, 42)] }))
  })

  it('shows the failed verdict, the dry run and the early stop', () => {
    expect(summary).toMatch(/^## ❌ deploy-guard: failed\n/)
    expect(summary).toContain('· **dry run**: nothing was changed')
    expect(summary).toContain('**Window:** 1m every 15s (2 of 4 rounds run), stopped early at the first failed check.')
  })

  it('shows the deciding sample for the failed check and the stopped one', () => {
    expect(summary).toContain('| ❌ error-rate | prometheus | 0.08 > max 0.05 | &lt;= 0.05 | 1 / 1 / 0 | 1 failed sample > failure-limit 0 |')
    expect(summary).toContain(`| ⏹️ ${HEALTH} | http | 200 in 42 ms | 2xx | 2 / 0 / 0 | stopped after 2 of 4 samples: another check failed |`)
  })
})

describe('renderSummary of a failure-limit the window cannot exceed', () => {
  it.each([
    [{ duration: '0s' }, 'failure-limit 1 is not below the 1 round of the window'],
    [{ duration: '1m', 'failure-limit': '4' }, 'failure-limit 4 is not below the 4 rounds of the window'],
    [{ duration: '1m', 'failure-limit': '9' }, 'failure-limit 9 is not below the 4 rounds of the window']
  ])('%j says so in a note and in the report limits', async (inputs, start) => {
    const report = await reportOf(settingsFrom({ ...INPUTS, ...inputs }), {})
    const note = `${start}: it can never be exceeded, so only a failed last sample can fail a check`
    expect(renderSummary(report)).toContain(`\n\n> **Note:** ${note}.\n`)
    expect(report.limits).toMatchObject({ failureLimitExceedable: false, failureLimitNote: note })
  })

  it('says nothing when the limit can be exceeded', async () => {
    const report = await reportOf(settingsFrom({ ...INPUTS, duration: '1m', 'failure-limit': '3' }), {})
    expect(report.limits.failureLimitExceedable).toBe(true)
    expect(report.limits).not.toHaveProperty('failureLimitNote')
    expect(renderSummary(report)).not.toContain('**Note:**')
  })
})

describe('renderSummary escapes what checks report', () => {
  it('keeps names and details from breaking the table or pinging people', async () => {
    const s = settingsFrom({}, { checks: [{ type: 'json', name: 'p99 | @oncall', url: 'https://m.example.com/q', path: '$.p99', max: 300 }] })
    const summary = renderSummary(await reportOf(s, { 'p99 | @oncall': [{ status: 'error', detail: 'metrics endpoint answered 500 <html>\nsee #12' }] }))
    expect(summary).toContain(
      '| ⚠️ p99 \\| @\u200boncall | json | metrics endpoint answered 500 &lt;html> see #\u200b12 | &lt;= 300 | 0 / 0 / 5 | 5 consecutive errors > limit 4 |'
    )
  })
})

describe('renderSummary within SUMMARY_LIMIT', () => {
  // Names as long as the schema allows (100 characters) make big summaries with fewer checks.
  const name = (i: number) => `${'checkout-service-p99-latency-and-error-budget-burn-rate-'.padEnd(94, 'x')}${String(i).padStart(6, '0')}`
  const manyChecks = (n: number) => ({
    checks: Array.from({ length: n }, (_, i) => ({ type: 'prometheus', name: name(i), url: 'http://prom:9090', query: `m${i}`, max: 0.05 }))
  })

  it('drops the charts first and keeps every row', async () => {
    const s = settingsFrom({ duration: '60m', interval: '1m' }, manyChecks(650))
    const report = await reportOf(
      s,
      Object.fromEntries(s.verify.checks.map((c, i) => [c.name, Array.from({ length: 60 }, (_, k) => metric(0.01 + ((i + k) % 97) / 100_000, 0.05))]))
    )
    const start = Date.parse(report.startedAt)
    const chartText = report.checks.map((c) => renderChart(c, report.samples, start) ?? '').join('\n\n')
    expect(Buffer.byteLength(chartText)).toBeGreaterThan(SUMMARY_LIMIT)

    const summary = renderSummary(report)
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(summary).not.toContain('```mermaid')
    expect(summary).toContain('_Charts left out to stay within the summary size limit; the JSON report has every sample._')
    expect(summary.match(/^\| ✅ checkout-\S+ \| prometheus \|/gm)).toHaveLength(650)
    expect(summary.endsWith(`${RUN}\n`)).toBe(true)
  })

  it('cuts the table last, saying so', async () => {
    const s = settingsFrom({ duration: '0' }, manyChecks(5500))
    const summary = renderSummary(await reportOf(s, {}))
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(summary.startsWith('## ✅ deploy-guard: passed\n')).toBe(true)
    expect(summary.endsWith('\n\n_Summary cut at the size limit; see the JSON report._\n')).toBe(true)
  })
})
