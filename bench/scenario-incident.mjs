// (e) Incident: the bundled action verifies a release that answers 503 and opens the incident
// issue with the run's logs attached, against the GitHub emulator (in this process: it streams
// the seeded log, never building it). Two logs of the run are attached: the deploy job's (small)
// and the failed job's, either small or 200 MB. Measured: spawn → exit, the action's peak RSS,
// and the API requests the incident step made (everything after the failure deployment status),
// besides the log downloads from the storage URL, which are not API calls.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { example, prepareRunnerDir, runnerEnv } from '../test-support/run-action.mjs'
import { handlers, startGitHubEmulator } from '../test-support/github-emulator/index.mjs'
import { nowMs } from './clock.mjs'
import { startHttpTarget } from '../test-support/http-target.mjs'
import { seedIncidentScenario } from '../test-support/incident-scenario.mjs'
import { readHwmKiB, runMeasured } from './measure-process.mjs'
import { summarize } from './stats.mjs'
import { ACTION, NODE } from './tools.mjs'

const MiB = 1024 * 1024
const LOG_BYTES = 200 * MiB
// Requests: at most 10, plus one commits-to-pulls call per commit shown (20 at most).
const TARGETS = { rssMiB: 150, exitRssMiB: 200, wallMs: 3000, requests: 10 }
const PULLS_OF_COMMIT = 'repos/list-pull-requests-associated-with-commit'

/** A job log of `bytes` with an error in the middle and at the end, streamed in 1 MiB strings. */
function bigLog(bytes) {
  const line = `2026-05-01T10:00:00.0000000Z ${'x'.repeat(70)} step output\n`
  const block = line.repeat(Math.floor(MiB / line.length))
  const blocks = Math.round(bytes / block.length)
  return async function* () {
    for (let i = 0; i < blocks; i++) {
      if (i === blocks >> 1) yield '2026-05-01T10:05:00.0000000Z Error: connection pool exhausted\n'
      yield block
    }
    yield '2026-05-01T10:09:59.0000000Z ##[error]Process completed with exit code 1.\n'
  }
}

