// (d) Detection latency inside the engine: from the endpoint server sending the 503 (stamped after
// res.end) to the failure-path request (POST .../deployments/<id>/statuses with state failure)
// arriving at the GitHub proxy (stamped on arrival). Both stamps are CLOCK_MONOTONIC (clock.mjs).
// Three windows: a single round (0s: the 503 comes while the ledger may still be being opened); a
// 1s interval where the 2nd sample fails (1 s into the window: with Octokit's default 1 s spacing
// of writes this fell right behind the in_progress status); and a 1s interval where the 4th sample
// fails (the ledger's writes are long done: the engine's own latency).
import { summarize } from './stats.mjs'
import { runActionOnce } from './tools.mjs'

const BUDGET_MS = 50
const N = 10
const FAILING = 4

const VARIANTS = [
  { name: 'single round (duration 0s)', inputs: { duration: '0s' }, from: 0 },
  { name: 'window (interval 1s, 2nd sample fails)', inputs: { duration: '10s', interval: '1s' }, from: 1 },
  { name: 'window (interval 1s, 4th sample fails)', inputs: { duration: '10s', interval: '1s' }, from: 3 }
]

export async function detection({ endpoints, github, reps, progress }) {
  const urls = Array.from({ length: N }, (_, i) => endpoints.url(i))
  const rows = []
  const targets = []
  for (const v of VARIANTS) {
    const s = []
    for (let rep = v === VARIANTS[0] ? -1 : 0; rep < reps; rep++) {
      await endpoints.setup({ delayMs: 200, fail: { [FAILING]: { status: 503, from: v.from } } })
      await github.reset()
      const r = await runActionOnce({ 'health-urls': urls.join('\n'), 'failure-limit': '0', ...v.inputs }, { github })
      const sent = (await endpoints.stats())[FAILING]?.sent.find((x) => x.status === 503)
      const reqs = await github.requests()
      const failurePost = reqs.find((q) => q.method === 'POST' && q.body?.state === 'failure')
      const inProgress = reqs.find((q) => q.method === 'POST' && q.body?.state === 'in_progress')
      const writes = reqs.filter((q) => q.method !== 'GET')
      const prevWrite = failurePost ? writes.filter((q) => q.at < failurePost.at).at(-1) : undefined
      if (rep < 0) continue // warm-up
      s.push({
        latency: failurePost && sent ? failurePost.at - sent.at : NaN,
        exitAfter: sent ? r.exitAt - sent.at : NaN,
        inProgressVs503: inProgress && sent ? inProgress.at - sent.at : NaN,
        sincePrevWrite: prevWrite ? failurePost.at - prevWrite.answeredAt : NaN,
        writeGaps: writes.slice(1).map((q, i) => q.at - writes[i].at),
        code: r.code,
        calls: reqs
          .map((q) => `${q.method} ${q.path.replace(/^\/repos\/[^/]+\/[^/]+/, '').replace(/\d{6,}/g, ':id')}${q.body?.state ? ` (${q.body.state})` : ''}`)
          .join(' → ')
      })
      progress?.(`detection ${v.name} ${rep + 1}/${reps}`)
    }
    const row = {
      variant: v.name,
      latency: summarize(s.map((x) => x.latency)),
      exitAfter: summarize(s.map((x) => x.exitAfter)),
      inProgressVs503: summarize(s.map((x) => x.inProgressVs503)),
      sincePrevWrite: summarize(s.map((x) => x.sincePrevWrite)),
      writeGaps: summarize(s.flatMap((x) => x.writeGaps)),
      codes: [...new Set(s.map((x) => x.code))].join(','),
      found: `${s.filter((x) => Number.isFinite(x.latency)).length}/${s.length}`,
      calls: s[0]?.calls ?? ''
    }
    rows.push(row)
    targets.push({
      what: `(d) detection, ${v.name}: 503 sent → failure status POST arrives`,
      target: `< ${BUDGET_MS} ms`,
      measured: `${row.latency.median.toFixed(0)} ms (p90 ${row.latency.p90.toFixed(0)}; found in ${row.found} runs)`,
      pass: row.latency.n === s.length && row.latency.median < BUDGET_MS
    })
  }
  return { rows, targets }
}
