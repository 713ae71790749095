// Mode resolution and where each setting comes from: inline input, else config file, else default.
import { resolveMode } from '../../src/settings/build-settings.js'
import type { ConfigFile } from '../../src/settings/config-file.js'
import type { InputName } from '../../src/settings/inputs.js'
import type { Settings } from '../../src/settings/types.js'
import { settingsFrom, thrownBy } from './settings-fixtures.js'

const HEALTH = { 'health-urls': 'https://shop.example.com/healthz' }

describe('mode', () => {
  it.each([
    ['pull_request', 'approval'],
    ['pull_request_target', 'approval'],
    ['pull_request_review', 'approval'],
    ['merge_group', 'approval'],
    ['push', 'verify'],
    ['workflow_dispatch', 'verify'],
    ['schedule', 'verify'],
    ['deployment_status', 'verify']
  ])('auto on %s is %s', (eventName, mode) => {
    expect(settingsFrom({ ...HEALTH, mode: 'auto' }, undefined, {}, { eventName }).mode).toBe(mode)
    expect(resolveMode('', eventName)).toBe(mode)
  })

  it('an explicit mode wins over the event', () => {
    expect(settingsFrom({ ...HEALTH, mode: 'verify' }, undefined, {}, { eventName: 'pull_request' }).mode).toBe('verify')
    expect(settingsFrom({ mode: 'gate' }, undefined, {}, { eventName: 'push' }).mode).toBe('gate')
  })

  it('an unknown mode names the input and every valid value', () => {
    expect(thrownBy(() => settingsFrom({ ...HEALTH, mode: 'verfy' }))).toEqual({
      name: 'UserError',
      message: 'input mode: got "verfy"; expected one of verify, approval, gate, drill, report, auto'
    })
  })
})

describe('inline input, else config file, else default', () => {
  type Row = [InputName, string, ConfigFile, (s: Settings) => unknown, unknown, unknown, unknown]
  const rows: Row[] = [
    ['duration', '10m', { verify: { duration: '2m' } }, (s) => s.verify.durationMs, 600_000, 120_000, 300_000],
    ['interval', '30s', { verify: { interval: '1m' } }, (s) => s.verify.intervalMs, 30_000, 60_000, 15_000],
    ['failure-limit', '3', { verify: { 'failure-limit': 0 } }, (s) => s.verify.failureLimit, 3, 0, 1],
    ['health-timeout', '3s', { verify: { timeout: '5s' } }, (s) => s.verify.checks[0].timeoutMs, 3000, 5000, 10_000],
    ['environment', 'staging', { environment: 'qa' }, (s) => s.environment, 'staging', 'qa', 'production'],
    ['dry-run', 'false', { 'dry-run': true }, (s) => s.dryRun, false, true, false],
    ['incident', 'false', { incident: { enabled: true } }, (s) => s.incident.enabled, false, true, true],
    ['incident-labels', 'sev1, ops', { incident: { labels: ['p1'] } }, (s) => s.incident.labels, ['sev1', 'ops'], ['p1'], ['incident']],
    ['log-lines', '50', { incident: { 'log-lines': 0 } }, (s) => s.incident.logLines, 50, 0, 200],
    ['runbook-url', 'https://wiki/a', { incident: { 'runbook-url': 'https://wiki/b' } }, (s) => s.incident.runbookUrl, 'https://wiki/a', 'https://wiki/b', ''],
    ['rollback', 'none', { rollback: { strategy: 'workflow', workflow: 'deploy.yml' } }, (s) => s.rollback.kind, 'none', 'workflow', 'auto'],
    ['rollback-workflow', 'a.yml', { rollback: { workflow: 'b.yml' } }, (s) => s.rollback.workflow, 'a.yml', 'b.yml', ''],
    ['approval-labels', 'ok-1\nok-2', { approval: { labels: ['ok-3'] } }, (s) => s.approval.labels, ['ok-1', 'ok-2'], ['ok-3'], ['change-approved']],
    ['protected-paths', 'src/**', { approval: { 'protected-paths': ['infra/**'] } }, (s) => s.approval.protectedPaths, ['src/**'], ['infra/**'], ['**']],
    ['block-labels', 'hold', { approval: { 'block-labels': ['wip'] } }, (s) => s.approval.blockLabels, ['hold'], ['wip'], ['do-not-deploy']]
  ]

  it.each(rows)('%s: input %j beats the config file, which beats the default', (input, value, config, get, fromInput, fromConfig, fallback) => {
    expect(get(settingsFrom({ ...HEALTH, [input]: value }, config))).toEqual(fromInput)
    expect(get(settingsFrom(HEALTH, config))).toEqual(fromConfig)
    expect(get(settingsFrom(HEALTH))).toEqual(fallback)
  })

  it('takes verify limits that have no input from the config file, with documented defaults', () => {
    const config = {
      verify: {
        warmup: '30s',
        'consecutive-error-limit': 2,
        concurrency: 8,
        'max-body-bytes': 4096,
        'max-redirects': 0,
        'on-inconclusive': { 'fail-job': false, rollback: true }
      }
    }
    const { checks: _c, ...fromConfig } = settingsFrom(HEALTH, config).verify
    const { checks: _d, ...defaults } = settingsFrom(HEALTH).verify
    expect(fromConfig).toMatchObject({
      warmupMs: 30_000,
      consecutiveErrorLimit: 2,
      concurrency: 8,
      maxBodyBytes: 4096,
      maxRedirects: 0,
      inconclusiveFailsJob: false,
      rollbackOnInconclusive: true
    })
    expect(defaults).toEqual({
      durationMs: 300_000,
      intervalMs: 15_000,
      warmupMs: 0,
      failureLimit: 1,
      consecutiveErrorLimit: 4,
      concurrency: 256,
      maxBodyBytes: 1_048_576,
      maxRedirects: 5,
      inconclusiveFailsJob: true,
      rollbackOnInconclusive: false
    })
  })

  it('version defaults to the commit SHA', () => {
    expect(settingsFrom(HEALTH).version).toBe('0123456789abcdef0123456789abcdef01234567')
    expect(settingsFrom({ ...HEALTH, version: 'v1.2.3' }).version).toBe('v1.2.3')
    expect(thrownBy(() => settingsFrom(HEALTH, undefined, {}, { sha: '', headSha: '' })).message).toMatch(
      /^input version: got ""; expected the release being verified/
    )
  })
})