async function runOnce(target, size) {
  const push = example('push')
  const [owner, repo] = push.repository.full_name.split('/')
  const gh = await startGitHubEmulator({ owner, repo })
  const dir = mkdtempSync(join(tmpdir(), 'deploy-guard-bench-incident-'))
  try {
    const failedLog = size === 'big' ? bigLog(LOG_BYTES) : 'Error: expected 200, got 503\n##[error]Process completed with exit code 1.\n'
    seedIncidentScenario(gh, { sha: push.after, failedLog })
    let createdAt = NaN
    let pid = 0
    let rssAtIssue = NaN
    gh.handlers['issues/create'] = (ctx) => {
      createdAt = nowMs()
      rssAtIssue = readHwmKiB(pid) / 1024
      return handlers['issues/create'](ctx)
    }
    const workspace = prepareRunnerDir(dir, push)
    const env = runnerEnv({
      dir,
      workspace,
      event: push,
      apiUrl: gh.url,
      inputs: { 'health-urls': `${target.url}/status/503`, duration: '0s', 'failure-limit': '0' }
    })
    const r = await runMeasured(NODE, [ACTION], { env, cwd: workspace, timeoutMs: 120_000, onSpawn: (p) => (pid = p) })
    const failure = gh.requests.findLastIndex((q) => q.operationId === 'repos/create-deployment-status')
    const after = gh.requests.slice(failure + 1)
    const api = after.filter((q) => q.operationId !== 'emulator/job-log-download')
    const pulls = api.filter((q) => q.operationId === PULLS_OF_COMMIT).length
    const shown = Math.min(20, gh.state.commits.size - 2) // the commits after the last good release (and the root)
    const opened = gh.state.issues.length === 1 && (gh.state.issues[0].body ?? '').includes('connection pool exhausted') === (size === 'big')
    return {
      wall: r.wallMs,
      posted: createdAt - r.spawnAt,
      rssAtIssue,
      rss: r.peakRssKiB / 1024,
      code: r.code,
      requests: api.length - pulls,
      pulls,
      shown,
      downloads: after.length - api.length,
      calls: api
        .filter((q) => q.operationId !== PULLS_OF_COMMIT)
        .map((q) => q.operationId)
        .join(', '),
      opened
    }
  } finally {
    await gh.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function incident({ reps, progress }) {
  const target = await startHttpTarget()
  const rows = []
  try {
    for (const size of ['small', 'big']) {
      await runOnce(target, size) // warm-up
      const s = []
      for (let rep = 0; rep < reps; rep++) {
        s.push(await runOnce(target, size))
        progress?.(`incident ${size} log ${rep + 1}/${reps}`)
      }
      rows.push({
        log: size === 'big' ? `failed job: ${LOG_BYTES / MiB} MiB streamed; deploy job: small` : 'failed job and deploy job: small',
        wall: summarize(s.map((x) => x.wall)),
        posted: summarize(s.map((x) => x.posted)),
        rssAtIssue: summarize(s.map((x) => x.rssAtIssue)),
        rss: summarize(s.map((x) => x.rss)),
        requests: summarize(s.map((x) => x.requests)),
        pulls: Math.max(...s.map((x) => x.pulls)),
        shown: s[0].shown,
        downloads: s[0].downloads,
        calls: s[0].calls,
        codes: [...new Set(s.map((x) => x.code))].join(','),
        opened: `${s.filter((x) => x.opened).length}/${s.length}`
      })
    }
  } finally {
    await target.close()
  }
  const big = rows[1]
  const small = rows[0]
  const targets = [
    {
      what: '(e) incident from a 200 MiB job log: peak RSS of the action until the issue is created',
      target: `< ${TARGETS.rssMiB} MiB`,
      measured: `${big.rssAtIssue.median.toFixed(1)} MiB (max ${big.rssAtIssue.max.toFixed(1)}; small log ${small.rssAtIssue.median.toFixed(1)})`,
      pass: big.rssAtIssue.max < TARGETS.rssMiB
    },
    {
      what: '(e) the same run to its exit, the whole log redacted into the artifact copy after the issue',
      target: `< ${TARGETS.exitRssMiB} MiB`,
      measured: `${big.rss.median.toFixed(1)} MiB (max ${big.rss.max.toFixed(1)})`,
      pass: big.rss.max < TARGETS.exitRssMiB
    },
    {
      what: '(e) incident from a 200 MiB job log: spawn → the issue created (whole run: verification, deployment, logs, compare)',
      target: `< ${TARGETS.wallMs} ms`,
      measured: `${big.posted.median.toFixed(0)} ms (small log: ${small.posted.median.toFixed(0)} ms); spawn → exit, after redacting the whole log for the artifact: ${big.wall.median.toFixed(0)} ms`,
      pass: big.posted.median < TARGETS.wallMs
    },
    {
      what: '(e) API requests per incident, two jobs attached',
      target: `≤ ${TARGETS.requests} + one commits-to-pulls per commit shown`,
      measured: `${small.requests.max} (${small.calls}) + ${small.pulls} commits-to-pulls for ${small.shown} commit${small.shown === 1 ? '' : 's'} shown + ${small.downloads} log downloads from the storage URL`,
      pass: small.requests.max <= TARGETS.requests && small.pulls <= small.shown
    }
  ]
  return { rows, targets }
}

/** The (e) table. */
export function incidentTable(r) {
  const line = (cells) => `| ${cells.join(' | ')} |`
  const ms = (s) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`
  return [
    line([
      'logs attached',
      'spawn → issue created, ms',
      'spawn → exit, ms',
      'peak RSS until the issue, MiB',
      'peak RSS, MiB',
      'API requests of the incident step',
      'log downloads (storage URL)',
      'exit codes',
      'incident opened with the log'
    ]),
    line(['---', '---', '---', '---', '---', '---', '---', '---', '---']),
    ...r.rows.map((x) =>
      line([
        x.log,
        ms(x.posted),
        ms(x.wall),
        `${x.rssAtIssue.median.toFixed(1)} (max ${x.rssAtIssue.max.toFixed(1)})`,
        `${x.rss.median.toFixed(1)} (max ${x.rss.max.toFixed(1)})`,
        String(x.requests.max),
        String(x.downloads),
        x.codes,
        x.opened
      ])
    )
  ].join('\n')
}
