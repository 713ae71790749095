// drill mode through the bundled action: only GET requests to GitHub, a signed ping to a webhook,
// a readiness checklist, and a failing step naming what to fix when recovery would not work.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startWebhookReceiver } from '../../test-support/webhook-receiver.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(60_000)

const event = example('workflow_dispatch')
const repository = 'octo-org/octo-repo'
const SECRET = 'whsec-drill-0123456789abcdef'

const deployYml = (o: { input?: string; permissions?: string } = {}) => `name: deploy
on:
  push: { branches: [main] }
  workflow_dispatch:
    inputs:
      ${o.input ?? 'version'}: { required: true }
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: ./deploy.sh "\${{ inputs.version || github.sha }}"
  verify:
    needs: deploy
    runs-on: ubuntu-latest
    permissions:
${(o.permissions ?? 'deployments: write\nactions: write\nissues: write\ncontents: read')
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
    steps:
      - uses: deploy-guard/deploy-guard@v1
        with:
          version: \${{ inputs.version || github.sha }}
          rollback-workflow: deploy.yml
`

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main' })
  const good = (version: string, statuses: string[]) =>
    gh.seed.deployment({
      sha: gh.seed.commit({ message: version }).sha,
      ref: version,
      environment: 'production',
      payload: { deploy_guard: { version } },
      statuses
    })
  good('v1.3.0', ['success', 'inactive'])
  good('v1.4.0', ['success', 'inactive'])
  good('v1.5.0', ['in_progress', 'success'])
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const drill = (inputs: Record<string, string>, more: { files?: Record<string, string>; env?: Record<string, string> } = {}) =>
  runAction({
    apiUrl: gh.url,
    event,
    eventName: 'schedule',
    env: { GITHUB_REPOSITORY: repository, ...more.env },
    ...(more.files && { files: more.files }),
    inputs: { mode: 'drill', 'health-urls': `${target.url}/ok`, ...inputs }
  })

