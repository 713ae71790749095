// The rollback through the bundled action against the GitHub API emulator: the last good release
// from GitHub Deployments, the workflow trigger with its exact names, the ledger record, outputs,
// summary and report, dry-run, and GitHub's faults.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator, type HandlerContext } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const badSha = push.after as string

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo, defaultBranch: 'master' })
  gh.seed.commit({ sha: badSha })
  gh.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } } })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const run = (inputs: Record<string, string> = {}, more: object = {}) =>
  runAction({
    apiUrl: gh.url,
    event: push,
    inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, 'rollback-workflow': 'deploy.yml', ...inputs },
    ...more
  })
const good = (version: string, statuses: string[] = ['success'], o: { sha?: string; created_at?: string; environment?: string } = {}) =>
  gh.seed.deployment({
    sha: o.sha ?? gh.seed.commit({ message: version }).sha,
    ref: version,
    environment: o.environment ?? 'production',
    payload: { deploy_guard: { version } },
    statuses,
    ...(o.created_at && { created_at: o.created_at })
  })
const incidentIssue = () => {
  const open = gh.state.issues.filter((i) => i.state === 'open' && (i.body ?? '').includes('<!-- deploy-guard:incident '))
  expect(open).toHaveLength(1)
  return open[0]
}
const dispatches = () => gh.requests.filter((q) => q.operationId === 'actions/create-workflow-dispatch')
const writes = () => gh.requests.filter((q) => q.method !== 'GET')

