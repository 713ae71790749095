// Every user error stops the bundled action before any side effect, with one ::error that
// names the input or config path, the bad value and what is expected; no stack trace.
import { jest } from '@jest/globals'
import { runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'

jest.setTimeout(30_000)

let target: Awaited<ReturnType<typeof startHttpTarget>>
beforeAll(async () => {
  target = await startHttpTarget()
})
afterAll(async () => target.close())
beforeEach(() => target.hits.clear())

function expectOneUserError(r: Awaited<ReturnType<typeof runAction>>, ...parts: RegExp[]): void {
  expect(r.code).toBe(1)
  expect(r.errors).toHaveLength(1)
  for (const p of parts) expect(r.errors[0]).toMatch(p)
  expect(r.stdout).not.toMatch(/^\s+at /m)
  expect(r.stderr).toBe('')
  expect(target.hits.size).toBe(0)
  expect(r.summary).toContain('deploy-guard: invalid input')
  expect(r.summary).toContain('Nothing was checked or changed')
}

describe('bad inputs', () => {
  it.each([
    ['duration', '5 minutes', /input duration: got "5 minutes"; expected a duration such as 500ms, 30s, 2m or 1h30m/],
    ['interval', '0s', /input interval: got "0s"; expected a duration above 0s/],
    ['health-timeout', '10', /input health-timeout: got "10"; expected a duration/],
    ['failure-limit', '-1', /input failure-limit: got "-1"; expected a whole number of at least 0/],
    ['failure-limit', 'two', /input failure-limit: got "two"/],
    ['error-rate-threshold', '5', /input error-rate-threshold: got "5"; expected a number from 0 to 1/],
    ['dry-run', 'yes', /input dry-run: got "yes"; expected true or false/],
    ['incident', 'on', /input incident: got "on"; expected true or false/],
    ['mode', 'deploy', /input mode: got "deploy"; expected one of verify, approval, gate, drill, report, auto/],
    ['deploy-result', 'succeeded', /input deploy-result: got "succeeded"; expected one of success, failure, cancelled, skipped/],
    ['rollback', 'revert', /input rollback: got "revert"; expected one of auto, none, workflow/],
    ['runbook-url', 'wiki/runbook', /input runbook-url: got "wiki\/runbook"; expected an absolute http/],
    ['log-lines', '1.5', /input log-lines: got "1.5"; expected a whole number/]
  ])('input %s = %p', async (name, value, message) => {
    const r = await runAction({ inputs: { 'health-urls': `${target.url}/ok`, duration: name === 'interval' ? '1m' : '0s', [name]: value } })
    expectOneUserError(r, message)
  })

  it('rejects a health URL that is not http(s)', async () => {
    const r = await runAction({ inputs: { 'health-urls': `${target.url}/ok\nftp://example.invalid/x`, duration: '0s' } })
    expectOneUserError(r, /input health-urls: got "ftp:\/\/example.invalid\/x"; expected an absolute http:\/\/ or https:\/\/ URL/)
  })

  it('asks for a check when none is configured', async () => {
    const r = await runAction({ inputs: { duration: '0s' } })
    expectOneUserError(r, /expected at least one check: set health-urls, prometheus-url with error-rate-query, or checks in \.github\/deploy-guard\.yml/)
  })

  it.each([
    ['error-rate-query', { 'error-rate-query': 'sum(rate(x[5m]))' }, /input prometheus-url: got ""; expected a Prometheus base URL when error-rate-query is set/],
    ['prometheus-url', { 'prometheus-url': 'http://127.0.0.1:9090' }, /input error-rate-query: got ""; expected a PromQL query/]
  ])('needs both halves of the error-rate check (only %s given)', async (_, inputs, message) => {
    const r = await runAction({ inputs: { duration: '0s', ...inputs } })
    expectOneUserError(r, message)
  })
})

describe('bad config file', () => {
  const path = '.github/deploy-guard.yml'
  it.each([
    ['an unknown key', 'verify:\n  durration: 5m\n', /config \.github\/deploy-guard\.yml: verify\.durration: got "durration"; expected no such key/],
    ['a bad duration', 'verify:\n  interval: 15 seconds\n', /verify\.interval: got "15 seconds"; expected a duration such as/],
    ['a wrong type', 'verify:\n  failure-limit: many\n', /verify\.failure-limit: got "many"; expected an integer/],
    ['an unknown check type', 'checks:\n  - { type: pingdom, url: "http://x" }\n', /checks\[0\]\.type: got "pingdom"; expected one of http, prometheus, json, datadog/],
    ['a check without its URL', 'checks:\n  - { type: http }\n', /checks\[0\]\.url: got nothing; expected a value: this key is required/],
    ['a metric check without bounds', 'checks:\n  - { type: json, url: "http://127.0.0.1:1/x", path: $.v }\n', /checks\[0\]/],
    ['invalid YAML', 'verify: [unclosed\n', /config \.github\/deploy-guard\.yml.*expected valid YAML/],
    ['a missing secret variable', `checks:\n  - type: http\n    url: http://127.0.0.1:1/\n    headers: { X-Key: "\${NOT_SET_ANYWHERE}" }\n`, /checks\[0\]\.headers\.X-Key: .*expected \$\{NOT_SET_ANYWHERE\} to be set: add NOT_SET_ANYWHERE to the step's env/]
  ])('%s', async (_, yaml, message) => {
    const r = await runAction({ inputs: { duration: '0s' }, files: { [path]: yaml } })
    expectOneUserError(r, message)
  })
})