describe('drill', () => {
  it('a working set-up: ready, the release a rollback would pick, reads only', async () => {
    gh.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } }, content: deployYml() })
    const r = await drill({ 'rollback-workflow': 'deploy.yml' })
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ result: 'passed', 'rollback-version': 'v1.4.0', 'rolled-back': 'false' })
    expect(gh.requests.length).toBeGreaterThan(0)
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
    expect(target.hits.get('/ok')).toBe(1)
    expect(r.summary).toContain('## ✅ deploy-guard drill: ready to recover')
    expect(r.summary).toContain('**a rollback now would redeploy** `v1.4.0`')
    expect(r.summary).toMatch(/- \[x\] the current release is v1\.5\.0 \(deployment \d+\); a rollback would redeploy v1\.4\.0/)
    expect(r.summary).toContain('- [x] workflow .github/workflows/deploy.yml on main can be dispatched with input version')
    expect(r.summary).toContain('- [x] job verify in .github/workflows/deploy.yml may deployments: write, actions: write, issues: write')
    expect(r.summary).toContain(`Nothing was changed: drill sent ${gh.requests.length} request(s) to GitHub, all reads.`)
    expect(r.report).toMatchObject({ mode: 'drill', result: 'passed', strategy: 'workflow', rollbackVersion: 'v1.4.0', githubRequests: gh.requests.length })
  })

  it('right after a rollback: says the current release is a rollback, which verify never rolls back, not that no good release exists', async () => {
    // v1.5.0 was rolled back: the guard's record of the rollback to v1.4.0 is the newest deployment, and its deployer set it success.
    gh.seed.deployment({
      sha: gh.seed.commit({ message: 'v1.4.0 again' }).sha,
      ref: 'v1.4.0',
      environment: 'production',
      task: 'deploy-guard:rollback',
      payload: { deploy_guard: { version: 'v1.4.0', rollback_of: 'v1.5.0', run_id: 7, run_attempt: 1, job: 'verify', strategy: 'workflow' } },
      statuses: ['queued', 'success']
    })
    gh.seed.workflow({ file: 'deploy.yml', inputs: { version: { required: true } }, content: deployYml() })
    const r = await drill({ 'rollback-workflow': 'deploy.yml' })
    expect(r.code).toBe(0)
    expect(r.summary).toMatch(
      /- \[ \] ⚠️ the current release is v1\.4\.0 \(deployment \d+\), itself a rollback from v1\.5\.0: if it failed verify now, the guard would open the incident but not roll back again/
    )
    expect(r.summary).not.toContain('no earlier good release')
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
  })

  it('a broken set-up: fails, naming what to fix, still reads only', async () => {
    gh.seed.workflow({
      file: 'deploy.yml',
      inputs: { tag: { required: true } },
      content: deployYml({ input: 'tag', permissions: 'deployments: write\ncontents: read' })
    })
    const config = 'checks:\n  - { name: errors, type: prometheus, url: "http://127.0.0.1:9", query: "up", max: 1 }\n'
    const r = await drill({ 'rollback-workflow': 'deploy.yml', 'health-urls': '' }, { files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
    expect(r.summary).toContain('## ❌ deploy-guard drill: recovery would not work today')
    expect(r.errors).toHaveLength(3)
    expect(r.errors[0]).toMatch(/^errors cannot be measured: .*: fix the check \(URL, query, credentials\)/)
    expect(r.errors.slice(1)).toEqual([
      '.github/workflows/deploy.yml on main declares no workflow_dispatch input version: add inputs: { version: { required: true } } under on.workflow_dispatch, or set rollback.workflow-input',
      'job verify in .github/workflows/deploy.yml lacks actions: write, issues: write: add `actions: write`, `issues: write` to its permissions: block'
    ])
    expect(r.summary).toMatch(
      /- \[ \] ❌ job verify in \.github\/workflows\/deploy\.yml lacks actions: write, issues: write — \*\*fix:\*\* add 'actions: write', 'issues: write' to its permissions: block/
    )
    expect(r.summary).toContain('**3 item(s) to fix.**')
  })

  it('a missing workflow and no good release are broken; no strategy at all too', async () => {
    gh.state.deployments.length = 0
    const r = await drill({ 'rollback-workflow': 'deploy.yml' })
    expect(r.code).toBe(1)
    expect(r.errors).toEqual(
      expect.arrayContaining([
        `no deployment of production reached success yet; there is no earlier good release to roll back to: deploy a release that passes verify, or set rollback.fallback to releases or tags`,
        'no workflow deploy.yml in the repository: check rollback-workflow (the file name under .github/workflows/)'
      ])
    )
    const none = await drill({})
    expect(none.errors).toContain(
      'no rollback strategy is configured: a bad release would not be rolled back: set rollback-workflow (or rollback.strategy with its settings)'
    )
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
  })

  it('pings a webhook once, signed, with action ping; a receiver answering 500 is broken', async () => {
    gh.seed.workflow({ file: 'deploy.yml', content: deployYml() })
    const hook = await startWebhookReceiver({ secret: SECRET })
    const config = (url: string) => ({
      '.github/deploy-guard.yml': `rollback:\n  strategy: webhook\n  webhook: { url: "${url}", secret: "\${HOOK_SECRET}", attempts: 1 }\n`
    })
    try {
      const r = await drill({}, { files: config(hook.url), env: { HOOK_SECRET: SECRET } })
      expect(r.code).toBe(0)
      expect(hook.deliveries).toHaveLength(1)
      expect(hook.deliveries[0]).toMatchObject({ signatureValid: true, json: { action: 'ping', repository, environment: 'production' } })
      expect(hook.deliveries[0].headers['x-deploy-guard-event']).toBe('ping')
      expect(r.summary).toContain('and one signed `action: "ping"` to the webhook')
      expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
    } finally {
      await hook.close()
    }
    const down = await startWebhookReceiver({ secret: SECRET, answers: [500] })
    try {
      const r = await drill({}, { files: config(down.url), env: { HOOK_SECRET: SECRET } })
      expect(r.code).toBe(1)
      expect(r.errors.some((e) => /^the webhook did not answer a signed ping with 2xx \(500 after \d+ ms\)/.test(e))).toBe(true)
    } finally {
      await down.close()
    }
  })

  it('repository-dispatch: finds the listening workflow; deployment: flags the GITHUB_TOKEN caveat', async () => {
    gh.seed.workflow({ file: 'rollback.yml', content: 'on:\n  repository_dispatch:\n    types: [deploy-guard-rollback]\njobs: {}\n' })
    gh.seed.workflow({ file: 'deploy.yml', content: deployYml({ permissions: 'deployments: write\ncontents: write\nissues: write' }) })
    const r = await drill({ rollback: 'repository-dispatch' })
    expect(r.code).toBe(0)
    expect(r.summary).toContain('- [x] .github/workflows/rollback.yml on main runs on repository_dispatch deploy-guard-rollback')
    // The job may send the rollback and open the incident, but not read its own run's jobs: the incident would come without logs.
    expect(r.summary).toContain('- [x] job verify in .github/workflows/deploy.yml may deployments: write, contents: write, issues: write')
    expect(r.summary).toContain(
      "- [ ] ⚠️ job verify in .github/workflows/deploy.yml lacks actions: read: the incident issue gets no job logs: GitHub answers 403 for the run's jobs — **check:** add 'actions: read' to its permissions: block"
    )
    gh.seed.workflow({ file: 'on-deploy.yml', content: 'on: deployment\njobs: {}\n' })
    const d = await drill({ rollback: 'deployment' })
    expect(d.code).toBe(1)
    expect(d.errors).toContain(
      "the verify step uses the workflow's GITHUB_TOKEN: a deployment it creates starts no workflow run: pass a PAT or GitHub App token as github-token to the verify step"
    )
  })
})
