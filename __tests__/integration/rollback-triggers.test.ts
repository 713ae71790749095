// The other rollback triggers through the bundled action, each with the exact names deployers rely
// on (PRODUCT.md section 5): repository_dispatch, a new deployment, a signed webhook to a real
// local receiver; and the semver fallback over releases and tags.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startWebhookReceiver, type WebhookReceiver } from '../../test-support/webhook-receiver.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(60_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const badSha = push.after as string
const runUrl = `https://github.com/${owner}/${repo}/actions/runs/4242`
const SECRET = 'whsec-rollback-0123456789abcdef'

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo, defaultBranch: 'master' })
  gh.seed.commit({ sha: badSha })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const run = (inputs: Record<string, string>, more: { files?: Record<string, string>; env?: Record<string, string> } = {}) =>
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, ...inputs }, ...more })
const good = (version: string, statuses: string[] = ['success']) =>
  gh.seed.deployment({
    sha: gh.seed.commit({ message: version }).sha,
    ref: version,
    environment: 'production',
    payload: { deploy_guard: { version } },
    statuses
  })

describe('repository-dispatch', () => {
  it('sends deploy-guard-rollback with environment, bad and good versions, good SHA and run URL', async () => {
    const last = good('v1.4.0')
    const r = await run({ rollback: 'repository-dispatch' })
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
    expect(gh.state.repositoryDispatches).toEqual([
      {
        event_type: 'deploy-guard-rollback',
        client_payload: { environment: 'production', bad_version: badSha, good_version: 'v1.4.0', good_sha: last.sha, run_url: runUrl }
      }
    ])
    expect(r.report.rollback.delivery).toMatchObject({
      strategy: 'repository-dispatch',
      where: `repository_dispatch event deploy-guard-rollback in ${owner}/${repo}`
    })
    expect(r.durationMs).toBeLessThan(10_000)
  })

  it('names contents: write when the token may not send it', async () => {
    good('v1.4.0')
    gh.failNext({
      method: 'POST',
      operationId: 'repos/create-dispatch-event',
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' }
    })
    const r = await run({ rollback: 'repository-dispatch' })
    expect(r.outputs['rolled-back']).toBe('false')
    expect(r.report.rollback.reason).toMatch(/repository_dispatch event deploy-guard-rollback failed \(403\).*add `contents: write`/)
  })
})

describe('deployment', () => {
  it('creates a deployment of the good commit with auto_merge false and explicit required_contexts', async () => {
    const last = good('v1.4.0')
    const r = await run({ rollback: 'deployment' })
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
    const creates = gh.requests.filter((q) => q.operationId === 'repos/create-deployment')
    // The verified deployment, then the rollback: no separate record, the trigger is the record.
    expect(creates).toHaveLength(2)
    expect(creates[1].body).toMatchObject({
      ref: last.sha,
      environment: 'production',
      task: 'deploy',
      auto_merge: false,
      required_contexts: [],
      payload: { deploy_guard: { version: 'v1.4.0', rollback_of: badSha, run_id: '4242', strategy: 'deployment' } }
    })
    const made = gh.state.deployments.at(-1)!
    expect(made).toMatchObject({ sha: last.sha, task: 'deploy' })
    // The deployer posts its statuses; the guard posts none on it.
    expect(gh.state.statusesOf(made.id)).toEqual([])
  })

  it('sends the configured required_contexts, and explains a 409 and a missing deployments: write', async () => {
    const last = good('v1.4.0')
    gh.seed.commitStatus({ sha: last.sha, state: 'success', context: 'ci/build' })
    const r = await run({ rollback: 'deployment' }, { files: { '.github/deploy-guard.yml': 'rollback:\n  required-contexts: [ci/build]\n' } })
    expect(r.outputs['rolled-back']).toBe('true')
    expect(gh.requests.filter((q) => q.operationId === 'repos/create-deployment').at(-1)?.body).toMatchObject({ required_contexts: ['ci/build'] })
    const conflict = await run(
      { rollback: 'deployment' },
      { env: { GITHUB_RUN_ID: '5001' }, files: { '.github/deploy-guard.yml': 'rollback:\n  required-contexts: [ci/e2e]\n' } }
    )
    expect(conflict.report.rollback.reason).toMatch(/\(409\).*rollback\.required-contexts/)
    gh.failNext({
      method: 'POST',
      operationId: 'repos/create-deployment',
      status: 403,
      times: 5,
      body: { message: 'Resource not accessible by integration', status: '403' }
    })
    const denied = await run({ rollback: 'deployment' }, { env: { GITHUB_RUN_ID: '5002' } })
    expect(denied.report.rollback).toMatchObject({ failed: true, reason: expect.stringMatching(/add `deployments: write`/) })
  })
})

