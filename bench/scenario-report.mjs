// (i) Delivery report: mode report over 90 days of a busy repository (bench/report-history.mjs:
// 500 deployments, 5,000 commits, ~1,500 merged PRs, incidents and rollbacks) with 50 ms added to
// every GitHub request. Measures spawn → exit, peak RSS and the GitHub requests by endpoint. The
// history is only read, so one GitHub process serves every run.
import { summarize } from './stats.mjs'
import { startGitHub } from './services.mjs'
import { runActionOnce } from './tools.mjs'

const LATENCY_MS = 50
const MAX_REQUESTS = 100
const BUDGET_MS = 60_000
const MAX_RSS_MIB = 150

/** The request's endpoint: method and path with SHAs, numbers and the repository named generically. */
const endpoint = (q) =>
  `${q.method} ${q.path
    .replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{o}/{r}')
    .replace(/[0-9a-f]{40}\.\.\.[0-9a-f]{40}/, '{base}...{head}')
    .replace(/[0-9a-f]{40}/g, '{sha}')}`

export async function report({ reps, progress }) {
  const github = await startGitHub({ latencyMs: LATENCY_MS, report: true })
  const runs = []
  try {
    for (let rep = -1; rep < reps; rep++) {
      await github.reset()
      const r = await runActionOnce({ mode: 'report', 'report-window': '90d' }, { github })
      const reqs = await github.requests()
      if (rep < 0) continue
      const byEndpoint = {}
      for (const q of reqs) byEndpoint[endpoint(q)] = (byEndpoint[endpoint(q)] ?? 0) + 1
      const outputs = /deploy-guard report: (.*?); (\d+) GitHub requests/.exec(r.stdout)
      runs.push({ wallMs: r.wallMs, rssMiB: r.peakRssKiB / 1024, requests: reqs.length, code: r.code, byEndpoint, line: outputs?.[1] ?? r.stderr.slice(-300) })
      progress?.(`report ${rep + 1}/${reps}`)
    }
  } finally {
    github.stop()
  }
  const wall = summarize(runs.map((x) => x.wallMs))
  const rss = summarize(runs.map((x) => x.rssMiB))
  const requests = summarize(runs.map((x) => x.requests))
  const ok = runs.length > 0 && runs.every((x) => x.code === 0)
  return {
    rows: [{ wall, rss, requests, codes: [...new Set(runs.map((x) => x.code))].join(','), byEndpoint: runs[0]?.byEndpoint ?? {}, line: runs[0]?.line ?? '' }],
    targets: [
      {
        what: `(i) report, 90 days, 500 deployments, 5,000 commits, ${LATENCY_MS} ms API latency: GitHub requests`,
        target: `≤ ${MAX_REQUESTS}`,
        measured: `${requests.median} (max ${requests.max})`,
        pass: ok && requests.max <= MAX_REQUESTS
      },
      {
        what: '(i) report: spawn → exit',
        target: `< ${BUDGET_MS / 1000} s`,
        measured: `${(wall.median / 1000).toFixed(1)} s (p90 ${(wall.p90 / 1000).toFixed(1)})`,
        pass: ok && wall.median < BUDGET_MS
      },
      {
        what: '(i) report: peak RSS',
        target: `< ${MAX_RSS_MIB} MiB`,
        measured: `${rss.median.toFixed(0)} MiB (max ${rss.max.toFixed(0)})`,
        pass: ok && rss.max < MAX_RSS_MIB
      }
    ]
  }
}

/** The markdown table of (i), and the requests by endpoint. */
export function reportTable(r) {
  const x = r.rows[0]
  return [
    '| spawn → exit (median, p90) | peak RSS (median, max) | GitHub requests | exit codes |',
    '| --- | --- | --- | --- |',
    `| ${(x.wall.median / 1000).toFixed(2)} s, ${(x.wall.p90 / 1000).toFixed(2)} s | ${x.rss.median.toFixed(0)} MiB, ${x.rss.max.toFixed(0)} MiB | ${x.requests.median} | ${x.codes} |`,
    '',
    '| requests | endpoint |',
    '| --- | --- |',
    ...Object.entries(x.byEndpoint)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, n]) => `| ${n} | \`${k}\` |`),
    '',
    `The action's own line: ${x.line}`
  ].join('\n')
}
