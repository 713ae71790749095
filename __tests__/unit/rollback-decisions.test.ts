// The rollback's pure decisions, as tables: whether to roll back, how a deployment's statuses
// read, which release the semver fallback picks, what each strategy sends, the signature.
import { createHmac } from 'node:crypto'
import { decideRollback, type DecisionFacts } from '../../src/rollback/decide.js'
import { judge, pickRelease, versionKey, versionOfDeployment } from '../../src/rollback/judge.js'
import { ledgerPayload, type PlanFacts } from '../../src/rollback/rollback-plan.js'
import { planDelivery } from '../../src/rollback/triggers/registry.js'
import { signature } from '../../src/rollback/webhook.js'
import type { RollbackSettings } from '../../src/settings/rollback-settings.js'

describe('decideRollback', () => {
  const facts = (o: Partial<DecisionFacts> & { strategy?: RollbackSettings['strategy']; cancelledOk?: boolean; skippedOk?: boolean } = {}): DecisionFacts => ({
    result: o.result ?? 'failed',
    deployResult: o.deployResult ?? 'success',
    cancelled: o.cancelled ?? false,
    rollbackOnInconclusive: o.rollbackOnInconclusive ?? false,
    rollback: { strategy: o.strategy ?? 'workflow', onDeployCancelled: o.cancelledOk ?? false, onDeploySkipped: o.skippedOk ?? false }
  })
  it.each([
    ['a failed verdict', facts(), true, ''],
    ['a failed deploy job', facts({ deployResult: 'failure' }), true, ''],
    ['a passed verdict', facts({ result: 'passed' }), false, 'quiet'],
    ['an inconclusive verdict', facts({ result: 'inconclusive' }), false, 'not evidence'],
    ['an inconclusive verdict with on-inconclusive.rollback', facts({ result: 'inconclusive', rollbackOnInconclusive: true }), true, ''],
    ['a cancelled run, even failed', facts({ cancelled: true }), false, 'cancelled'],
    ['a cancelled deploy', facts({ result: 'skipped', deployResult: 'cancelled' }), false, 'quiet'],
    ['a cancelled deploy with on-deploy-cancelled', facts({ result: 'skipped', deployResult: 'cancelled', cancelledOk: true }), true, ''],
    ['a skipped deploy with only on-deploy-cancelled', facts({ result: 'skipped', deployResult: 'skipped', cancelledOk: true }), false, 'quiet'],
    ['a skipped deploy with on-deploy-skipped', facts({ result: 'skipped', deployResult: 'skipped', skippedOk: true }), true, ''],
    ['no strategy', facts({ strategy: 'none' }), false, 'no rollback strategy']
  ])('%s: roll back %s', (_what, f, go, why) => {
    const d = decideRollback(f)
    expect(d.go).toBe(go)
    if (!d.go && why === 'quiet') expect(d.quiet).toBe(true)
    else if (!d.go) expect(d).toMatchObject({ quiet: false, reason: expect.stringContaining(why) })
  })
})

describe('judge', () => {
  const st = (state: string, description = '') => ({ id: 1, state, description, logUrl: '' })
  it.each([
    [[st('success')], true, false],
    [[st('inactive'), st('success')], true, false],
    [[st('inactive')], true, false],
    [[st('inactive'), st('error')], false, false],
    [[st('in_progress')], false, false],
    [[st('queued')], false, false],
    [[], false, false],
    [[st('failure', 'deploy-guard: failed: 5xx'), st('success')], false, true],
    [[st('success'), st('failure', 'deploy-guard: failed: 5xx')], false, true],
    [[st('failure', 'helm upgrade failed')], false, false],
    [[st('success'), st('failure', 'rolled back by the deployer')], true, false]
  ])('%j: good %s, guard-failed %s', (statuses, good, guardFailed) => {
    expect(judge(statuses)).toEqual({ good, guardFailed })
  })
})

describe('versions', () => {
  const d = (o: { version?: string; ref: string; sha?: string }) => ({
    id: 1,
    sha: o.sha ?? 'a'.repeat(40),
    ref: o.ref,
    task: 'deploy',
    createdAt: '',
    ...(o.version && { version: o.version })
  })
  it.each([
    [d({ version: '2.4.1', ref: 'a'.repeat(40) }), '2.4.1'],
    [d({ ref: 'v1.2.3' }), 'v1.2.3'],
    [d({ ref: 'refs/tags/release-42' }), 'release-42'],
    [d({ ref: 'main' }), 'a'.repeat(40)],
    [d({ ref: 'feature/x' }), 'a'.repeat(40)]
  ])('a rollback to %j sends %s (never a branch, which has moved on)', (dep, v) => expect(versionOfDeployment(dep)).toBe(v))

  it('one key per release as users write it', () => {
    expect(versionKey('v1.2.3')).toBe(versionKey('1.2.3'))
    expect(versionKey('1.2.3+build.1')).toBe(versionKey('1.2.3+build.1'))
    expect(versionKey('A'.repeat(40))).toBe('a'.repeat(40))
    expect(versionKey('main')).toBe('main')
  })
})

