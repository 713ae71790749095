// (c) Failure: 10 endpoints answering after 200 ms, one of them 503, failure-limit 0, duration 0s:
// spawn → non-zero exit with the failing URL first, 5th and last. The action runs without GitHub
// (empty token), and again with GitHub (the emulator), which adds the ledger and the failure-path
// request. wait-on is left out: it retries a 503 until its --timeout, so its figure would only
// be the timeout.
import { fmtGap, pairedMedianDelta, summarize } from './stats.mjs'
import { rotate, runActionOnce, runFloorOnce } from './tools.mjs'

const BUDGET_MS = 200
const N = 10
export const POSITIONS = { first: 0, middle: 4, last: 9 }

export async function failure({ endpoints, github, reps, githubReps = reps, progress }) {
  const urls = Array.from({ length: N }, (_, i) => endpoints.url(i))
  const inputs = { 'health-urls': urls.join('\n'), duration: '0s', 'failure-limit': '0' }
  const tools = {
    floor: () => runFloorOnce(urls),
    action: () => runActionOnce(inputs),
    'action + GitHub': () => runActionOnce(inputs, { github })
  }
  const rows = []
  const targets = []
  for (const [where, index] of Object.entries(POSITIONS)) {
    const samples = Object.fromEntries(Object.keys(tools).map((k) => [k, []]))
    const runOnce = async (name) => {
      await endpoints.setup({ delayMs: 200, fail: { [index]: { status: 503, from: 0 } } })
      await github.reset()
      const r = await tools[name]()
      const st = await endpoints.stats()
      const sent = st[index]?.sent.find((x) => x.status === 503)
      const posted = name.includes('GitHub') ? (await github.requests()).find((q) => q.method === 'POST' && q.body?.state === 'failure') : undefined
      return { wall: r.wallMs, code: r.code, afterFail: sent ? r.exitAt - sent.at : NaN, failurePosted: Boolean(posted) }
    }
    if (where === 'first') for (const name of Object.keys(tools)) await runOnce(name) // warm-up
    for (let rep = 0; rep < reps; rep++) {
      // The GitHub runs last 2 s or more each, so they may get fewer repetitions (githubReps).
      const names = Object.keys(tools).filter((name) => rep < githubReps || !name.includes('GitHub'))
      for (const name of rotate(names, rep)) samples[name].push(await runOnce(name))
      progress?.(`failure ${where} ${rep + 1}/${reps}`)
    }
    for (const [tool, s] of Object.entries(samples)) {
      rows.push({
        where: `${where} (#${index + 1} of ${N})`,
        tool,
        wall: summarize(s.map((x) => x.wall)),
        afterFail: summarize(s.map((x) => x.afterFail)),
        codes: [...new Set(s.map((x) => x.code))].join(','),
        failurePosted: tool.includes('GitHub') ? `${s.filter((x) => x.failurePosted).length}/${s.length}` : '–',
        allFailed: s.every((x) => x.code !== 0)
      })
    }
    const floor = rows.find((x) => x.where.startsWith(where) && x.tool === 'floor')
    for (const tool of ['action', 'action + GitHub']) {
      const a = rows.find((x) => x.where.startsWith(where) && x.tool === tool)
      targets.push({
        what: `(c) failure ${where}${tool === 'action' ? '' : ', with GitHub (the failure status, the rollback decision and the incident issue, all before exit)'}: spawn → non-zero exit`,
        target: `≤ floor + ${BUDGET_MS} ms`,
        measured: `${tool} ${a.wall.median.toFixed(0)} ms vs floor ${floor.wall.median.toFixed(0)} ms (${fmtGap(
          a.wall.median,
          floor.wall.median,
          pairedMedianDelta(
            samples[tool].map((x) => x.wall),
            samples.floor.map((x) => x.wall)
          )
        )}); exit codes ${a.codes}`,
        pass: a.allFailed && a.wall.median <= floor.wall.median + BUDGET_MS
      })
    }
  }
  return { rows, targets }
}
