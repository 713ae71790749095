// The failure path through the bundled action while GitHub answers as it sometimes does
// (PRODUCT.md sections 5 and 8, issue 12): every write of the path × one fault, then a re-run
// (attempt 2). Whatever GitHub answered, one rollback is delivered, one incident is open, and
// the outputs name what exists.
import { jest } from '@jest/globals'
import { createServer, type AddressInfo } from 'node:net'
import { once } from 'node:events'
import { runAction, example, TEST_TOKEN } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type Fault, type GitHubEmulator, type RecordedRequest } from '../../test-support/github-emulator/index.mjs'
import { incidents } from '../../test-support/incident-scenario.mjs'
import { FAULTS, deliveredRollbacks, FAST_GITHUB, type Strategy } from '../../test-support/fault-matrix.mjs'

jest.setTimeout(120_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const badSha = push.after as string

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
let good: string
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo, defaultBranch: 'master' })
  gh.seed.commit({ sha: badSha })
  gh.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } }, repositoryDispatch: true })
  good = gh.seed.commit({ message: 'v1.4.0' }).sha
  gh.seed.deployment({ sha: good, ref: 'v1.4.0', environment: 'staging', payload: { deploy_guard: { version: 'v1.4.0' } }, statuses: ['success'] })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const body = (q: RecordedRequest) => (q.body ?? {}) as { task?: string; state?: string; payload?: { deploy_guard?: { rollback_of?: string } } }

interface WriteCase {
  readonly write: string
  readonly strategy?: Strategy
  /** An open incident of the environment (sev3) exists: the run comments on it and raises its severity. */
  readonly openIncident?: boolean
  /** The release passes: the run closes the open incident. */
  readonly passing?: boolean
  /** A window whose first round passes and second fails, so `in_progress` is posted before the verdict. */
  readonly window?: boolean
  readonly match: Pick<Fault, 'operationId' | 'when'>
}

const WRITES: WriteCase[] = [
  {
    write: 'deployment create',
    match: { operationId: 'repos/create-deployment', when: (q) => body(q).task === 'deploy' && !body(q).payload?.deploy_guard?.rollback_of }
  },
  { write: 'in_progress status', window: true, match: { operationId: 'repos/create-deployment-status', when: (q) => body(q).state === 'in_progress' } },
  { write: 'failure status', match: { operationId: 'repos/create-deployment-status', when: (q) => body(q).state === 'failure' } },
  { write: 'rollback record', match: { operationId: 'repos/create-deployment', when: (q) => body(q).task === 'deploy-guard:rollback' } },
  { write: 'rollback record marked sent', match: { operationId: 'repos/create-deployment-status', when: (q) => body(q).state === 'queued' } },
  { write: 'workflow dispatch', match: { operationId: 'actions/create-workflow-dispatch' } },
  { write: 'repository_dispatch', strategy: 'repository-dispatch', match: { operationId: 'repos/create-dispatch-event' } },
  {
    write: 'deployment trigger',
    strategy: 'deployment',
    match: { operationId: 'repos/create-deployment', when: (q) => body(q).task === 'deploy' && !!body(q).payload?.deploy_guard?.rollback_of }
  },
  { write: 'incident issue create', match: { operationId: 'issues/create' } },
  { write: 'comment on the open incident', openIncident: true, match: { operationId: 'issues/create-comment' } },
  { write: 'severity label', openIncident: true, match: { operationId: 'issues/add-labels' } },
  { write: 'close on recovery', passing: true, openIncident: true, match: { operationId: 'issues/update' } }
]

function seedOpenIncident(): number {
  const marker = JSON.stringify({ environment: 'staging', version: 'v1.3.9', deployedAt: Date.now() - 3_600_000, detectedAt: Date.now() - 3_500_000 })
  return gh.seed.issue({
    title: 'staging: v1.3.9 failed',
    body: `earlier failure\n<!-- deploy-guard:incident ${marker} -->`,
    labels: ['incident', 'sev3', 'env:staging']
  }).number
}

