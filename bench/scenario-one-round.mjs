// (b) One round (duration 0s) of N http checks against endpoints answering 200 after 200 ms, for
// the action (GitHub NOT configured: empty token, so no Octokit load and no API call), the floor
// and wait-on: wall time spawn → exit, peak RSS, requests per endpoint, peak in flight per endpoint.
// At N=100 the action also runs with GitHub configured (the emulator, recording the deployment):
// that is how it runs by default (github-token defaults to the workflow's token), so the memory
// target and the count of GitHub requests for a healthy verify are taken on that run.
import { fmtGap, pairedMedianDelta, summarize } from './stats.mjs'
import { rotate, runActionOnce, runFloorOnce, runWaitOnOnce } from './tools.mjs'

const WALL_BUDGET_MS = 300
const RSS_BUDGET_MIB = 110
const GITHUB_REQUESTS_BUDGET = 4

export async function oneRound({ endpoints, github, reps, sizes = [1, 10, 100, 1000], repsFor = () => reps, progress }) {
  const rows = []
  const targets = []
  let lastCalls = []
  for (const n of sizes) {
    const urls = Array.from({ length: n }, (_, i) => endpoints.url(i))
    const tools = {
      floor: () => runFloorOnce(urls),
      'wait-on': () => runWaitOnOnce(urls),
      action: () => runActionOnce({ 'health-urls': urls.join('\n'), duration: '0s' }),
      ...(n === 100 && github ? { 'action + GitHub': () => runActionOnce({ 'health-urls': urls.join('\n'), duration: '0s' }, { github }) } : {})
    }
    const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]))
    const runOnce = async (name) => {
      await endpoints.setup({ delayMs: 200 })
      if (name === 'action + GitHub') await github.reset()
      const r = await tools[name]()
      const calls = name === 'action + GitHub' ? await github.requests() : []
      const githubRequests = calls.length
      if (calls.length) lastCalls = calls.map((c) => `${c.method} ${c.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`)
      const st = await endpoints.stats()
      const per = urls.map((_, i) => st[i] ?? { total: 0, peakInFlight: 0, arrivals: [] })
      const firsts = per.map((p) => p.arrivals[0]).filter(Number.isFinite)
      return {
        wall: r.wallMs,
        rss: r.peakRssKiB / 1024,
        code: r.code,
        reqMin: Math.min(...per.map((p) => p.total)),
        reqMax: Math.max(...per.map((p) => p.total)),
        inFlightMax: Math.max(...per.map((p) => p.peakInFlight)),
        // First request at the first endpoint → first request at the last one: 0 when all go at once.
        spread: Math.max(...firsts) - Math.min(...firsts),
        githubRequests
      }
    }
    if (n === sizes[0] || n === 100) for (const name of Object.keys(tools)) await runOnce(name) // warm-up (again at 100 for the GitHub run)
    const r = repsFor(n)
    for (let rep = 0; rep < r; rep++) {
      for (const name of rotate(Object.keys(tools), rep)) samples[name].push(await runOnce(name))
      progress?.(`one round N=${n} ${rep + 1}/${r}`)
    }
    for (const [tool, s] of Object.entries(samples)) {
      rows.push({
        n,
        tool,
        wall: summarize(s.map((x) => x.wall)),
        rss: summarize(s.map((x) => x.rss)),
        spread: summarize(s.map((x) => x.spread)),
        requests: `${Math.min(...s.map((x) => x.reqMin))}–${Math.max(...s.map((x) => x.reqMax))}`,
        inFlight: Math.max(...s.map((x) => x.inFlightMax)),
        codes: [...new Set(s.map((x) => x.code))].join(','),
        exactlyOnce: s.every((x) => x.reqMin === 1 && x.reqMax === 1 && x.inFlightMax === 1),
        githubRequests: Math.max(...s.map((x) => x.githubRequests))
      })
    }
    const action = rows.find((x) => x.n === n && x.tool === 'action')
    const floor = rows.find((x) => x.n === n && x.tool === 'floor')
    if (n <= 100) {
      targets.push({
        what: `(b) one round, N=${n}: wall spawn → exit`,
        target: `≤ floor + ${WALL_BUDGET_MS} ms`,
        measured: `action ${action.wall.median.toFixed(0)} ms vs floor ${floor.wall.median.toFixed(0)} ms (${fmtGap(
          action.wall.median,
          floor.wall.median,
          pairedMedianDelta(
            samples.action.map((x) => x.wall),
            samples.floor.map((x) => x.wall)
          )
        )})`,
        pass: action.wall.median <= floor.wall.median + WALL_BUDGET_MS
      })
    }
    targets.push({
      what: `(b) one round, N=${n}: one request per endpoint, never two in flight`,
      target: 'exactly 1 request and peak 1 in flight at every endpoint, every run',
      measured: `requests per endpoint ${action.requests}, peak in flight ${action.inFlight}`,
      pass: action.exactlyOnce
    })
    const withGitHub = rows.find((x) => x.n === n && x.tool === 'action + GitHub')
    if (n === 100 && withGitHub) {
      targets.push({
        what: '(b) one round, N=100, GitHub Deployments recording: peak RSS',
        target: `≤ ${RSS_BUDGET_MIB} MiB`,
        measured: `action + GitHub ${withGitHub.rss.median.toFixed(1)} MiB (max ${withGitHub.rss.max.toFixed(1)}); action alone ${action.rss.median.toFixed(1)} MiB; floor ${floor.rss.median.toFixed(1)} MiB`,
        pass: withGitHub.rss.max <= RSS_BUDGET_MIB
      })
      targets.push({
        what: '(b) GitHub requests for a healthy verify',
        target: `≤ ${GITHUB_REQUESTS_BUDGET}`,
        measured: `${withGitHub.githubRequests} (${lastCalls.join(', ')})`,
        pass: withGitHub.githubRequests <= GITHUB_REQUESTS_BUDGET
      })
    }
  }
  return { rows, targets }
}
