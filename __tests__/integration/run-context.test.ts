// The bundled action in the contexts the runner gives it: pull-request and workflow_run events,
// a missing RUNNER_TEMP, config paths, auto mode, production_environment. GitHub is the emulator.
import { jest } from '@jest/globals'
import { tmpdir } from 'node:os'
import { existsSync } from 'node:fs'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
const once = { duration: '0s', 'failure-limit': '0' }

afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

async function start(event: { repository: { full_name: string } }): Promise<void> {
  const [owner, repo] = event.repository.full_name.split('/')
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
}

describe('the commit under verification', () => {
  it('is the PR head on a pull_request event with mode verify, not the merge commit the runner checked out', async () => {
    const event = example('pull_request', 'opened')
    await start(event)
    const head = event.pull_request.head.sha as string
    const merge = 'abcabcabcabcabcabcabcabcabcabcabcabcabca'
    gh.seed.commit({ sha: head })
    gh.seed.commit({ sha: merge })
    const r = await runAction({
      apiUrl: gh.url,
      eventName: 'pull_request',
      event,
      sha: merge,
      inputs: { ...once, mode: 'verify', environment: 'pr-preview', 'health-urls': `${target.url}/ok` }
    })
    expect(r.code).toBe(0)
    expect(r.report.version).toBe(head)
    expect(gh.state.deployments).toHaveLength(1)
    expect(gh.state.deployments[0]).toMatchObject({ sha: head, environment: 'pr-preview' })
  })

  it("is the triggering run's head SHA on workflow_run", async () => {
    const event = example('workflow_run', 'completed')
    await start(event)
    const head = event.workflow_run.head_sha as string
    gh.seed.commit({ sha: head })
    const r = await runAction({
      apiUrl: gh.url,
      eventName: 'workflow_run',
      event,
      sha: 'f'.repeat(40),
      inputs: { ...once, 'health-urls': `${target.url}/ok` }
    })
    expect(r.code).toBe(0)
    expect(r.report.version).toBe(head)
    expect(gh.state.deployments[0].sha).toBe(head)
  })
})

describe('auto mode on a pull-request event', () => {
  it('runs approval: judges the PR and posts deploy-guard/change-approval on its head, probing nothing', async () => {
    const event = example('pull_request', 'opened')
    await start(event)
    const pr = gh.seed.pullRequest({ title: 'Change', user: event.pull_request.user.login, head: 'changes', files: [{ filename: 'src/app.ts' }] })
    event.pull_request.number = pr.number
    const r = await runAction({ apiUrl: gh.url, eventName: 'pull_request', event, inputs: { 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(1)
    expect(r.report).toMatchObject({ mode: 'approval', result: 'failed', commit: pr.head.sha })
    expect(gh.state.commitStatuses).toEqual([
      { sha: pr.head.sha, status: expect.objectContaining({ context: 'deploy-guard/change-approval', state: 'failure' }) }
    ])
    expect(gh.state.deployments).toHaveLength(0)
    expect(target.hits.size).toBe(0)
  })
})

describe('production_environment', () => {
  const push = example('push')
  const created = () => gh.requests.find((q) => q.operationId === 'repos/create-deployment')?.body as Record<string, unknown>

  it.each([
    ['production', undefined, true],
    ['Prod', undefined, true],
    ['product-catalog', undefined, false],
    ['staging', 'production-environment: true\n', true],
    ['production', 'production-environment: false\n', false]
  ])('environment %s with config %p records production_environment %p', async (environment, config, expected) => {
    await start(push)
    gh.seed.commit({ sha: push.after })
    const r = await runAction({
      apiUrl: gh.url,
      event: push,
      inputs: { ...once, environment, 'health-urls': `${target.url}/ok` },
      ...(config && { files: { '.github/deploy-guard.yml': config } })
    })
    expect(r.code).toBe(0)
    expect(created().production_environment).toBe(expected)
  })
})

describe('the runner environment', () => {
  const push = example('push')

  it('writes the report to the system temp directory when RUNNER_TEMP is missing', async () => {
    await start(push)
    const r = await runAction({ event: push, env: { RUNNER_TEMP: undefined }, inputs: { ...once, 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(0)
    expect(r.outputs.result).toBe('passed')
    expect(r.outputs.report.startsWith(tmpdir())).toBe(true)
    expect(existsSync(r.outputs.report)).toBe(true)
    expect(r.stdout).not.toMatch(/\n\s+at /)
  })

  it.each([
    ['does not exist', 'deploy/guard.yml', {}],
    ['is a directory', 'deploy', { 'deploy/x.yml': 'environment: x\n' }]
  ])('stops before any request when the config path given explicitly %s', async (_why, config, files) => {
    await start(push)
    const r = await runAction({ event: push, files, inputs: { ...once, config, 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toContain(`input config: got "${config}"`)
    expect(r.stdout + r.stderr).not.toMatch(/EISDIR|\n\s+at /)
    expect(target.hits.size).toBe(0)
  })

  it('gives every output a safe value even when the input is invalid', async () => {
    await start(push)
    const r = await runAction({ event: push, inputs: { ...once, duration: 'soon', 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(1)
    expect(r.outputs).toMatchObject({ result: 'inconclusive', 'failed-checks': '[]', 'rolled-back': 'false', report: '' })
  })
})