const run = (c: Pick<WriteCase, 'strategy' | 'passing' | 'window'>, attempt = '1', env: Record<string, string> = {}) =>
  runAction({
    apiUrl: gh.url,
    event: push,
    inputs: {
      ...(c.window ? { duration: '4s', interval: '2s' } : { duration: '0s' }),
      'failure-limit': '0',
      'health-urls': `${target.url}/${c.passing ? 'ok' : c.window ? 'health' : 'status/503'}`,
      'rollback-workflow': 'deploy.yml',
      ...(c.strategy && c.strategy !== 'workflow' && { rollback: c.strategy }),
      environment: 'staging'
    },
    env: { ...FAST_GITHUB, GITHUB_RUN_ATTEMPT: attempt, ...env }
  })

describe.each(WRITES)('$write', (c) => {
  it.each(FAULTS)('%s: one rollback, one incident, outputs true to what exists, also after a re-run', async (_name, fault) => {
    if (c.openIncident) seedOpenIncident()
    if (c.window) target.set({ breakAfter: 1 })
    gh.failNext({ ...c.match, ...fault })
    const first = await run(c)
    expect(gh.faults).toHaveLength(0)
    const open = incidents(gh)
    if (c.passing) {
      expect(first.outputs.result).toBe('passed')
      expect(open).toHaveLength(0)
      return
    }
    expect(first.outputs.result).toBe('failed')
    // Every fault of the matrix is survived within the run's own retries: delivered by attempt 1.
    expect(deliveredRollbacks(gh, c.strategy ?? 'workflow')).toBe(1)
    expect(first.outputs).toMatchObject({ 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
    expect(open).toHaveLength(1)
    expect(first.outputs['incident-issue-number']).toBe(String(open[0].number))
    expect(first.outputs['incident-issue-url']).toBe(open[0].html_url)

    const again = await run(c, '2')
    expect(deliveredRollbacks(gh, c.strategy ?? 'workflow')).toBe(1)
    expect(again.report.rollback.reason).toMatch(/^already rolled back to v1\.4\.0 by attempt 1 of this run/)
    expect(incidents(gh)).toHaveLength(1)
    expect(again.outputs['incident-issue-number']).toBe(String(open[0].number))
  })
})

it('says in the summary which write was retried, what was looked for, and how it ended', async () => {
  gh.failNext({ operationId: 'actions/create-workflow-dispatch', status: 502, afterWork: true })
  const r = await run({})
  expect(gh.state.workflowDispatches).toHaveLength(1)
  expect(r.summary).toMatch(
    /GitHub write retried: dispatching workflow deploy\.yml on master: attempt 1: 502; found a run of deploy\.yml dispatched since the attempt: done, not sent again/
  )
})

it('a dispatch GitHub never answers within the budget fails clearly; the re-run sends it once', async () => {
  gh.failNext({ operationId: 'actions/create-workflow-dispatch', hang: true, times: 50 })
  const first = await run({}, '1', { DEPLOY_GUARD_GITHUB_RETRY_BUDGET: '5s' })
  expect(first.outputs['rolled-back']).toBe('false')
  expect(gh.state.workflowDispatches).toHaveLength(0)
  expect(first.summary).toMatch(/could not roll back .*GitHub did not answer within 2 s/)
  gh.faults.length = 0
  const again = await run({}, '2')
  expect(again.outputs['rolled-back']).toBe('true')
  expect(gh.state.workflowDispatches).toHaveLength(1)
  expect(incidents(gh)).toHaveLength(1)
})

it('a dispatch whose answer and lookup both fail is not sent again; the re-run finds its run and sends nothing', async () => {
  // The dispatch goes out but its answer is lost, and the runs cannot be listed: attempt 1
  // cannot tell, so it leaves the record claimed. Attempt 2 looks for the run before sending.
  gh.failNext({ operationId: 'actions/create-workflow-dispatch', status: 502, afterWork: true })
  gh.failNext({ operationId: 'actions/list-workflow-runs', status: 502, times: 3 })
  const first = await run({})
  expect(gh.state.workflowDispatches).toHaveLength(1)
  expect(first.outputs['rolled-back']).toBe('false')
  expect(first.summary).toMatch(/not sent again, so as not to do it twice/)
  gh.faults.length = 0
  const again = await run({}, '2')
  expect(gh.state.workflowDispatches).toHaveLength(1)
  expect(again.report.rollback.reason).toMatch(/already rolled back to v1\.4\.0 by attempt 1 .*confirmed by its effect: run \d+/)
})

it('a failed lookup of open incidents (3 × 502) still opens the incident', async () => {
  gh.failNext({ operationId: 'issues/list-for-repo', status: 502, times: 3 })
  const r = await run({})
  const open = incidents(gh)
  expect(open).toHaveLength(1)
  expect(r.outputs['incident-issue-number']).toBe(String(open[0].number))
  expect(r.summary).toMatch(/listing open incidents failed .*opened one anyway/)
})

it('the open incident stays in the outputs when a later write to it fails for good', async () => {
  seedOpenIncident()
  gh.failNext({ operationId: 'issues/add-labels', status: 403, body: { message: 'Resource not accessible by integration' } })
  const r = await run({})
  const [open] = incidents(gh)
  expect(r.outputs['incident-issue-number']).toBe(String(open.number))
  // The summary breaks `#1` with a zero-width space so GitHub does not link it twice.
  expect(r.summary).toMatch(/⚠️ Part of it could not be posted: labelling incident #\u200b?\d+ failed \(403\)/)
  expect(r.summary).not.toMatch(/Incident \(not posted\)/)
})

it('the loop guard holds when the rollback run records its own deployment of the good version', async () => {
  const first = await run({})
  expect(first.outputs['rolled-back']).toBe('true')
  // The deployer of the rollback run records its own, newer deployment of v1.4.0.
  gh.seed.deployment({ sha: good, ref: 'v1.4.0', environment: 'staging', statuses: ['in_progress'] })
  const older = gh.seed.commit({ message: 'v1.3.0' }).sha
  gh.seed.deployment({ sha: older, ref: 'v1.3.0', environment: 'staging', statuses: ['success'], created_at: new Date(Date.now() - 86_400_000) })
  const second = await runAction({
    apiUrl: gh.url,
    event: push,
    inputs: {
      version: 'v1.4.0',
      duration: '0s',
      'failure-limit': '0',
      'health-urls': `${target.url}/status/503`,
      'rollback-workflow': 'deploy.yml',
      environment: 'staging'
    },
    env: { ...FAST_GITHUB, GITHUB_RUN_ID: '5151' }
  })
  expect(second.outputs['rolled-back']).toBe('false')
  expect(gh.state.workflowDispatches).toHaveLength(1)
  expect(second.report.rollback).toMatchObject({ rollbackOfRollback: true })
  expect(second.report.rollback.reason).toMatch(/v1\.4\.0 was itself the rollback of [0-9a-f]{40} \(the guard's record, deployment \d+\)/)
})

it('only silence opens the circuit breaker: refused connections on several calls in a row', async () => {
  // A port nothing listens on: every call is refused at once.
  const server = createServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const port = (server.address() as AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  const r = await runAction({
    apiUrl: `http://127.0.0.1:${port}`,
    token: TEST_TOKEN,
    event: push,
    inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, 'rollback-workflow': 'deploy.yml', environment: 'staging' },
    env: FAST_GITHUB
  })
  expect(r.outputs.result).toBe('failed')
  expect(r.stdout).toMatch(/ECONNREFUSED.*3 requests in a row\. The remaining GitHub steps of this run are skipped/)
  expect(r.summary).toMatch(/Incident \(not posted\)/)
})

it('the post step posts a verdict the main step reached but could not post, and does not call it cancelled', async () => {
  gh.failNext({ operationId: 'repos/create-deployment-status', when: (q) => body(q).state === 'failure', status: 503, times: 100 })
  const main = await run({}, '1', { DEPLOY_GUARD_GITHUB_RETRY_BUDGET: '2s' })
  expect(main.outputs.result).toBe('failed')
  expect(main.summary).toMatch(/could not set deployment \d+ to failure/)
  gh.faults.length = 0
  const post = await runAction({ apiUrl: gh.url, event: push, state: main.state, after: main, env: FAST_GITHUB })
  expect(post.code).toBe(0)
  expect(post.stdout).toMatch(/the verdict \(failure\) was reached, but the main step could not post it; deployment \d+ set to failure/)
  const verified = gh.state.deployments.find((d) => d.sha === badSha && d.task === 'deploy')
  const statuses = gh.state.statusesOf(verified?.id ?? 0)
  expect(statuses.at(-1)).toMatchObject({ state: 'failure' })
  expect(statuses.at(-1)?.description).not.toMatch(/cancelled/)
})
