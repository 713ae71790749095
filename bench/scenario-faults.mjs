// (h) The failure path under GitHub faults (issue 12): each write of the path gets one fault of
// the matrix (test-support/fault-matrix.mjs) and the bundled action runs once against the
// in-process GitHub emulator. Per row: GitHub requests from the verdict to the rollback
// delivered (the request that did the deployer's work: a dispatch, or the rollback deployment),
// the time between them, and what exists afterwards. "Verdict" is the 503 leaving the endpoint
// (stamped after res.end). Also measured: the fault-free path, one 5xx on the dispatch, and one
// write hanging past the real 30 s deadline (the matrix runs with a 2 s deadline).
// Standalone: `node bench/scenario-faults.mjs [--write]` (--write puts the section into BENCHMARKS.md).
import { createServer } from 'node:http'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT, runAction, example } from '../test-support/run-action.mjs'
import { startGitHubEmulator } from '../test-support/github-emulator/index.mjs'
import { FAST_GITHUB, FAULTS, deliveredRollbacks } from '../test-support/fault-matrix.mjs'

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const body = (q) => q.body ?? {}

/** The writes of the failure path, each with how to aim a fault at it and how it shows in the emulator. */
export const WRITES = [
  {
    write: 'deployment create',
    match: { operationId: 'repos/create-deployment', when: (q) => body(q).task === 'deploy' && !body(q).payload?.deploy_guard?.rollback_of }
  },
  { write: 'failure status', match: { operationId: 'repos/create-deployment-status', when: (q) => body(q).state === 'failure' } },
  { write: 'rollback record', match: { operationId: 'repos/create-deployment', when: (q) => body(q).task === 'deploy-guard:rollback' } },
  { write: 'record marked sent', match: { operationId: 'repos/create-deployment-status', when: (q) => body(q).state === 'queued' } },
  { write: 'workflow dispatch', match: { operationId: 'actions/create-workflow-dispatch' } },
  { write: 'repository_dispatch', strategy: 'repository-dispatch', match: { operationId: 'repos/create-dispatch-event' } },
  {
    write: 'deployment trigger',
    strategy: 'deployment',
    match: { operationId: 'repos/create-deployment', when: (q) => body(q).task === 'deploy' && !!body(q).payload?.deploy_guard?.rollback_of }
  },
  { write: 'incident issue create', match: { operationId: 'issues/create' } },
  { write: 'comment on the open incident', openIncident: true, match: { operationId: 'issues/create-comment' } },
  { write: 'severity label', openIncident: true, match: { operationId: 'issues/add-labels' } }
]

const DELIVERING = {
  workflow: (q) => q.operationId === 'actions/create-workflow-dispatch',
  'repository-dispatch': (q) => q.operationId === 'repos/create-dispatch-event',
  deployment: (q) => q.operationId === 'repos/create-deployment' && !!body(q).payload?.deploy_guard?.rollback_of && body(q).task === 'deploy'
}