describe('workflow rollback to the last good deployment', () => {
  it('dispatches the workflow on the default branch with input version, records it, links the run', async () => {
    const older = good('v1.3.0', ['success', 'inactive'], { created_at: '2026-01-01T00:00:00Z' })
    const last = good('v1.4.0', ['success'], { created_at: '2026-01-02T00:00:00Z' })
    const r = await run()
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ result: 'failed', 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
    expect(gh.state.workflowDispatches).toEqual([
      { workflow_id: gh.state.workflows[0].id, path: '.github/workflows/deploy.yml', ref: 'master', inputs: { version: 'v1.4.0' }, run_id: expect.any(Number) }
    ])
    const dispatch = dispatches()[0]
    expect(dispatch.body).toEqual({ ref: 'master', inputs: { version: 'v1.4.0' }, return_run_details: true })
    expect(dispatch.headers['x-github-api-version']).toBe('2022-11-28')
    const runId = gh.state.workflowDispatches[0].run_id
    // The ledger: a record deployment of the good commit that says what it replaced and which run sent it.
    const record = gh.state.deployments.at(-1)!
    expect(record).toMatchObject({ sha: last.sha, task: 'deploy-guard:rollback', environment: 'production' })
    expect(record.payload).toMatchObject({
      deploy_guard: { version: 'v1.4.0', rollback_of: badSha, run_id: '4242', run_attempt: '1', job: 'verify', strategy: 'workflow' }
    })
    expect(gh.state.statusesOf(record.id).map((s) => s.state)).toEqual(['queued'])
    expect(gh.state.statusesOf(record.id)[0].log_url).toBe(`https://github.com/${owner}/${repo}/actions/runs/${runId}`)
    expect(gh.state.statusesOf(older.id).map((s) => s.state)).toEqual(['success', 'inactive'])
    // Summary and report: what was sent, where, with which payload, and the run it started.
    expect(r.summary).toContain('### Rollback')
    expect(r.summary).toMatch(/Rolled back\*\* `6113728f[0-9a-f]+` → `v1\.4\.0`/)
    expect(r.summary).toContain('**Sent to:** workflow deploy.yml on master')
    expect(r.summary).toContain(`[run ${runId}](https://github.com/${owner}/${repo}/actions/runs/${runId})`)
    expect(r.summary).toContain('"version": "v1.4.0"')
    expect(r.report.rollback).toMatchObject({
      triggered: true,
      strategy: 'workflow',
      fromVersion: badSha,
      toVersion: 'v1.4.0',
      toSha: last.sha,
      failed: false,
      rollbackOfRollback: false,
      dryRun: false,
      delivery: {
        strategy: 'workflow',
        where: 'workflow deploy.yml on master',
        payload: { ref: 'master', inputs: { version: 'v1.4.0' } },
        run: { id: runId },
        deploymentId: record.id
      }
    })
    expect(r.report.actions).toContainEqual(expect.objectContaining({ what: `rolled back ${badSha} to v1.4.0 via workflow deploy.yml on master`, ok: true }))
  })

  it('counts a good deployment GitHub later marked inactive, and skips releases the guard failed or that never succeeded', async () => {
    const inactive = good('v1.2.0', ['success', 'inactive'], { created_at: '2026-01-01T00:00:00Z' })
    good('v1.3.0', [{ state: 'in_progress' }, { state: 'failure', description: 'deploy-guard: failed: 5xx' }] as never, { created_at: '2026-01-02T00:00:00Z' })
    good('v1.3.1', ['in_progress'], { created_at: '2026-01-03T00:00:00Z' })
    // The deployer's own failure is not the guard's: v1.3.2 never reached success anyway.
    good('v1.3.2', [{ state: 'failure', description: 'helm upgrade failed' }] as never, { created_at: '2026-01-04T00:00:00Z' })
    const r = await run()
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'rollback-version': 'v1.2.0' })
    expect(r.report.rollback.toSha).toBe(inactive.sha)
    expect(r.report.rollback.reason).toContain(`deployment ${inactive.id}`)
  })

  it('never rolls back to the version being verified, even from an older deployment of it', async () => {
    gh.seed.deployment({ sha: badSha, ref: badSha, environment: 'production', statuses: ['success', 'inactive'], created_at: '2025-12-01T00:00:00Z' })
    const earlier = good('v0.9.0', ['success', 'inactive'], { created_at: '2025-11-01T00:00:00Z' })
    const r = await run()
    expect(r.outputs['rollback-version']).toBe('v0.9.0')
    expect(r.report.rollback.toSha).toBe(earlier.sha)
  })

  it('reports no rollback when the history has no deployment (0) or only the one verified (1)', async () => {
    const none = await run()
    expect(none.code).toBe(1)
    expect(none.outputs).toMatchObject({ result: 'failed', 'rolled-back': 'false', 'rollback-version': '' })
    expect(none.report.rollback).toMatchObject({ triggered: false, failed: false, reason: expect.stringMatching(/^no good release to roll back to/) })
    expect(none.summary).toMatch(/No rollback:\*\* no good release to roll back to/)
    expect(dispatches()).toHaveLength(0)
    const one = await run()
    expect(gh.state.deployments).toHaveLength(1)
    expect(one.outputs['rolled-back']).toBe('false')
    expect(dispatches()).toHaveLength(0)
  })

  it('uses rollback-ref and a renamed workflow input', async () => {
    gh.state.workflows.length = 0
    gh.seed.workflow({ file: 'rollback.yml', inputs: { release: { required: true } } })
    gh.seed.branch({ name: 'release' })
    good('v2.0.0')
    const r = await run(
      { 'rollback-workflow': '.github/workflows/rollback.yml', 'rollback-ref': 'release' },
      { files: { '.github/deploy-guard.yml': 'rollback:\n  workflow-input: release\n' } }
    )
    expect(r.outputs['rolled-back']).toBe('true')
    expect(dispatches()[0].body).toEqual({ ref: 'release', inputs: { release: 'v2.0.0' }, return_run_details: true })
  })
})

