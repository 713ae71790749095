// The bundled action against the GitHub API emulator, which validates every request against
// GitHub's OpenAPI description: the deployment ledger, faults, dry-run.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const sha = push.after as string

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
  gh.seed.commit({ sha })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const run = (inputs: Record<string, string>, more: object = {}) =>
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'failure-limit': '0', ...inputs }, ...more })
const states = (id: number) => gh.state.statusesOf(id).map((s) => s.state)
const runUrl = `https://github.com/${owner}/${repo}/actions/runs/4242`

describe('the deployment ledger', () => {
  it('records a passing verification: created, in_progress, success, linked to the run', async () => {
    const r = await run({ 'health-urls': `${target.url}/ok`, duration: '1500ms', interval: '500ms' })
    expect(r.code).toBe(0)
    expect(gh.state.deployments).toHaveLength(1)
    const d = gh.state.deployments[0]
    expect(d).toMatchObject({ sha, environment: 'production', task: 'deploy' })
    expect(states(d.id)).toEqual(['in_progress', 'success'])
    expect(gh.state.statusesOf(d.id)[1]).toMatchObject({ log_url: runUrl, description: expect.stringMatching(/^deploy-guard: passed/) })
    const create = gh.requests.find((q) => q.operationId === 'repos/create-deployment')
    expect(create?.body).toMatchObject({ ref: sha, auto_merge: false, required_contexts: [] })
    expect(r.summary).toMatch(/created deployment \d+ of [0-9a-f]{40} in production/)
  })

  it('a passing smoke check costs 4 GitHub requests: find, create, success, and the open-incident check', async () => {
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(states(gh.state.deployments[0].id)).toEqual(['success'])
    expect(gh.requests.map((q) => q.operationId)).toEqual(
      expect.arrayContaining(['repos/list-deployments', 'repos/create-deployment', 'repos/create-deployment-status', 'issues/list-for-repo'])
    )
    expect(gh.requests).toHaveLength(4)
  })

  it('records a failure found before the deployment was even recorded, without in_progress', async () => {
    const r = await run({ 'health-urls': `${target.url}/status/503`, environment: 'staging' })
    expect(r.code).toBe(1)
    const d = gh.state.deployments[0]
    expect(d.environment).toBe('staging')
    expect(states(d.id)).toEqual(['failure'])
    const last = gh.state.statusesOf(d.id)[0]
    expect(last.description).toMatch(/failed: status 503/)
    expect(last.description!.length).toBeLessThanOrEqual(140)
  })

  it('records an inconclusive verification as error', async () => {
    const config = 'checks:\n  - { name: m, type: json, url: "http://127.0.0.1:9/m", path: $.v, max: 1 }\n'
    const r = await run({}, { files: { '.github/deploy-guard.yml': config } })
    expect(r.outputs.result).toBe('inconclusive')
    expect(r.code).toBe(1)
    // It fails the job, so exactly one ::error says why; the check itself is a warning.
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/inconclusive/)
    expect(states(gh.state.deployments[0].id)).toEqual(['error'])
  })

  it('reuses the deployment of the same version on a re-run', async () => {
    const seeded = gh.seed.deployment({ sha, ref: sha, environment: 'production', statuses: ['failure'] })
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(gh.state.deployments).toHaveLength(1)
    expect(states(seeded.id)).toEqual(['failure', 'success'])
    expect(r.summary).toContain(`reused deployment ${seeded.id}`)
  })

  it('records a version that is not a git ref on the commit, with the version in the payload', async () => {
    const first = await run({ 'health-urls': `${target.url}/ok`, version: '2.4.1' })
    expect(first.code).toBe(0)
    expect(gh.state.deployments).toHaveLength(1)
    expect(gh.state.deployments[0]).toMatchObject({ sha, payload: { deploy_guard: { version: '2.4.1' } } })
    // GitHub refuses ref 2.4.1 (no such ref, 422); the deployment is then made on the commit.
    const creates = gh.requests.filter((q) => q.operationId === 'repos/create-deployment')
    expect(creates.map((q) => (q.body as { ref: string }).ref)).toEqual(['2.4.1', sha])
    await run({ 'health-urls': `${target.url}/ok`, version: '2.4.1' })
    expect(gh.state.deployments).toHaveLength(1)
  })

  it('creates nothing on GitHub in dry-run', async () => {
    const r = await run({ 'health-urls': `${target.url}/status/500`, 'dry-run': 'true' })
    expect(r.code).toBe(1)
    expect(gh.requests).toHaveLength(0)
    expect(r.summary).toContain('dry run')
  })

  it('makes no GitHub request when an input is invalid', async () => {
    const r = await run({ 'health-urls': `${target.url}/ok`, duration: 'forever' })
    expect(r.code).toBe(1)
    expect(gh.requests).toHaveLength(0)
    expect(target.hits.size).toBe(0)
  })
})