describe('webhook', () => {
  let hook: WebhookReceiver
  afterEach(async () => hook?.close())
  const config = (url: string, more = '') => ({
    '.github/deploy-guard.yml': `rollback:\n  strategy: webhook\n  webhook:\n    url: ${url}\n    secret: \${ROLLBACK_SECRET}\n${more}`
  })

  it('POSTs the signed JSON body with the exact keys, retries a 500 with the same delivery id', async () => {
    hook = await startWebhookReceiver({ secret: SECRET, answers: [500, 200] })
    const last = good('v1.4.0')
    const r = await run({}, { files: config(hook.url), env: { ROLLBACK_SECRET: SECRET } })
    expect(r.outputs).toMatchObject({ 'rolled-back': 'true', 'rollback-version': 'v1.4.0' })
    expect(hook.deliveries).toHaveLength(2)
    const [first, second] = hook.deliveries
    expect(first.json).toEqual({
      action: 'rollback',
      repository: `${owner}/${repo}`,
      environment: 'production',
      bad_version: badSha,
      good_version: 'v1.4.0',
      good_sha: last.sha,
      run_url: runUrl
    })
    expect(first.signatureValid && second.signatureValid).toBe(true)
    expect(first.headers['x-deploy-guard-signature-256']).toMatch(/^sha256=[0-9a-f]{64}$/)
    expect(first.headers['x-deploy-guard-delivery']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(second.headers['x-deploy-guard-delivery']).toBe(first.headers['x-deploy-guard-delivery'])
    expect(second.body).toBe(first.body)
    expect(first.headers['content-type']).toBe('application/json')
    expect(r.report.rollback.delivery.webhook).toEqual({
      delivery: first.headers['x-deploy-guard-delivery'],
      attempts: expect.stringMatching(/^500 after \d+ ms; 200 after \d+ ms$/)
    })
    // Masked for the runner (::add-mask::), and nowhere else.
    const printed = r.stdout
      .split('\n')
      .filter((l) => !l.startsWith('::add-mask::'))
      .join('\n')
    expect(printed + r.summary + JSON.stringify(r.report)).not.toContain(SECRET)
    expect(r.stdout).toContain(`::add-mask::${SECRET}`)
  })

  it('reports a failed rollback after 3 attempts answered 500, within the time budget', async () => {
    hook = await startWebhookReceiver({ secret: SECRET, answers: [500] })
    good('v1.4.0')
    const r = await run({}, { files: config(hook.url), env: { ROLLBACK_SECRET: SECRET } })
    expect(hook.deliveries).toHaveLength(3)
    expect(new Set(hook.deliveries.map((d) => d.headers['x-deploy-guard-delivery'])).size).toBe(1)
    expect(r.outputs['rolled-back']).toBe('false')
    expect(r.report.rollback).toMatchObject({
      failed: true,
      reason: expect.stringMatching(/the webhook did not answer 2xx \(500 after \d+ ms; 500 after \d+ ms; 500 after \d+ ms\)/)
    })
    expect(r.durationMs).toBeLessThan(30_000)
    const record = gh.state.deployments.at(-1)!
    expect(gh.state.statusesOf(record.id).map((s) => s.state)).toEqual(['error'])
  })

  it('refuses a webhook without a secret before any request', async () => {
    const r = await run({}, { files: { '.github/deploy-guard.yml': 'rollback:\n  strategy: webhook\n  webhook:\n    url: http://127.0.0.1:9/x\n' } })
    expect(r.errors).toEqual([expect.stringMatching(/^config \.github\/deploy-guard\.yml: rollback\.webhook\.secret: got nothing; expected the HMAC secret/)])
    expect(gh.requests).toHaveLength(0)
    expect(target.hits.size).toBe(0)
  })
})

describe('fallback to releases and tags in semver order', () => {
  const badVersion = 'v1.12.0'
  it('picks the highest semver release below the bad one: v1.10.0 after v1.9.9; drafts, prereleases and non-semver names excluded', async () => {
    for (const tag of ['v1.9.9', 'v1.10.0', 'latest', 'v1.2.0']) gh.seed.release({ tag_name: tag })
    gh.seed.release({ tag_name: 'v1.11.0-rc.1', prerelease: true })
    gh.seed.release({ tag_name: 'v1.11.0', draft: true })
    gh.seed.release({ tag_name: 'v1.13.0' })
    const r = await run(
      { version: badVersion, rollback: 'repository-dispatch' },
      { files: { '.github/deploy-guard.yml': 'rollback:\n  fallback: releases\n' } }
    )
    expect(r.outputs['rollback-version']).toBe('v1.10.0')
    expect(gh.state.repositoryDispatches[0].client_payload).toMatchObject({
      good_version: 'v1.10.0',
      good_sha: gh.state.tags.get('v1.10.0'),
      bad_version: badVersion
    })
    expect(r.report.rollback.reason).toContain('the newest release in semver order')
  })

  it('reads build metadata and skips versions the guard recorded bad', async () => {
    for (const name of ['v1.10.0', '1.10.1+build.7', 'v1.9.9']) gh.seed.tag({ name, sha: gh.seed.commit({ message: name }).sha })
    const cfg = { '.github/deploy-guard.yml': 'rollback:\n  fallback: tags\n' }
    const first = await run({ version: badVersion, rollback: 'repository-dispatch' }, { files: cfg })
    expect(first.outputs['rollback-version']).toBe('1.10.1+build.7')
    // 1.10.1 fails too (recorded bad by the guard): the next rollback skips it.
    gh.seed.deployment({
      sha: gh.state.tags.get('1.10.1+build.7'),
      environment: 'production',
      payload: { deploy_guard: { version: 'v1.10.1' } },
      statuses: [{ state: 'failure', description: 'deploy-guard: failed: 5xx' }] as never
    })
    const second = await run({ version: badVersion, rollback: 'repository-dispatch' }, { files: cfg, env: { GITHUB_RUN_ID: '4999' } })
    expect(second.outputs['rollback-version']).toBe('v1.10.0')
    expect(second.report.rollback.toSha).toBe(gh.state.tags.get('v1.10.0'))
  })
})

describe('long histories', () => {
  it('250 deployments: reads one page and the statuses of one deployment when the newest is good', async () => {
    for (let i = 0; i < 249; i++) good(`v1.0.${i}`, ['success', 'inactive'])
    const r = await run({ rollback: 'repository-dispatch' })
    expect(r.outputs['rollback-version']).toBe('v1.0.248')
    const reads = gh.requests.filter((q) => q.method === 'GET')
    expect(reads.filter((q) => q.operationId === 'repos/list-deployments' && q.query.per_page === '100').map((q) => q.query.page)).toEqual(['1'])
    expect(reads.filter((q) => q.operationId === 'repos/list-deployment-statuses')).toHaveLength(1)
  })

  it('250 deployments: pages on lazily past redeployments of a release recorded bad, and stops at the good one', async () => {
    const badCommit = gh.seed.commit({ message: 'bad' }).sha
    for (let i = 0; i < 120; i++) good(`v1.0.${i}`, ['success', 'inactive'])
    // 128 deployments of one commit by a pipeline retrying it, which the guard then failed: once its
    // failure is read, the others need no status read.
    for (let i = 0; i < 128; i++) gh.seed.deployment({ sha: badCommit, ref: badCommit, environment: 'production', statuses: ['success'] })
    gh.seed.deployment({
      sha: badCommit,
      environment: 'production',
      payload: { deploy_guard: { version: 'v1.1.0' } },
      statuses: [{ state: 'failure', description: 'deploy-guard: failed' }] as never
    })
    const r = await run({ rollback: 'repository-dispatch' })
    expect(r.outputs['rollback-version']).toBe('v1.0.119')
    const lists = gh.requests.filter((q) => q.operationId === 'repos/list-deployments' && q.query.per_page === '100')
    expect(lists.map((q) => q.query.page)).toEqual(['1', '2'])
    expect(gh.requests.filter((q) => q.operationId === 'repos/list-deployment-statuses')).toHaveLength(2)
  })
})