describe('invalid values name their source', () => {
  it.each([
    [{ duration: '5 minutes' }, undefined, 'input duration: got "5 minutes"; expected a duration such as 500ms, 30s, 2m or 1h30m'],
    [{}, { verify: { duration: '5x' } }, 'config .github/deploy-guard.yml: verify.duration: got "5x"; expected a duration such as 500ms, 30s, 2m or 1h30m'],
    [{ interval: '0' }, undefined, 'input interval: got "0"; expected a duration above 0s when duration is above 0s'],
    [{}, { verify: { interval: '0s' } }, 'config .github/deploy-guard.yml: verify.interval: got "0s"; expected a duration above 0s when duration is above 0s'],
    [{ 'health-timeout': '0' }, undefined, 'input health-timeout: got "0"; expected a duration above 0s'],
    [{ 'failure-limit': '1.5' }, undefined, 'input failure-limit: got "1.5"; expected a whole number of at least 0'],
    [{ 'failure-limit': '-1' }, undefined, 'input failure-limit: got "-1"; expected a whole number of at least 0'],
    [{ 'dry-run': 'yes' }, undefined, 'input dry-run: got "yes"; expected true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)'],
    [{ 'deploy-result': 'failed' }, undefined, 'input deploy-result: got "failed"; expected one of success, failure, cancelled, skipped'],
    [{ rollback: 'revert' }, undefined, 'input rollback: got "revert"; expected one of auto, none, workflow, repository-dispatch, deployment, webhook'],
    [{ 'runbook-url': 'wiki/runbook' }, undefined, 'input runbook-url: got "wiki/runbook"; expected an absolute http:// or https:// URL'],
    [{ 'log-lines': 'all' }, undefined, 'input log-lines: got "all"; expected a whole number from 0 to 2000']
  ])('%j with config %j', (inputs, config, message) => {
    expect(thrownBy(() => settingsFrom({ ...HEALTH, ...inputs }, config))).toEqual({ name: 'UserError', message })
  })

  it('a zero interval is fine for a single round (duration 0)', () => {
    expect(settingsFrom({ ...HEALTH, duration: '0', interval: '0' }).verify).toMatchObject({ durationMs: 0, intervalMs: 0 })
  })
})

describe('values no job could use are input errors', () => {
  it.each([
    [{ duration: '1000h' }, undefined, 'input duration: got "1000h"; expected a duration of at most 24h'],
    [{ interval: '25h' }, undefined, 'input interval: got "25h"; expected a duration of at most 24h'],
    [{ 'health-timeout': '1000h' }, undefined, 'input health-timeout: got "1000h"; expected a duration of at most 24h'],
    [{}, { verify: { warmup: '1000h' } }, 'config .github/deploy-guard.yml: verify.warmup: got "1000h"; expected a duration of at most 24h'],
    [{}, { verify: { timeout: '48h' } }, 'config .github/deploy-guard.yml: verify.timeout: got "48h"; expected a duration of at most 24h'],
    [
      { duration: '0s', 'failure-limit': '101' },
      undefined,
      'input failure-limit: got "101"; expected a whole number of at most 100: the window holds 1 round, so a larger failure-limit is never reached'
    ],
    [
      { duration: '5m', 'failure-limit': '2001' },
      undefined,
      'input failure-limit: got "2001"; expected a whole number of at most 2000: the window holds 20 rounds'
    ],
    [
      {},
      { verify: { duration: '0s', 'failure-limit': 1000000 } },
      'config .github/deploy-guard.yml: verify.failure-limit: got "1000000"; expected a whole number of at most 100'
    ],
    [
      { version: 'v1.2.3\nv1.2.4' },
      undefined,
      'input version: got "v1.2.3\\nv1.2.4"; expected a release name (a SHA, tag or semver version) without line breaks or other control characters'
    ],
    [{ version: 'v1\u001b[31m' }, undefined, 'input version: got "v1\\u001b[31m"; expected a release name'],
    [
      { environment: 'prod\nstaging' },
      undefined,
      'input environment: got "prod\\nstaging"; expected an environment name without line breaks or other control characters'
    ]
  ])('%j with config %j', (inputs, config, message) => {
    const { name, message: got } = thrownBy(() => settingsFrom({ 'health-urls': 'https://a/', ...inputs }, config))
    expect(name).toBe('UserError')
    expect(got.startsWith(message)).toBe(true)
  })

  it.each([
    [{ duration: '24h', interval: '24h', 'health-timeout': '24h' }],
    [{ duration: '0s', 'failure-limit': '100' }],
    [{ duration: '5m', 'failure-limit': '2000' }]
  ])('%j is at the bound and accepted', (inputs) => {
    expect(() => settingsFrom({ 'health-urls': 'https://a/', ...inputs })).not.toThrow()
  })
})