describe('GitHub faults never lose the verdict', () => {
  it('names the missing permission on 403 and still reports the result', async () => {
    gh.failNext({
      method: 'POST',
      operationId: 'repos/create-deployment',
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' }
    })
    const r = await run({ 'health-urls': `${target.url}/status/503` })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.stdout).toMatch(
      /::warning title=deploy-guard%3A GitHub Deployments::Could not record the deployment: creating the deployment failed \(403\).*add `deployments: write` to the workflow's `permissions:` block/
    )
    expect(r.summary).toContain('could not record the deployment')
    expect(r.report.checks[0].status).toBe('failed')
  })

  it('retries a 5xx from GitHub', async () => {
    gh.failNext({ method: 'POST', operationId: 'repos/create-deployment-status', status: 502 })
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(states(gh.state.deployments[0].id)).toEqual(['success'])
    expect(gh.requests.filter((q) => q.operationId === 'repos/create-deployment-status')).toHaveLength(2)
  })

  it('waits out a secondary rate limit as Retry-After says, then goes on', async () => {
    gh.failNext({
      method: 'POST',
      operationId: 'repos/create-deployment-status',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit.' }
    })
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/GitHub secondary rate limit on POST .*statuses: waiting 1 s as GitHub asks, then retrying/)
    expect(states(gh.state.deployments[0].id)).toEqual(['success'])
  })

  it.each([
    ['a secondary rate limit (403)', 403, { message: 'You have exceeded a secondary rate limit.' }],
    ['a plain 429', 429, { message: 'Too many requests' }]
  ])('does not wait out %s whose Retry-After is over the cap: the verdict is written, the call given up', async (_what, status, body) => {
    gh.failNext({ method: 'POST', operationId: 'repos/create-deployment-status', status, headers: { 'retry-after': '3600' }, body, times: 5 })
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expect(r.durationMs).toBeLessThan(20_000)
    expect(r.stdout).toMatch(/it asks to wait 3600 s, more than the 60 s cap; not waiting, the call is given up/)
    expect(r.stdout).not.toMatch(/waiting 3600/)
    expect(r.summary).toMatch(/could not set deployment \d+ to success/)
    expect(r.report.actions.some((a: { ok: boolean }) => !a.ok)).toBe(true)
  })

  it('retries a plain 429 after its Retry-After', async () => {
    gh.failNext({
      method: 'POST',
      operationId: 'repos/create-deployment-status',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { message: 'Too many requests' }
    })
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/GitHub rate limit \(429\) on POST .*statuses: waiting 1 s as GitHub asks, then retrying/)
    expect(states(gh.state.deployments[0].id)).toEqual(['success'])
  })

  it('says a primary rate limit is not a permission problem', async () => {
    gh.failNext({
      method: 'POST',
      operationId: 'repos/create-deployment',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0' },
      body: { message: 'API rate limit exceeded for installation.' },
      times: 5
    })
    const r = await run({ 'health-urls': `${target.url}/ok` })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/rate limit is used up; not a permission problem/)
    expect(r.stdout).not.toMatch(/add `deployments: write`/)
  })

  it('never sends the token anywhere but GitHub, and masks it', async () => {
    const recorder = await startHttpTarget({ record: true })
    try {
      const r = await run({ 'health-urls': `${recorder.url}/echo-headers\n${recorder.url}/redirect`, duration: '1s', interval: '500ms' })
      expect(r.code).toBe(0)
      expect(recorder.requests.length).toBeGreaterThanOrEqual(4)
      for (const q of recorder.requests) {
        expect(JSON.stringify(q.headers)).not.toContain('ghs_testtoken')
        expect(q.headers.authorization).toBeUndefined()
        expect(q.body).not.toContain('ghs_testtoken')
      }
      // GitHub did get it: the check above would pass vacuously if nothing carried the token.
      expect(gh.requests.every((q) => q.headers.authorization === 'token ghs_testtoken0000000000000000000000000000')).toBe(true)
      expect(r.stdout).toMatch(/^::add-mask::ghs_testtoken/m)
      expect(JSON.stringify(r.report)).not.toContain('ghs_testtoken')
    } finally {
      await recorder.close()
    }
  })
})
