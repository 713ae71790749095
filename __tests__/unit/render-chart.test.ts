import { renderChart } from '../../src/verify/render-chart.js'
import { renderSummary } from '../../src/verify/render-summary.js'
import type { ConfigFile } from '../../src/settings/config-file.js'
import type { Step } from './fake-probes.js'
import { http, metric, reportOf } from './report-fixtures.js'
import { settingsFrom } from './settings-fixtures.js'

/** The chart of the report's only check. */
async function chartOf(config: ConfigFile, script: Step[], inputs: Record<string, string> = { duration: '1m' }) {
  const s = settingsFrom(inputs, config)
  const report = await reportOf(s, { [s.verify.checks[0].name]: script })
  return { chart: renderChart(report.checks[0], report.samples, Date.parse(report.startedAt)), summary: renderSummary(report) }
}
const lines = (chart: string | undefined) => (chart ?? '').split('\n')

describe('renderChart', () => {
  const prometheus = (extra: object = {}) => ({
    checks: [{ type: 'prometheus', name: 'error "ratio"', url: 'http://prom:9090', query: 'x', max: 0.05, ...extra }]
  })

  it('draws valid samples only, with the threshold as a second line', async () => {
    const { chart } = await chartOf(prometheus(), [
      metric(0.01, 0.05),
      { status: 'error', detail: 'Prometheus unreachable' },
      metric(0.02, 0.05),
      metric(0.03, 0.05)
    ])
    expect(lines(chart)).toEqual([
      '```mermaid',
      'xychart-beta',
      '  title "error \'ratio\'"',
      '  x-axis "seconds since start" ["0s", "30s", "45s"]',
      '  y-axis "value" 0 --> 0.06',
      '  line [0.01, 0.02, 0.03]',
      '  line [0.05, 0.05, 0.05]',
      '```'
    ])
  })

  it('draws the baseline allowance of each sample as the threshold of a baseline check', async () => {
    const withBaseline = (value: number, allowed: number): Step => ({
      status: value <= allowed ? 'pass' : 'fail',
      value,
      detail: `${value}`,
      baseline: { value: allowed / 1.5, allowed, formula: `allowed = ${allowed}` }
    })
    const { chart, summary } = await chartOf(
      prometheus({ baseline: { offset: '1h', 'max-increase': 0.5 } }),
      [withBaseline(0.01, 0.03), withBaseline(0.02, 0.03), withBaseline(0.025, 0.03)],
      { duration: '45s' }
    )
    expect(lines(chart).slice(4, 7)).toEqual(['  y-axis "value" 0 --> 0.04', '  line [0.01, 0.02, 0.025]', '  line [0.03, 0.03, 0.03]'])
    expect(summary).toContain('**Baseline arithmetic**\n- error "ratio": allowed = 0.03')
  })

  it('charts an http check with max-latency in ms against that bound', async () => {
    const config = { checks: [{ type: 'http', name: 'api', url: 'https://api.example.com/', expect: { 'max-latency': '250ms' } }] }
    const { chart } = await chartOf(config, [http(200, 120), http(200, 180), http(200, 90), http(200, 230)])
    expect(lines(chart).slice(2, 7)).toEqual([
      '  title "api (ms)"',
      '  x-axis "seconds since start" ["0s", "15s", "30s", "45s"]',
      '  y-axis "ms" 0 --> 300',
      '  line [120, 180, 90, 230]',
      '  line [250, 250, 250, 250]'
    ])
  })

  it('keeps at most 60 points, the worst of each bucket', async () => {
    const values = Array.from({ length: 120 }, (_, i) => (i % 2 ? 0.02 : 0.01) + i / 100_000)
    const { chart } = await chartOf(
      prometheus(),
      values.map((v) => metric(v, 0.05)),
      { duration: '30m' }
    )
    const drawn = /^ {2}line \[(.*)\]$/m
      .exec(chart ?? '')?.[1]
      .split(', ')
      .map(Number)
    expect(drawn).toHaveLength(60)
    expect(drawn).toEqual(Array.from({ length: 60 }, (_, k) => Number(values[2 * k + 1].toPrecision(4))))
  })

  it('draws nothing without a valid sample, and the summary has no chart section', async () => {
    const { chart, summary } = await chartOf(prometheus(), [{ status: 'error', detail: 'Prometheus unreachable' }], { duration: '30s' })
    expect(chart).toBeUndefined()
    expect(summary).not.toContain('### Over the window')
  })
})