describe('safety', () => {
  it('dry-run shows exactly what would be sent and changes nothing', async () => {
    const last = good('v1.4.0')
    const r = await run({ 'dry-run': 'true' })
    expect(r.code).toBe(1)
    expect(writes()).toEqual([])
    expect(r.outputs).toMatchObject({ 'rolled-back': 'false', 'rollback-version': '' })
    expect(r.report.rollback).toMatchObject({
      triggered: false,
      dryRun: true,
      toVersion: 'v1.4.0',
      toSha: last.sha,
      delivery: { strategy: 'workflow', where: 'workflow deploy.yml on master', payload: { ref: 'master', inputs: { version: 'v1.4.0' } } }
    })
    expect(r.summary).toMatch(/Dry run:\*\* would roll back `6113728f[0-9a-f]+` → `v1\.4\.0`/)
    expect(r.summary).toContain('**Would send to:** workflow deploy.yml on master')
  })

  it('a re-run of the same run, or a second job of it, sends nothing twice', async () => {
    good('v1.4.0')
    const first = await run()
    expect(first.outputs['rolled-back']).toBe('true')
    const rerun = await run({}, { env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.code).toBe(1)
    expect(rerun.outputs).toMatchObject({ 'rolled-back': 'false', 'rollback-version': '' })
    expect(rerun.report.rollback.reason).toMatch(/^already rolled back to v1\.4\.0 by attempt 1 of this run \(job verify, deployment \d+\)/)
    const secondJob = await run({}, { env: { GITHUB_JOB: 'verify-eu' } })
    expect(secondJob.report.rollback.reason).toMatch(/^already rolled back/)
    expect(dispatches()).toHaveLength(1)
    // Another workflow run failing the same release later is a new incident: it rolls back.
    const later = await run({}, { env: { GITHUB_RUN_ID: '5000' } })
    expect(later.outputs['rolled-back']).toBe('true')
    expect(dispatches()).toHaveLength(2)
  })

  it('two jobs of one run racing: one sends', async () => {
    good('v1.4.0')
    const [a, b] = await Promise.all([run({}, { env: { GITHUB_JOB: 'verify-a' } }), run({}, { env: { GITHUB_JOB: 'verify-b' } })])
    expect(dispatches()).toHaveLength(1)
    expect([a.outputs['rolled-back'], b.outputs['rolled-back']].sort()).toEqual(['false', 'true'])
  })

  it('a failing rollback is not rolled back: it escalates and triggers nothing', async () => {
    good('v1.3.0', ['success', 'inactive'], { created_at: '2026-01-01T00:00:00Z' })
    good('v1.4.0', ['success'], { created_at: '2026-01-02T00:00:00Z' })
    await run()
    expect(dispatches()).toHaveLength(1)
    // The rollback workflow deploys v1.4.0 and verifies it: it fails too.
    const again = await run({ version: 'v1.4.0' }, { env: { GITHUB_RUN_ID: '4300' } })
    expect(again.code).toBe(1)
    expect(dispatches()).toHaveLength(1)
    expect(again.outputs['rolled-back']).toBe('false')
    expect(again.report.rollback).toMatchObject({
      triggered: false,
      rollbackOfRollback: true,
      reason: expect.stringContaining(`v1.4.0 was itself the rollback of ${badSha}`)
    })
    expect(again.summary).toContain('🚨 **Not rolled back: v1.4.0 was itself a rollback.**')
    // The verify of the rollback reused its record: v1.4.0 is now recorded bad there.
    const record = gh.state.deployments.find((d) => (d.payload as { deploy_guard?: { rollback_of?: string } }).deploy_guard?.rollback_of === badSha)!
    expect(gh.state.statusesOf(record.id).map((s) => s.state)).toEqual(expect.arrayContaining(['queued', 'failure']))
    expect(gh.state.statusesOf(record.id).at(-1)?.state).toBe('failure')
  })

  it('does not roll back an inconclusive verdict unless configured, nor a cancelled run', async () => {
    good('v1.4.0')
    const inconclusive = { 'health-urls': '', 'prometheus-url': 'http://127.0.0.1:9', 'error-rate-query': 'up' }
    const r = await run(inconclusive)
    expect(r.outputs.result).toBe('inconclusive')
    expect(r.report.rollback.reason).toMatch(/inconclusive, which is not evidence/)
    expect(dispatches()).toHaveLength(0)
    const configured = await run(inconclusive, { files: { '.github/deploy-guard.yml': 'verify:\n  on-inconclusive: { rollback: true }\n' } })
    expect(configured.outputs['rolled-back']).toBe('true')
  })

  it('rolls back at once when the deploy job failed; a cancelled or skipped deploy only when configured', async () => {
    good('v1.4.0')
    const failed = await run({ 'deploy-result': 'failure', 'health-urls': '' })
    expect(failed.outputs).toMatchObject({ result: 'failed', 'rolled-back': 'true' })
    expect(target.hits.size).toBe(0)
    const cancelled = await run({ 'deploy-result': 'cancelled' }, { env: { GITHUB_RUN_ID: '4400' } })
    expect(cancelled.outputs).toMatchObject({ result: 'skipped', 'rolled-back': 'false' })
    expect(cancelled.report.rollback).toBeUndefined()
    const configured = await run(
      { 'deploy-result': 'cancelled' },
      { env: { GITHUB_RUN_ID: '4500' }, files: { '.github/deploy-guard.yml': 'rollback:\n  on-deploy-cancelled: true\n' } }
    )
    expect(configured.outputs).toMatchObject({ result: 'skipped', 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
    expect(dispatches()).toHaveLength(2)
  })
})

describe('GitHub faults', () => {
  it('retries a 500 while reading the history, then rolls back', async () => {
    good('v1.4.0')
    gh.failNext({ method: 'GET', operationId: 'repos/list-deployment-statuses', status: 500 })
    const r = await run()
    expect(r.outputs['rolled-back']).toBe('true')
    expect(gh.requests.filter((q) => q.operationId === 'repos/list-deployment-statuses')).toHaveLength(2)
  })

  it('waits out a secondary rate limit (403 with Retry-After) on the dispatch, then sends it once', async () => {
    good('v1.4.0')
    gh.failNext({
      method: 'POST',
      operationId: 'actions/create-workflow-dispatch',
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }
    })
    const r = await run()
    expect(r.outputs['rolled-back']).toBe('true')
    expect(dispatches().map((q) => q.status)).toEqual([403, 200])
    expect(gh.state.workflowDispatches).toHaveLength(1)
  })

  it('names actions: write on a 403, marks the record error, and a re-run then sends it', async () => {
    good('v1.4.0')
    gh.failNext({
      method: 'POST',
      operationId: 'actions/create-workflow-dispatch',
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' }
    })
    const r = await run()
    expect(r.code).toBe(1)
    expect(r.outputs['rolled-back']).toBe('false')
    expect(r.report.rollback).toMatchObject({ failed: true, triggered: false })
    expect(r.stdout).toMatch(
      /::warning title=deploy-guard%3A rollback::Rollback of [0-9a-f]+ failed: could not roll back to v1\.4\.0 via workflow deploy\.yml on master: dispatching workflow deploy\.yml on master failed \(403\).*add `actions: write` to the workflow's `permissions:` block/
    )
    expect(r.summary).toMatch(/Rollback failed\*\*.*'actions: write'/)
    const record = gh.state.deployments.at(-1)!
    expect(gh.state.statusesOf(record.id).map((s) => s.state)).toEqual(['error'])
    const rerun = await run({}, { env: { GITHUB_RUN_ATTEMPT: '2' } })
    expect(rerun.outputs['rolled-back']).toBe('true')
    expect(gh.state.workflowDispatches).toHaveLength(1)
  })

  it('explains a workflow that does not exist (404) and one that lacks the version input (422)', async () => {
    good('v1.4.0')
    const missing = await run({ 'rollback-workflow': 'nope.yml' })
    expect(missing.report.rollback.reason).toMatch(/no workflow nope\.yml in this repository.*check rollback-workflow.*`actions: write`/)
    gh.state.workflows.length = 0
    gh.seed.workflow({ file: 'deploy.yml', inputs: { tag: { required: false } } })
    const noInput = await run({}, { env: { GITHUB_RUN_ID: '4600' } })
    expect(noInput.report.rollback.failed).toBe(true)
    expect(noInput.report.rollback.reason).toMatch(
      /Unexpected inputs provided.*The workflow must declare the input `version` under `on: workflow_dispatch: inputs:` on master/
    )
    expect(gh.state.workflowDispatches).toHaveLength(0)
  })

  it('finds the run when the server answers 204 without it', async () => {
    good('v1.4.0')
    gh.handlers['actions/create-workflow-dispatch'] = (ctx: HandlerContext) => {
      const wf = ctx.state.findWorkflow(String(ctx.params.workflow_id))!
      gh.seed.workflowRun({ workflow_id: wf.id, event: 'workflow_dispatch', status: 'queued', head_branch: 'master' })
      return { status: 204 }
    }
    const r = await run()
    // A 204 has no body: nothing may keep the process alive until the call's 30 s deadline.
    expect(r.durationMs).toBeLessThan(10_000)
    expect(r.outputs['rolled-back']).toBe('true')
    const found = gh.state.workflowRuns.at(-1)!
    expect(r.report.rollback.delivery.run).toEqual({ id: found.id, url: found.html_url })
    expect(gh.requests.some((q) => q.operationId === 'actions/list-workflow-runs' && q.query.event === 'workflow_dispatch')).toBe(true)
  })
})

describe('a rollback workflow that cannot run (issue 14)', () => {
  it('a disabled workflow is named as such, with how to enable it, in full in the incident', async () => {
    good('v1.4.0')
    gh.state.workflows[0].state = 'disabled_manually'
    const r = await run()
    expect(r.code).toBe(1)
    expect(r.report.rollback).toMatchObject({ triggered: false, failed: true })
    expect(r.report.rollback.reason).toContain('on a disabled workflow. Enable it: `gh workflow enable deploy.yml`')
    expect(r.report.rollback.reason).not.toContain('Add `on: workflow_dispatch`')
    expect(incidentIssue().body).toContain('Enable it: `gh workflow enable deploy.yml`, or Enable workflow on its page in the Actions tab.')
  })

  it('rollback.wait with a strategy it cannot watch is an input error', async () => {
    const r = await run({ rollback: 'repository-dispatch' }, { files: { '.github/deploy-guard.yml': 'rollback:\n  wait: { timeout: 30s }\n' } })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error[^\n]*rollback\.wait: got .*; expected no rollback\.wait with strategy repository-dispatch/)
    expect(writes()).toEqual([])
  })
})

describe('rollback.wait: did it work?', () => {
  const waitConfig = (o = 'timeout: 30s, interval: 1s') => ({ '.github/deploy-guard.yml': `rollback:\n  wait: { ${o} }\n` })
  const onDispatch = (fn: (run: { status: string; conclusion: string | null }) => void) => {
    ;(gh.state as unknown as { options: { onWorkflowDispatch: typeof fn } }).options.onWorkflowDispatch = fn
  }

  it('waits for the rollback run, samples the checks again and reports restored with the time to restore', async () => {
    good('v1.4.0')
    target.set({ breakAfter: 0 })
    onDispatch((run) => {
      run.status = 'completed'
      run.conclusion = 'success'
      target.set({ breakAfter: Infinity })
    })
    const r = await run({ 'health-urls': `${target.url}/health` }, { files: waitConfig() })
    expect(r.code).toBe(1)
    expect(r.report.rollback.restore).toEqual({
      state: 'restored',
      runConclusion: 'success',
      timeToRestoreMs: expect.any(Number),
      reason: expect.stringMatching(/^every check passes after the rollback run; time to restore \d/)
    })
    expect(target.hits.get('/health')).toBe(2)
    expect(r.summary).toContain('💚 **Restored**')
    expect(gh.requests.filter((q) => q.operationId === 'actions/get-workflow-run')).toHaveLength(1)
    // The incident says so, with the time to restore, and keeps the severity of the failure.
    const issue = incidentIssue()
    expect(issue.body).toMatch(/\*\*Restored\*\* in \d+s \(time to restore\): `every check passes after the rollback run/)
    expect(issue.title).toMatch(/^\[sev1\] production: failed verifying/)
  })

  it('reports not restored when the run fails, or does not finish within the timeout', async () => {
    good('v1.4.0')
    good('v1.4.0', ['success'], { environment: 'staging' })
    onDispatch((run) => {
      run.status = 'completed'
      run.conclusion = 'failure'
    })
    const staging = { environment: 'staging' }
    const failed = await run(staging, { files: waitConfig() })
    expect(failed.report.rollback.restore).toMatchObject({
      state: 'not restored',
      runConclusion: 'failure',
      reason: expect.stringMatching(/^the rollback run \d+ ended failure$/)
    })
    // Not restored reaches the incident and raises the severity one level (staging failed: sev2 → sev1).
    const issue = incidentIssue()
    expect(issue.body).toMatch(/\*\*Not restored\*\*: `the rollback run \d+ ended failure`; the severity was raised\./)
    expect(issue.body).toContain('raised from sev2 because the rollback did not restore the service')
    expect(issue.title).toMatch(/^\[sev1\] staging: failed verifying/)
    expect(issue.labels.map((l) => (typeof l === 'string' ? l : l.name))).toContain('sev1')
    onDispatch(() => {})
    const slow = await run({}, { files: waitConfig('timeout: 2s, interval: 1s'), env: { GITHUB_RUN_ID: '4700' } })
    expect(slow.report.rollback.restore).toMatchObject({
      state: 'not restored',
      reason: expect.stringMatching(/did not finish within 2s \(rollback\.wait\.timeout\); it is queued$/)
    })
    expect(slow.summary).toContain('🔴 **Not restored**')
    expect(slow.durationMs).toBeLessThan(15_000)
  })
})
