// Self-test of the GitHub REST API emulator used by the integration tests.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { Octokit } from '@octokit/rest'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

const owner = 'octo-org'
const repo = 'octo-repo'
const sha = 'ffac537e6cbbf934b08745a378932722df287a53'
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }

describe('GitHub emulator', () => {
  let gh: GitHubEmulator
  let octokit: Octokit

  beforeEach(async () => {
    gh = await startGitHubEmulator({ owner, repo, defaultBranch: 'main' })
    octokit = new Octokit({ auth: 'ghs_test', baseUrl: gh.url, log: quiet })
  })

  afterEach(async () => {
    await gh.close()
  })

  /** Runs a request that must fail and returns its HTTP status. */
  async function statusOf(request: Promise<unknown>): Promise<number> {
    try {
      await request
    } catch (err) {
      return (err as { status: number }).status
    }
    throw new Error('request succeeded')
  }

  it('round-trips a deployment and its statuses without violations', async () => {
    const { data, status } = await octokit.repos.createDeployment({
      owner,
      repo,
      ref: sha,
      environment: 'production',
      required_contexts: [],
      auto_merge: false,
      payload: { version: '1.2.3' }
    })
    expect(status).toBe(201)
    if (!('id' in data)) throw new Error('expected a deployment')
    const dep = data
    expect(dep).toMatchObject({ sha, ref: sha, environment: 'production', production_environment: true })
    await octokit.repos.createDeploymentStatus({ owner, repo, deployment_id: dep.id, state: 'in_progress' })
    await octokit.repos.createDeploymentStatus({ owner, repo, deployment_id: dep.id, state: 'success', log_url: 'https://ci.example/1' })
    const { data: statuses, headers } = await octokit.repos.listDeploymentStatuses({ owner, repo, deployment_id: dep.id })
    expect(statuses.map((s) => s.state)).toEqual(['success', 'in_progress'])
    expect(headers['x-ratelimit-remaining']).toBe('4996')
    expect(headers['x-github-request-id']).toMatch(/^[0-9A-F:]+$/)
    expect(gh.requests.map((r) => `${r.status} ${r.operationId}`)).toEqual([
      '201 repos/create-deployment',
      '201 repos/create-deployment-status',
      '201 repos/create-deployment-status',
      '200 repos/list-deployment-statuses'
    ])
    gh.assertClean()
  })

  it('rejects a deployment without ref with 422', async () => {
    const route: string = 'POST /repos/{owner}/{repo}/deployments' // untyped: Octokit's types would refuse the missing ref
    const status = await statusOf(octokit.request(route, { owner, repo, environment: 'production' }))
    expect(status).toBe(422)
    expect(gh.violations).toEqual([expect.objectContaining({ operationId: 'repos/create-deployment', reason: expect.stringContaining('ref is required') })])
    expect(() => gh.assertClean()).toThrow(/ref is required/)
  })

  it('answers 404 for an unknown route', async () => {
    expect(await statusOf(octokit.request('GET /repos/{owner}/{repo}/deployment-guard', { owner, repo }))).toBe(404)
    expect(gh.violations[0].reason).toMatch(/no operation .* matches GET/)
  })

  it('flags an undeclared query parameter', async () => {
    await octokit.request('GET /repos/{owner}/{repo}/deployments', { owner, repo, environment: 'production', state: 'success' })
    expect(gh.violations).toEqual([expect.objectContaining({ reason: expect.stringContaining('"state" is not declared') })])
  })

  it('answers 401 without Authorization', async () => {
    const res = await fetch(`${gh.url}/repos/${owner}/${repo}`)
    expect(res.status).toBe(401)
    expect(gh.violations[0].reason).toMatch(/Authorization/)
  })

  it('serves an injected fault once, then the real answer', async () => {
    gh.failNext({ method: 'POST', path: /\/deployments$/, status: 500, headers: { 'retry-after': '1' }, body: { message: 'boom' } })
    const create = () => octokit.repos.createDeployment({ owner, repo, ref: 'main', required_contexts: [] })
    expect(await statusOf(create())).toBe(500)
    expect((await create()).status).toBe(201)
    expect(gh.requests.map((r) => r.status)).toEqual([500, 201])
    gh.assertClean()
  })

  it('does the work and loses the answer (afterWork), or answers nothing and does nothing (hang)', async () => {
    gh.failNext({ operationId: 'issues/create', status: 502, afterWork: true })
    expect(await statusOf(octokit.issues.create({ owner, repo, title: 'done but not told' }))).toBe(502)
    expect(gh.state.issues.map((i) => i.title)).toEqual(['done but not told'])
    gh.failNext({ operationId: 'issues/create', hang: true })
    const hung = await octokit.issues.create({ owner, repo, title: 'never done', request: { signal: AbortSignal.timeout(300) } }).then(
      () => 'answered',
      (e: Error) => e.name
    )
    expect(hung).not.toBe('answered')
    expect(gh.state.issues.map((i) => i.title)).toEqual(['done but not told'])
    expect(gh.requests.map((r) => r.status)).toEqual([502, 'hung'])
    gh.assertClean()
  })

  it('limits issue bodies to 65,536 characters', async () => {
    expect(await statusOf(octokit.issues.create({ owner, repo, title: 'Incident', body: 'x'.repeat(65_537) }))).toBe(422)
    expect((await octokit.issues.create({ owner, repo, title: 'Incident', body: 'x'.repeat(65_536) })).status).toBe(201)
    gh.assertClean()
  })

  it('emulates the other handlers with responses that match the spec', async () => {
    const run = gh.seed.workflowRun({ conclusion: 'failure', jobs: [{ name: 'deploy', conclusion: 'failure', log: 'boom\n' }] })
    gh.seed.workflow({ file: 'rollback.yml' })
    gh.seed.release({ tag_name: 'v1.0.0' })
    gh.seed.deployment({ ref: 'v1.0.0', statuses: ['success'] })
    const feature = gh.seed.commit({ branch: 'feature', message: 'feat', files: [{ filename: 'src/a.ts', status: 'added' }] })
    await octokit.repos.get({ owner, repo })
    await octokit.paginate(octokit.repos.listDeployments, { owner, repo, environment: 'production', per_page: 1 })
    await octokit.repos.createCommitStatus({ owner, repo, sha, state: 'success', context: 'ci' })
    await octokit.repos.listCommitStatusesForRef({ owner, repo, ref: sha })
    const { data: issue } = await octokit.issues.create({ owner, repo, title: 'Incident', labels: ['incident'] })
    await octokit.issues.createComment({ owner, repo, issue_number: issue.number, body: 'details' })
    await octokit.issues.addLabels({ owner, repo, issue_number: issue.number, labels: ['sev1'] })
    await octokit.issues.update({ owner, repo, issue_number: issue.number, state: 'closed' })
    expect((await octokit.issues.listForRepo({ owner, repo, state: 'all', labels: 'incident,sev1' })).data).toHaveLength(1)
    await octokit.issues.listComments({ owner, repo, issue_number: issue.number })
    const dispatched = await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner,
      repo,
      workflow_id: 'rollback.yml',
      ref: 'main',
      return_run_details: true
    })
    expect(dispatched.status).toBe(200)
    expect((await octokit.actions.createWorkflowDispatch({ owner, repo, workflow_id: 'rollback.yml', ref: 'main' })).status).toBe(204)
    await octokit.repos.createDispatchEvent({ owner, repo, event_type: 'rollback' })
    await octokit.actions.getWorkflowRun({ owner, repo, run_id: run.id })
    const { data: jobs } = await octokit.actions.listJobsForWorkflowRun({ owner, repo, run_id: run.id })
    const log = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: jobs.jobs[0].id })
    expect(log.data).toBe('boom\n')
    const { data: cmp } = await octokit.repos.compareCommitsWithBasehead({ owner, repo, basehead: `main...${feature.sha}` })
    expect(cmp).toMatchObject({ status: 'ahead', ahead_by: 1 })
    await octokit.repos.listReleases({ owner, repo })
    await octokit.repos.listTags({ owner, repo })
    await octokit.rateLimit.get()
    const pr = gh.seed.pullRequest({ head: 'feature', labels: ['change-approved'], reviews: [{ user: 'octocat', state: 'APPROVED' }] })
    expect((await octokit.pulls.listFiles({ owner, repo, pull_number: pr.number })).data.map((f) => f.filename)).toEqual(['src/a.ts'])
    await octokit.pulls.get({ owner, repo, pull_number: pr.number })
    await octokit.pulls.listReviews({ owner, repo, pull_number: pr.number })
    const found = await octokit.search.issuesAndPullRequests({ q: `repo:${owner}/${repo} is:issue is:closed label:incident` })
    expect(found.data.items.map((i) => i.number)).toEqual([issue.number])
    gh.assertClean()
  }, 20_000) // the first use of each response schema compiles it
})
