// Every user error stops the bundled action before any request at all, with one ::error that
// names the input or config path, the bad value and what is expected; no stack trace
// (PRODUCT.md section 8). Each case runs against its own recording target, which is also the
// GitHub API URL, so a single request of any kind (a probe, a GitHub call) is seen; the cases
// run concurrently to keep the suite fast.
import { jest } from '@jest/globals'
import { example, runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'

jest.setTimeout(30_000)

const CONFIG = '.github/deploy-guard.yml'
/** Replaced by the case's own target URL in inputs, files and env. */
const T = 'TARGET'

interface Case {
  /** Inputs besides the defaults (a health URL on the target, duration 0s); `null` removes a default. */
  readonly inputs?: Record<string, string | null>
  readonly config?: string
  readonly env?: Record<string, string>
  readonly files?: Record<string, string>
  readonly event?: ['pull_request', string]
}

const input = (name: string, value: string, more: Record<string, string | null> = {}): Case => ({ inputs: { [name]: value, ...more } })
const config = (yaml: string, more: Omit<Case, 'config'> = {}): Case => ({ config: yaml, ...more })
const check = (yaml: string, more: Omit<Case, 'config'> = {}): Case => config(`checks:\n  - ${yaml}\n`, more)
// A path that appears in every config error message.
const AT = 'config \\.github/deploy-guard\\.yml: '

const CASES: [string, Case, RegExp][] = [
  // Every input of action.yml that can hold a wrong value.
  ['duration in words', input('duration', '5 minutes'), /input duration: got "5 minutes"; expected a duration such as 500ms, 30s, 2m or 1h30m/],
  ['duration beyond a job', input('duration', '1000h'), /input duration: got "1000h"; expected a duration of at most 24h/],
  ['duration of 25h', input('duration', '25h'), /input duration: got "25h"; expected a duration of at most 24h/],
  ['negative duration', input('duration', '-1m'), /input duration: got "-1m"; expected a duration such as/],
  ['interval 0s for a window', input('interval', '0s', { duration: '1m' }), /input interval: got "0s"; expected a duration above 0s/],
  ['interval beyond a job', input('interval', '1000h', { duration: '1m' }), /input interval: got "1000h"; expected a duration of at most 24h/],
  ['health-timeout without a unit', input('health-timeout', '10'), /input health-timeout: got "10"; expected a duration/],
  ['health-timeout 0', input('health-timeout', '0'), /input health-timeout: got "0"; expected a duration above 0s/],
  [
    'health-timeout beyond a job (Node timer overflow)',
    input('health-timeout', '1000h'),
    /input health-timeout: got "1000h"; expected a duration of at most 24h/
  ],
  ['failure-limit below 0', input('failure-limit', '-1'), /input failure-limit: got "-1"; expected a whole number of at least 0/],
  ['failure-limit in words', input('failure-limit', 'two'), /input failure-limit: got "two"; expected a whole number/],
  ['failure-limit in exponent form', input('failure-limit', '1e3'), /input failure-limit: got "1e3"; expected a whole number/],
  [
    'failure-limit absurd for one round',
    input('failure-limit', '100000'),
    /input failure-limit: got "100000"; expected a whole number of at most 100: the window holds 1 round/
  ],
  [
    'failure-limit absurd for the window',
    input('failure-limit', '5000', { duration: '5m' }),
    /input failure-limit: got "5000"; expected a whole number of at most 2000: the window holds 20 rounds/
  ],
  ['error-rate-threshold above 1', input('error-rate-threshold', '5'), /input error-rate-threshold: got "5"; expected a number from 0 to 1/],
  ['error-rate-threshold below 0', input('error-rate-threshold', '-0.1'), /input error-rate-threshold: got "-0.1"; expected a number from 0 to 1/],
  ['error-rate-threshold as a percentage', input('error-rate-threshold', '5%'), /input error-rate-threshold: got "5%"; expected a number from 0 to 1/],
  ['dry-run yes', input('dry-run', 'yes'), /input dry-run: got "yes"; expected true or false/],
  ['dry-run 1', input('dry-run', '1'), /input dry-run: got "1"; expected true or false/],
  ['incident on', input('incident', 'on'), /input incident: got "on"; expected true or false/],
  ['mode unknown', input('mode', 'deploy'), /input mode: got "deploy"; expected one of verify, approval, gate, drill, report, auto/],
  ['mode in capitals', input('mode', 'Verify'), /input mode: got "Verify"; expected one of verify/],
  ['report-window in months', input('report-window', '3 months'), /input report-window: got "3 months"; expected a window from 1d to 366d/],
  ['deploy-result unknown', input('deploy-result', 'succeeded'), /input deploy-result: got "succeeded"; expected one of success, failure, cancelled, skipped/],
  ['deploy-result in capitals', input('deploy-result', 'FAILURE'), /input deploy-result: got "FAILURE"; expected one of success/],
  ['rollback unknown', input('rollback', 'revert'), /input rollback: got "revert"; expected one of auto, none, workflow/],
  ['runbook-url relative', input('runbook-url', 'wiki/runbook'), /input runbook-url: got "wiki\/runbook"; expected an absolute http/],
  ['log-lines fractional', input('log-lines', '1.5'), /input log-lines: got "1.5"; expected a whole number/],
  ['log-lines negative', input('log-lines', '-5'), /input log-lines: got "-5"; expected a whole number from 0 to 2000/],
  [
    'version with a line break',
    input('version', 'v1.2.3\nv1.2.4'),
    /input version: got "v1\.2\.3\\nv1\.2\.4"; expected a release name \(a SHA, tag or semver version\) without line breaks or other control characters/
  ],
  ['version with an escape sequence', input('version', 'v1\u001b[31m'), /input version: got "v1\\u001b\[31m"; expected a release name/],
  [
    'environment with a line break',
    input('environment', 'prod\nstaging'),
    /input environment: got "prod\\nstaging"; expected an environment name without line breaks/
  ],
  [
    'config that does not exist',
    input('config', 'ci/missing.yml'),
    /input config: got "ci\/missing\.yml"; expected a YAML file in the repository \(relative to the workspace\); it does not exist/
  ],
  [
    'config that is a directory',
    { inputs: { config: 'ci' }, files: { 'ci/x.txt': '' } },
    /input config: got "ci"; expected a YAML file, but it is a directory/
  ],
  [
    'health-urls not http(s)',
    input('health-urls', `${T}/ok\nftp://example.invalid/x`),
    /input health-urls: got "ftp:\/\/example\.invalid\/x"; expected an absolute http:\/\/ or https:\/\/ URL/
  ],
  [
    'health-urls without a scheme',
    input('health-urls', 'shop.example.com/healthz'),
    /input health-urls: got "shop\.example\.com\/healthz"; expected an absolute http/
  ],
  [
    'health-urls comma-separated',
    input('health-urls', `${T}/ok, ${T}/status/200`),
    /input health-urls: got "http:\/\/127\.0\.0\.1:\d+\/ok, http:\/\/127\.0\.0\.1:\d+\/status\/200"; expected one URL per line/
  ],
  [
    'health-urls comma without a space',
    input('health-urls', `${T}/ok,${T}/status/200`),
    /input health-urls: got "http:\/\/127\.0\.0\.1:\d+\/ok,http:\/\/127.*"; expected one URL per line/
  ],
  [
    'health-urls space-separated',
    input('health-urls', `${T}/ok ${T}/status/200`),
    /input health-urls: got "http:\/\/127\.0\.0\.1:\d+\/ok http.*"; expected one URL per line/
  ],
  [
    'health-urls listing one URL twice',
    input('health-urls', `${T}/ok\n${T}/ok`),
    /input health-urls: got "health http:\/\/127\.0\.0\.1:\d+\/ok"; expected a name no other check has/
  ],
  [
    'health-urls with an unset variable',
    input('health-urls', '${HEALTH_HOST_UNSET}/ok'),
    /input health-urls: got "\$\{HEALTH_HOST_UNSET\}\/ok"; expected \$\{HEALTH_HOST_UNSET\} to be set/
  ],
  [
    'no check at all',
    { inputs: { 'health-urls': null } },
    /input health-urls: got ""; expected at least one check: set health-urls, prometheus-url with error-rate-query, or checks in \.github\/deploy-guard\.yml/
  ],
  [
    'error-rate-query without prometheus-url',
    { inputs: { 'health-urls': null, 'error-rate-query': 'sum(rate(x[5m]))' } },
    /input prometheus-url: got ""; expected a Prometheus base URL when error-rate-query is set/
  ],
  [
    'prometheus-url without error-rate-query',
    { inputs: { 'health-urls': null, 'prometheus-url': T } },
    /input error-rate-query: got ""; expected a PromQL query/
  ],
  [
    'prometheus-url without a scheme',
    input('prometheus-url', 'prometheus:9090', { 'error-rate-query': 'up' }),
    /input prometheus-url: got "prometheus:9090"; expected an absolute http/
  ],

  // The config file: syntax, schema, semantics.
  ['invalid YAML', config('verify: [unclosed\n'), new RegExp(`config \\.github/deploy-guard\\.yml:\\d+: got "invalid YAML"; expected valid YAML`)],
  ['a list at the top level', config('- verify\n'), new RegExp(`${AT}\\(top level\\): got \\["verify"\\]; expected an object`)],
  ['an unknown top-level key', config('notify: slack\n'), new RegExp(`${AT}notify: got "notify"; expected no such key`)],
  ['an unknown verify key', config('verify:\n  durration: 5m\n'), new RegExp(`${AT}verify\\.durration: got "durration"; expected no such key`)],
  [
    'an unknown check key',
    check(`{ type: http, url: '${T}/ok', retries: 3 }`),
    new RegExp(`${AT}checks\\[0\\]\\.retries: got "retries"; expected no such key`)
  ],
  ['a duration in words', config('verify:\n  interval: 15 seconds\n'), new RegExp(`${AT}verify\\.interval: got "15 seconds"; expected a duration such as`)],
  ['verify.failure-limit in words', config('verify:\n  failure-limit: many\n'), new RegExp(`${AT}verify\\.failure-limit: got "many"; expected an integer`)],
  [
    'failure-limit absurd',
    config('verify:\n  failure-limit: 1000000\n'),
    new RegExp(`${AT}verify\\.failure-limit: got "1000000"; expected a whole number of at most 100`)
  ],
  ['concurrency 0', config('verify:\n  concurrency: 0\n'), new RegExp(`${AT}verify\\.concurrency: got 0; expected a number >= 1`)],
  ['max-redirects 50', config('verify:\n  max-redirects: 50\n'), new RegExp(`${AT}verify\\.max-redirects: got 50; expected a number <= 20`)],
  [
    'consecutive-error-limit below 0',
    config('verify:\n  consecutive-error-limit: -1\n'),
    new RegExp(`${AT}verify\\.consecutive-error-limit: got -1; expected a number >= 0`)
  ],
  ['max-body-bytes too small', config('verify:\n  max-body-bytes: 10\n'), new RegExp(`${AT}verify\\.max-body-bytes: got 10; expected a number >= 1024`)],
  ['warmup beyond a job', config('verify:\n  warmup: 1000h\n'), new RegExp(`${AT}verify\\.warmup: got "1000h"; expected a duration of at most 24h`)],
  ['timeout beyond a job', config('verify:\n  timeout: 48h\n'), new RegExp(`${AT}verify\\.timeout: got "48h"; expected a duration of at most 24h`)],
  [
    'verify.duration beyond a job',
    config('verify:\n  duration: 100h\n', { inputs: { duration: null } }),
    new RegExp(`${AT}verify\\.duration: got "100h"; expected a duration of at most 24h`)
  ],
  [
    'on-inconclusive fail-job as a word',
    config('verify:\n  on-inconclusive: { fail-job: "no" }\n'),
    new RegExp(`${AT}verify\\.on-inconclusive\\.fail-job: got "no"; expected a boolean`)
  ],
  ['production-environment as a string', config('production-environment: "yes"\n'), new RegExp(`${AT}production-environment: got "yes"; expected a boolean`)],
  ['an empty environment', config('environment: ""\n'), new RegExp(`${AT}environment: got ""; expected a non-empty string`)],
  [
    'incident.runbook-url relative',
    config('incident:\n  runbook-url: wiki/runbook\n'),
    new RegExp(`${AT}incident\\.runbook-url: got "wiki/runbook"; expected an absolute http`)
  ],
  ['labels as a string', config('incident:\n  labels: sev1\n'), new RegExp(`${AT}incident\\.labels: got "sev1"; expected an array`)],
  ['checks as a map', config(`checks:\n  type: http\n  url: ${T}/ok\n`), new RegExp(`${AT}checks: got .*; expected an array`)],
  [
    'an unknown check type',
    check(`{ type: pingdom, url: '${T}/ok' }`),
    new RegExp(`${AT}checks\\[0\\]\\.type: got "pingdom"; expected one of http, prometheus, json, datadog`)
  ],
  ['a check without its URL', check('{ type: http }'), new RegExp(`${AT}checks\\[0\\]\\.url: got nothing; expected a value: this key is required`)],
  ['a check URL that is relative', check('{ type: http, url: /healthz }'), new RegExp(`${AT}checks\\[0\\]\\.url: got "/healthz"; expected an absolute http`)],
  [
    'a check URL with an unset variable',
    check('{ type: http, url: "${API_BASE_UNSET}/healthz" }'),
    new RegExp(
      `${AT}checks\\[0\\]\\.url: got "\\$\\{API_BASE_UNSET\\}/healthz"; expected \\$\\{API_BASE_UNSET\\} to be set: add API_BASE_UNSET to the step's env`
    )
  ],
  [
    'a header with an unset variable',
    check(`{ type: http, url: '${T}/ok', headers: { X-Key: "\${NOT_SET_ANYWHERE}" } }`),
    new RegExp(`${AT}checks\\[0\\]\\.headers\\.X-Key: .*expected \\$\\{NOT_SET_ANYWHERE\\} to be set: add NOT_SET_ANYWHERE to the step's env`)
  ],
  [
    'a header name with a space',
    check(`{ type: http, url: '${T}/ok', headers: { "X Key": v } }`),
    new RegExp(`${AT}checks\\[0\\]\\.headers\\.X Key: got "X Key"; expected a header name HTTP accepts`)
  ],
  [
    'a header name with a colon',
    check(`{ type: http, url: '${T}/ok', headers: { "X-Key:": v } }`),
    new RegExp(`${AT}checks\\[0\\]\\.headers\\.X-Key:: got "X-Key:"; expected a header name HTTP accepts`)
  ],
  [
    'a header value beyond Latin-1',
    check(`{ type: http, url: '${T}/ok', headers: { X-Key: "\${HEADER_VALUE}" } }`, { env: { HEADER_VALUE: 'k\u20acy-s3cret' } }),
    new RegExp(`${AT}checks\\[0\\]\\.headers\\.X-Key: got "\\(hidden\\)"; expected a header value HTTP accepts: Latin-1 text`)
  ],
  [
    'a header value with a control character',
    check(`{ type: json, url: '${T}/json', path: $.v, max: 1, headers: { X-Key: "a\\x01b" } }`),
    new RegExp(`${AT}checks\\[0\\]\\.headers\\.X-Key: got "\\(hidden\\)"; expected a header value HTTP accepts`)
  ],
  [
    'a header value with a line break',
    check(`{ type: http, url: '${T}/ok', headers: { X-Key: "a\\nb" } }`),
    new RegExp(`${AT}checks\\[0\\]\\.headers\\.X-Key: got "\\(hidden\\)"; expected a header value without line breaks`)
  ],
  [
    'an unknown method',
    check(`{ type: http, url: '${T}/ok', method: FETCH }`),
    new RegExp(`${AT}checks\\[0\\]\\.method: got "FETCH"; expected one of GET, HEAD, POST`)
  ],
  [
    'an expected status out of range',
    check(`{ type: http, url: '${T}/ok', expect: { status: [700] } }`),
    new RegExp(`${AT}checks\\[0\\]\\.expect\\.status\\[0\\]: got 700; expected`)
  ],
  [
    'a status class that is no class',
    check(`{ type: http, url: '${T}/ok', expect: { status: ["5xxx"] } }`),
    new RegExp(`${AT}checks\\[0\\]\\.expect\\.status\\[0\\]: got "5xxx"; expected`)
  ],
  ['tags as a string', check(`{ type: http, url: '${T}/ok', tags: security }`), new RegExp(`${AT}checks\\[0\\]\\.tags: got "security"; expected an array`)],
  [
    'a name too long',
    check(`{ type: http, name: ${'n'.repeat(101)}, url: '${T}/ok' }`),
    new RegExp(`${AT}checks\\[0\\]\\.name: got "n{101}"; expected text of at most 100 characters`)
  ],
  [
    'two checks with one name',
    config(`checks:\n  - { type: http, name: api, url: '${T}/ok' }\n  - { type: http, name: api, url: '${T}/status/200' }\n`),
    new RegExp(`${AT}checks\\[1\\]\\.name: got "api"; expected a name no other check has`)
  ],
  [
    'a bad body regex',
    check(`{ type: http, url: '${T}/ok', expect: { body-regex: "([" } }`),
    new RegExp(`${AT}checks\\[0\\]\\.expect\\.body-regex: got "\\(\\["; expected a valid JavaScript regular expression`)
  ],
  [
    'max-latency beyond a job',
    check(`{ type: http, url: '${T}/ok', expect: { max-latency: 25h } }`),
    new RegExp(`${AT}checks\\[0\\]\\.expect\\.max-latency: got "25h"; expected a duration of at most 24h`)
  ],
  [
    'a check timeout beyond a job',
    check(`{ type: http, url: '${T}/ok', timeout: 1000h }`),
    new RegExp(`${AT}checks\\[0\\]\\.timeout: got "1000h"; expected a duration of at most 24h`)
  ],
  [
    'a metric check without bounds',
    check(`{ type: json, url: '${T}/json', path: $.v }`),
    new RegExp(`${AT}checks\\[0\\]\\.max: got nothing; expected a value: this key is required`)
  ],
  [
    'min above max',
    check(`{ type: json, url: '${T}/json', path: $.v, min: 5, max: 1 }`),
    new RegExp(`${AT}checks\\[0\\]\\.min: got 5; expected a value not above max \\(1\\)`)
  ],
  [
    'min above max in a JSON assertion',
    check(`{ type: http, url: '${T}/json', expect: { json: { path: $.v, min: 5, max: 1 } } }`),
    new RegExp(`${AT}checks\\[0\\]\\.expect\\.json\\.min: got 5; expected a value not above max \\(1\\)`)
  ],
  [
    'a JSON path that does not parse',
    check(`{ type: json, url: '${T}/json', path: $.a..b, max: 1 }`),
    new RegExp(`${AT}checks\\[0\\]\\.path: got "\\$\\.a\\.\\.b"; expected a JSON path such as`)
  ],
  [
    'a JSON path without $',
    check(`{ type: json, url: '${T}/json', path: data.value, max: 1 }`),
    new RegExp(`${AT}checks\\[0\\]\\.path: got "data\\.value"; expected text matching`)
  ],
  [
    'a bound that is not a number',
    check(`{ type: json, url: '${T}/json', path: $.v, max: "5%" }`),
    new RegExp(`${AT}checks\\[0\\]\\.max: got "5%"; expected a number`)
  ],
  [
    'a prometheus check without a URL',
    check('{ type: prometheus, query: up, min: 1 }'),
    new RegExp(`${AT}checks\\[0\\]\\.url: got nothing; expected a Prometheus base URL here or in the prometheus-url input`)
  ],
  [
    'a baseline without max-increase',
    check(`{ type: prometheus, url: '${T}', query: up, max: 1, baseline: { offset: 1h } }`),
    new RegExp(`${AT}checks\\[0\\]\\.baseline\\.max-increase: got nothing; expected a value: this key is required`)
  ],
  [
    'a baseline offset beyond 30 days',
    check(`{ type: prometheus, url: '${T}', query: up, max: 1, baseline: { offset: 1000h, max-increase: 0.5 } }`),
    new RegExp(`${AT}checks\\[0\\]\\.baseline\\.offset: got "1000h"; expected a duration of at most 720h`)
  ],
  [
    'a datadog check without app-key',
    check(`{ type: datadog, api-url: '${T}', query: q, api-key: k, max: 1 }`),
    new RegExp(`${AT}checks\\[0\\]\\.app-key: got nothing; expected a value: this key is required`)
  ],
  [
    'a datadog window beyond 30 days',
    check(`{ type: datadog, api-url: '${T}', query: q, api-key: k, app-key: a, max: 1, window: 1000h }`),
    new RegExp(`${AT}checks\\[0\\]\\.window: got "1000h"; expected a duration of at most 720h`)
  ],
  [
    'a datadog key with an unset variable',
    check(`{ type: datadog, api-url: '${T}', query: q, api-key: "\${DD_API_KEY_UNSET}", app-key: a, max: 1 }`),
    new RegExp(`${AT}checks\\[0\\]\\.api-key: got "\\$\\{DD_API_KEY_UNSET\\}"; expected \\$\\{DD_API_KEY_UNSET\\} to be set`)
  ]
]

/** Runs one case against a fresh recording target that is also the GitHub API. */
async function runCase(c: Case) {
  const target = await startHttpTarget()
  try {
    const fill = (v: string) => v.split(T).join(target.url)
    const inputs: Record<string, string> = { 'health-urls': `${target.url}/ok`, duration: '0s' }
    for (const [k, v] of Object.entries(c.inputs ?? {})) {
      if (v === null) delete inputs[k]
      else inputs[k] = fill(v)
    }
    const files = Object.fromEntries(Object.entries({ ...c.files, ...(c.config !== undefined && { [CONFIG]: c.config }) }).map(([k, v]) => [k, fill(v)]))
    const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, fill(v)]))
    const event = c.event ? example(...c.event) : undefined
    const r = await runAction({ inputs, files, env, apiUrl: target.url, ...(c.event && { event, eventName: c.event[0] }) })
    return { r, hits: [...target.hits.keys()], url: target.url }
  } finally {
    await target.close()
  }
}

describe('bad input through the bundled action', () => {
  it('has at least 60 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60)
  })

  it.concurrent.each(CASES)('%s', async (_, c, message) => {
    const { r, hits } = await runCase(c)
    expect(r.errors).toEqual([expect.stringMatching(message)])
    expect(r.code).toBe(1)
    expect(hits).toEqual([])
    expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at /m)
    expect(r.stderr).toBe('')
    expect(r.summary).toContain('deploy-guard: invalid input')
    expect(r.summary).toContain('Nothing was checked or changed')
  })
})