/** A service whose release is broken: every request gets 503; the time of the first answer is the verdict. */
async function brokenService() {
  let verdictAt
  const server = createServer((req, res) => {
    res.writeHead(503).end('down', () => (verdictAt ??= Date.now()))
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${server.address().port}/health`, verdictAt: () => verdictAt, close: () => new Promise((r) => server.close(r)) }
}

/** One run of the failure path with `fault` aimed at `w` (none when undefined). */
export async function runOnce(w, fault, env = FAST_GITHUB) {
  const gh = await startGitHubEmulator({ owner, repo, defaultBranch: 'master' })
  const service = await brokenService()
  const push0 = gh.requests.push.bind(gh.requests)
  gh.requests.push = (...rs) => push0(...rs.map((r) => Object.assign(r, { at: Date.now() })))
  try {
    gh.seed.commit({ sha: push.after })
    gh.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } }, repositoryDispatch: true })
    const good = gh.seed.commit({ message: 'v1.4.0' }).sha
    gh.seed.deployment({ sha: good, ref: 'v1.4.0', environment: 'staging', payload: { deploy_guard: { version: 'v1.4.0' } }, statuses: ['success'] })
    if (w.openIncident) {
      const marker = JSON.stringify({ environment: 'staging', version: 'v1.3.9', deployedAt: Date.now() - 3_600_000, detectedAt: Date.now() - 3_500_000 })
      gh.seed.issue({ title: 'staging: v1.3.9 failed', body: `<!-- deploy-guard:incident ${marker} -->`, labels: ['incident', 'sev3', 'env:staging'] })
    }
    if (fault) gh.failNext({ ...w.match, ...fault })
    const strategy = w.strategy ?? 'workflow'
    const r = await runAction({
      apiUrl: gh.url,
      event: push,
      timeoutMs: 300_000,
      inputs: {
        duration: '0s',
        'failure-limit': '0',
        'health-urls': service.url,
        'rollback-workflow': 'deploy.yml',
        ...(strategy !== 'workflow' && { rollback: strategy }),
        environment: 'staging'
      },
      env
    })
    const verdict = service.verdictAt()
    const delivered = gh.requests.find((q) => DELIVERING[strategy](q) && ((typeof q.status === 'number' && q.status < 300) || q.workDone))
    const path = delivered ? gh.requests.filter((q) => q.at >= verdict && q.at <= delivered.at) : []
    const openIncidents = gh.state.issues.filter((i) => i.state === 'open' && (i.body ?? '').includes('<!-- deploy-guard:incident ')).length
    // As bench (g) counts: from the failure status (the deployment's own writes done) to the rollback.
    const failureStatus = gh.requests.find((q) => q.operationId === 'repos/create-deployment-status' && body(q).state === 'failure')
    const fromFailure = delivered && failureStatus ? gh.requests.filter((q) => q.at >= failureStatus.at && q.at <= delivered.at).length : NaN
    // Everything after the rollback went out: the record's status and the incident step.
    const incidentReqs = delivered
      ? gh.requests.filter((q) => q.at > delivered.at || (q.at === delivered.at && q !== delivered && gh.requests.indexOf(q) > gh.requests.indexOf(delivered)))
          .length
      : NaN
    return {
      rollbacks: deliveredRollbacks(gh, strategy),
      requests: delivered ? path.length : NaN,
      fromFailure,
      ms: delivered ? delivered.at - verdict : NaN,
      openIncidents,
      incidentReqs,
      issueOutput: r.outputs['incident-issue-number'] ?? '',
      code: r.code
    }
  } finally {
    await service.close()
    await gh.close()
  }
}

const outcome = (x) =>
  `${x.rollbacks === 1 ? 'one rollback' : `${x.rollbacks} rollbacks`}, ${x.openIncidents === 1 ? 'one open incident' : `${x.openIncidents} open incidents`}${x.issueOutput ? ` (output #${x.issueOutput})` : ' (no issue output)'}`

export async function faults({ progress } = {}) {
  const rows = []
  const plain = await runOnce(WRITES[4], undefined)
  rows.push({ fault: 'none', write: '—', ...plain })
  for (const w of WRITES) {
    for (const [name, fault] of FAULTS) {
      const x = await runOnce(w, fault)
      rows.push({ fault: name, write: w.write, ...x })
      progress?.(`faults: ${w.write} × ${name}`)
    }
  }
  const fiveXX = await runOnce(WRITES[4], { status: 502 }, {})
  const hang = await runOnce(WRITES[4], { hang: true }, {})
  const ok = (x) => x.rollbacks === 1 && x.openIncidents === 1 && x.issueOutput !== ''
  const targets = [
    {
      what: '(h) fault-free failure path: GitHub requests from the failure status to the rollback sent (as (g) counts them)',
      target: '≤ 6',
      measured: String(plain.fromFailure),
      pass: plain.fromFailure <= 6
    },
    {
      what: "(h) fault-free failure path: GitHub requests after the rollback went out (its record's status, then the incident)",
      target: '≤ 10',
      measured: String(plain.incidentReqs),
      pass: plain.incidentReqs <= 10
    },
    {
      what: '(h) one 502 on the dispatch (default timings): verdict → rollback delivered',
      target: '< 5 s',
      measured: `${fiveXX.ms} ms`,
      pass: ok(fiveXX) && fiveXX.ms < 5000
    },
    {
      what: '(h) the dispatch hanging past the 30 s deadline (default timings): verdict → rollback delivered, incident opened',
      target: '< 75 s',
      measured: `${(hang.ms / 1000).toFixed(1)} s; ${outcome(hang)}`,
      pass: ok(hang) && hang.ms < 75_000
    },
    {
      what: `(h) fault matrix (${rows.length - 1} runs): one rollback and one open incident, named in the outputs`,
      target: 'every row',
      measured: `${rows.filter(ok).length}/${rows.length}`,
      pass: rows.every(ok)
    }
  ]
  return { rows, targets }
}

export function faultsTable(rows) {
  const lines = ['| fault | write | requests verdict → rollback | verdict → rollback delivered | outcome |', '| --- | --- | ---: | ---: | --- |']
  for (const x of rows)
    lines.push(
      `| ${x.fault} | ${x.write} | ${Number.isFinite(x.requests) ? x.requests : '—'} | ${Number.isFinite(x.ms) ? `${x.ms} ms` : '—'} | ${outcome(x)} |`
    )
  return lines.join('\n')
}

export function faultsSection({ rows, targets }) {
  return [
    '## (h) Failure path under GitHub faults',
    `One run per row of the bundled action against the in-process GitHub emulator (no added latency; duration 0s, so the deployment's own create and failure status come after the verdict and are counted in the table), deadline ${FAST_GITHUB.DEPLOY_GUARD_GITHUB_TIMEOUT} and first backoff ${FAST_GITHUB.DEPLOY_GUARD_GITHUB_BACKOFF} (DEPLOY_GUARD_GITHUB_TIMEOUT, DEPLOY_GUARD_GITHUB_BACKOFF) except where "default timings" says so (30 s, 1 s). "Requests" counts every GitHub request from the verdict to the request that delivered the rollback, lookups and retries included. bench/scenario-faults.mjs.`,
    targets.map((t) => `- ${t.pass ? '✅' : '❌'} ${t.what}: target ${t.target}, measured ${t.measured}`).join('\n'),
    faultsTable(rows)
  ].join('\n\n')
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await faults({ progress: (t) => process.stderr.write(`${t}\n`) })
  const section = faultsSection(result)
  process.stdout.write(`${section}\n`)
  if (process.argv.includes('--write')) {
    const file = join(ROOT, 'BENCHMARKS.md')
    const start = '<!-- bench:faults -->'
    const end = '<!-- /bench:faults -->'
    const text = readFileSync(file, 'utf8')
    const block = `${start}\n${section}\n${end}`
    writeFileSync(file, text.includes(start) ? text.replace(new RegExp(`${start}[\\s\\S]*${end}`), block) : `${text.trimEnd()}\n\n${block}\n`)
  }
}
