// The whole failure path of a bad release through the bundled action, in the order an on-call
// engineer takes it: deployment status, rollback, then the incident that says what was done.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'
import { commentsOf, incidents } from '../../test-support/incident-scenario.mjs'

jest.setTimeout(60_000)

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
  const good = gh.seed.commit({ message: 'v1.4.0' }).sha
  gh.seed.deployment({ sha: good, ref: 'v1.4.0', environment: 'staging', payload: { deploy_guard: { version: 'v1.4.0' } }, statuses: ['success'] })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const failing = (inputs: Record<string, string> = {}, more: object = {}) =>
  runAction({
    apiUrl: gh.url,
    event: push,
    inputs: {
      duration: '0s',
      'failure-limit': '0',
      'health-urls': `${target.url}/status/503`,
      'rollback-workflow': 'deploy.yml',
      environment: 'staging',
      ...inputs
    },
    ...more
  })
const indexOf = (operationId: string) => gh.requests.findIndex((q) => q.operationId === operationId)
const labelsOf = (issue: { labels: (string | { name?: string })[] }) => issue.labels.map((l) => (typeof l === 'string' ? l : l.name))

it('rolls back, then opens the incident that says what was rolled back and links the run', async () => {
  const r = await failing()
  expect(r.code).toBe(1)
  expect(r.outputs).toMatchObject({ result: 'failed', 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
  const [incident] = incidents(gh)
  expect(r.outputs['incident-issue-number']).toBe(String(incident.number))
  expect(incident.body).toMatch(/\*\*Rollback:\*\* sent by `workflow` to `v1\.4\.0`/)
  // Failure status first, then the rollback, then the incident.
  const status = gh.requests.findIndex((q) => q.operationId === 'repos/create-deployment-status' && (q.body as { state?: string }).state === 'failure')
  expect(status).toBeGreaterThanOrEqual(0)
  expect(status).toBeLessThan(indexOf('actions/create-workflow-dispatch'))
  expect(indexOf('actions/create-workflow-dispatch')).toBeLessThan(indexOf('issues/create'))
  expect(r.summary).toMatch(/Rollback/)
})

it('a rollback GitHub refuses is a failed rollback: the incident says so and its severity is raised', async () => {
  gh.failNext({ method: 'POST', operationId: 'actions/create-workflow-dispatch', status: 403, body: { message: 'Resource not accessible by integration' } })
  const r = await failing()
  expect(r.code).toBe(1)
  expect(r.outputs['rolled-back']).toBe('false')
  expect(r.stdout).toMatch(/actions: write/)
  const [incident] = incidents(gh)
  expect(incident.body).toMatch(/\*\*Rollback:\*\* \*\*failed\*\*/)
  // A failed verdict outside production is sev2 by default; the failed rollback raises it one level.
  expect(labelsOf(incident)).toContain('sev1')
  expect(labelsOf(incident)).not.toContain('sev2')
})

it('when the rollback itself fails verification, nothing more is sent and the open incident is escalated', async () => {
  const first = await failing()
  expect(first.outputs['rolled-back']).toBe('true')
  const [incident] = incidents(gh)
  expect(labelsOf(incident)).toContain('sev2')
  // The rollback workflow redeploys v1.4.0 and verifies it in another run: it fails too.
  const again = await failing({ version: 'v1.4.0' }, { env: { GITHUB_RUN_ID: '4300' } })
  expect(again.code).toBe(1)
  expect(gh.requests.filter((q) => q.operationId === 'actions/create-workflow-dispatch')).toHaveLength(1)
  expect(again.outputs['rolled-back']).toBe('false')
  expect(incidents(gh)).toHaveLength(1)
  const comments = commentsOf(gh, incident)
  expect(comments.at(-1)?.body).toMatch(/itself a rollback/)
  expect(labelsOf(incidents(gh)[0])).toContain('sev1')
})

it('a dry run sends no rollback and opens no incident, and shows what it would do', async () => {
  const r = await failing({ 'dry-run': 'true' })
  expect(r.code).toBe(1)
  expect(gh.requests.filter((q) => q.method !== 'GET')).toHaveLength(0)
  expect(incidents(gh)).toHaveLength(0)
  expect(r.summary).toMatch(/dry run: would open or update the incident issue of staging/)
  expect(r.report.rollback).toMatchObject({ dryRun: true, toVersion: 'v1.4.0' })
})
