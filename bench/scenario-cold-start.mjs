// (a) Cold start: spawn → the first probe arriving at the endpoint server, with the metric check
// (fake Prometheus) and GitHub (emulator) configured for the action. The floor and wait-on get the
// same two URLs (the health endpoint and the Prometheus query); bare `node -e 0` is spawn → exit.
import { fmtGap, pairedMedianDelta, summarize } from './stats.mjs'
import { rotate, runActionOnce, runBareNodeOnce, runFloorOnce, runWaitOnOnce } from './tools.mjs'

export const ERROR_RATE_QUERY = 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))'
const BUDGET_MS = 250

function firstArrival(stats) {
  const firsts = Object.values(stats)
    .map((s) => s.arrivals[0])
    .filter(Number.isFinite)
  return firsts.length ? Math.min(...firsts) : NaN
}

export async function coldStart({ endpoints, github, reps, progress }) {
  const health = [endpoints.url(0)]
  const promQuery = `${endpoints.base}/api/v1/query?query=${encodeURIComponent(ERROR_RATE_QUERY)}`
  const inputs = { 'health-urls': health.join('\n'), duration: '0s', 'prometheus-url': endpoints.prometheusUrl, 'error-rate-query': ERROR_RATE_QUERY }
  const probed = async (run) => {
    await endpoints.setup({ delayMs: 200 })
    const r = await run()
    const first = firstArrival(await endpoints.stats())
    return { first: first - r.spawnAt, wall: r.wallMs, rss: r.peakRssKiB / 1024, code: r.code, r }
  }
  const tools = {
    'node -e 0': async () => {
      const r = await runBareNodeOnce()
      return { first: NaN, wall: r.wallMs, rss: r.peakRssKiB / 1024, code: r.code, r }
    },
    floor: () => probed(() => runFloorOnce([...health, promQuery])),
    'wait-on': () => probed(() => runWaitOnOnce([...health, promQuery])),
    action: () => probed(() => runActionOnce(inputs, { github }))
  }
  const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]))
  for (const name of Object.keys(tools)) await tools[name]() // warm-up: page cache, JIT-free but disk-warm
  for (let rep = 0; rep < reps; rep++) {
    for (const name of rotate(Object.keys(tools), rep)) samples[name].push(await tools[name]())
    progress?.(`cold start ${rep + 1}/${reps}`)
  }
  const rows = Object.entries(samples).map(([tool, s]) => ({
    tool,
    first: summarize(s.map((x) => x.first)),
    wall: summarize(s.map((x) => x.wall)),
    rss: summarize(s.map((x) => x.rss)),
    codes: [...new Set(s.map((x) => x.code))].join(',')
  }))
  const by = Object.fromEntries(rows.map((r) => [r.tool, r]))
  const action = by.action.first.median
  const floor = by.floor.first.median
  const paired = pairedMedianDelta(
    samples.action.map((x) => x.first),
    samples.floor.map((x) => x.first)
  )
  return {
    rows,
    targets: [
      {
        what: '(a) cold start: spawn → first probe, metric + GitHub configured',
        target: `≤ floor + ${BUDGET_MS} ms`,
        measured: `action ${action.toFixed(0)} ms vs floor ${floor.toFixed(0)} ms (${fmtGap(action, floor, paired)}); node -e 0 exits in ${by['node -e 0'].wall.median.toFixed(0)} ms`,
        pass: action <= floor + BUDGET_MS
      },
      {
        what: '(a) cold start: ahead of wait-on',
        target: 'action median < wait-on median',
        measured: `action ${action.toFixed(0)} ms vs wait-on ${by['wait-on'].first.median.toFixed(0)} ms`,
        pass: action < by['wait-on'].first.median
      }
    ]
  }
}