describe('pickRelease', () => {
  const r = (tag: string, o: { draft?: boolean; prerelease?: boolean } = {}) => ({ tag, ...o })
  it.each([
    ['v1.10.0 sorts after v1.9.9', [r('v1.9.9'), r('v1.10.0')], 'v2.0.0', 'v1.10.0'],
    ['drafts and prereleases are out', [r('v1.9.0'), r('v1.10.0', { draft: true }), r('v1.9.5', { prerelease: true }), r('v1.9.6-rc.1')], 'v2.0.0', 'v1.9.0'],
    ['non-semver names are out', [r('latest'), r('nightly-2026'), r('v1.0.0')], 'v2.0.0', 'v1.0.0'],
    ['build metadata reads as the same version', [r('1.10.1+build.7'), r('v1.10.0')], 'v2.0.0', '1.10.1+build.7'],
    ['only below a semver bad version', [r('v2.1.0'), r('v1.9.0')], 'v2.0.0', 'v1.9.0'],
    ['never the bad version itself, v or not', [r('2.0.0'), r('v1.0.0')], 'v2.0.0', 'v1.0.0'],
    ['never the bad version with other build metadata', [r('v2.0.0+b2'), r('v1.0.0')], 'v2.0.0+b1', 'v1.0.0'],
    ['any semver release when the bad version is a SHA', [r('v0.9.0'), r('v1.0.0')], 'f'.repeat(40), 'v1.0.0'],
    ['nothing usable', [r('latest'), r('v3.0.0-beta.1')], 'v2.0.0', undefined]
  ])('%s', (_what, list, bad, want) => {
    expect(pickRelease(list, bad, new Set())?.tag).toBe(want)
  })

  it('skips versions recorded bad, by name or commit', () => {
    const list = [
      { tag: 'v1.10.1', sha: 'b'.repeat(40) },
      { tag: 'v1.10.0', sha: 'c'.repeat(40) },
      { tag: 'v1.9.0', sha: 'd'.repeat(40) }
    ]
    expect(pickRelease(list, 'v2.0.0', new Set([versionKey('1.10.1')]))?.tag).toBe('v1.10.0')
    expect(pickRelease(list, 'v2.0.0', new Set([versionKey('1.10.1'), 'c'.repeat(40)]))?.tag).toBe('v1.9.0')
  })
})

describe('what each strategy sends', () => {
  const rollback = (strategy: RollbackSettings['strategy']): RollbackSettings => ({
    kind: strategy,
    strategy,
    workflow: 'deploy.yml',
    ref: '',
    workflowInput: 'release',
    fallback: 'none',
    onDeployCancelled: false,
    onDeploySkipped: false,
    requiredContexts: ['ci'],
    webhook: { url: 'https://bot:pw@deployer.example/hook?token=x', secret: 's'.repeat(20), attempts: 3, totalTimeoutMs: 30_000 }
  })
  const facts = (strategy: RollbackSettings['strategy']): PlanFacts => ({
    rollback: rollback(strategy),
    repository: 'acme/shop',
    environment: 'production',
    productionEnvironment: true,
    badVersion: 'v2.0.0',
    badDeploymentId: 7,
    target: { version: 'v1.9.0', sha: 'c'.repeat(40), source: 'deployment', deploymentId: 5 },
    ref: 'main',
    runUrl: 'https://github.com/acme/shop/actions/runs/9',
    runId: '9',
    runAttempt: '2',
    job: 'verify'
  })
  const names = {
    environment: 'production',
    bad_version: 'v2.0.0',
    good_version: 'v1.9.0',
    good_sha: 'c'.repeat(40),
    run_url: 'https://github.com/acme/shop/actions/runs/9'
  }

  it.each([
    ['workflow', 'workflow deploy.yml on main', { ref: 'main', inputs: { release: 'v1.9.0' } }],
    ['repository-dispatch', 'repository_dispatch event deploy-guard-rollback in acme/shop', { event_type: 'deploy-guard-rollback', client_payload: names }],
    ['webhook', 'POST https://deployer.example/hook', { action: 'rollback', repository: 'acme/shop', ...names }],
    [
      'deployment',
      `a new deployment of ${'c'.repeat(12)} in production`,
      {
        ref: 'c'.repeat(40),
        environment: 'production',
        task: 'deploy',
        auto_merge: false,
        required_contexts: ['ci'],
        production_environment: true,
        description: 'deploy-guard: rollback of v2.0.0 to v1.9.0',
        payload: ledgerPayload(facts('deployment'))
      }
    ]
  ] as const)('%s', (strategy, where, payload) => {
    expect(planDelivery(facts(strategy))).toEqual({ strategy, where, payload })
  })

  it('the ledger records what a rollback replaced and which run sent it', () => {
    expect(ledgerPayload(facts('workflow'))).toEqual({
      deploy_guard: {
        version: 'v1.9.0',
        rollback_of: 'v2.0.0',
        rollback_of_deployment: 7,
        run_id: '9',
        run_attempt: '2',
        job: 'verify',
        strategy: 'workflow',
        run_url: 'https://github.com/acme/shop/actions/runs/9'
      }
    })
  })
})

describe('signature', () => {
  it("is GitHub's X-Hub-Signature-256 scheme over the exact body bytes", () => {
    const body = '{"action":"rollback","environment":"prodüction"}'
    expect(signature(body, 'k3y-k3y-k3y')).toBe(`sha256=${createHmac('sha256', 'k3y-k3y-k3y').update(Buffer.from(body, 'utf8')).digest('hex')}`)
    // GitHub's documented test vector (docs: validating webhook deliveries).
    expect(signature('Hello, World!', "It's a Secret to Everybody")).toBe('sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17')
  })
})
