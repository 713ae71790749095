// (e) Rollback: from the verdict to the rollback sent, with 250 deployments of history in GitHub
// Deployments and 50 ms of emulated API latency on every GitHub request (bench/github-server.mjs
// holds each request 50 ms before the emulator sees it). One endpoint passes its first sample and
// answers 503 to the second (interval 1 s), so the ledger's own writes are done before the verdict:
// every GitHub request from the 503 on belongs to the failure path. "Verdict" is the 503 leaving
// the endpoint server (stamped after res.end); "rollback sent" is the workflow dispatch POST
// arriving at the GitHub proxy. A fresh GitHub process per run keeps the history at 250.
import { summarize } from './stats.mjs'
import { startGitHub } from './services.mjs'
import { runActionOnce } from './tools.mjs'

const HISTORY = 250
const LATENCY_MS = 50
const MAX_REQUESTS = 6
const BUDGET_MS = 1000

export async function rollback({ endpoints, reps, progress }) {
  const runs = []
  for (let rep = -1; rep < reps; rep++) {
    const github = await startGitHub({ latencyMs: LATENCY_MS, history: HISTORY })
    try {
      await endpoints.setup({ delayMs: 0, fail: { 0: { status: 503, from: 1 } } })
      const r = await runActionOnce(
        { 'health-urls': endpoints.url(0), 'failure-limit': '0', duration: '10s', interval: '1s', 'rollback-workflow': 'deploy.yml' },
        { github }
      )
      const verdict = (await endpoints.stats())[0]?.sent.find((x) => x.status === 503)
      const reqs = await github.requests()
      const dispatch = reqs.find((q) => q.method === 'POST' && q.path.endsWith('/dispatches'))
      const path = verdict && dispatch ? reqs.filter((q) => q.at >= verdict.at && q.at <= dispatch.at) : []
      if (rep < 0) continue // warm-up
      runs.push({
        sent: verdict && dispatch ? dispatch.at - verdict.at : NaN,
        acknowledged: verdict && dispatch?.answeredAt ? dispatch.answeredAt - verdict.at : NaN,
        requests: dispatch ? path.length : NaN,
        code: r.code,
        calls: path
          .map((q) => `${q.method} ${q.path.replace(/^\/repos\/[^/]+\/[^/]+/, '').replace(/\d{6,}/g, ':id')}${q.body?.state ? ` (${q.body.state})` : ''}`)
          .join(' → ')
      })
      progress?.(`rollback ${rep + 1}/${reps}`)
    } finally {
      github.stop()
    }
  }
  const sent = summarize(runs.map((x) => x.sent))
  const requests = summarize(runs.map((x) => x.requests))
  const row = {
    sent,
    acknowledged: summarize(runs.map((x) => x.acknowledged)),
    requests,
    found: `${runs.filter((x) => Number.isFinite(x.sent)).length}/${runs.length}`,
    codes: [...new Set(runs.map((x) => x.code))].join(','),
    calls: runs[0]?.calls ?? ''
  }
  const all = runs.length > 0 && runs.every((x) => Number.isFinite(x.sent))
  return {
    rows: [row],
    targets: [
      {
        what: `(e) rollback, ${HISTORY} deployments of history, ${LATENCY_MS} ms API latency: GitHub requests from the verdict to the rollback sent`,
        target: `≤ ${MAX_REQUESTS}`,
        measured: `${requests.median} (max ${requests.max}; sent in ${row.found} runs)`,
        pass: all && requests.max <= MAX_REQUESTS
      },
      {
        what: `(e) rollback, ${HISTORY} deployments of history, ${LATENCY_MS} ms API latency: verdict (503 sent) → workflow dispatch arrives`,
        target: `< ${BUDGET_MS} ms`,
        measured: `${sent.median.toFixed(0)} ms (p90 ${sent.p90.toFixed(0)})`,
        pass: all && sent.median < BUDGET_MS
      }
    ]
  }
}
