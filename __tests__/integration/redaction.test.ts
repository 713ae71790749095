// Secrets through the bundled action: every form of every secret is gone from everything the
// action writes, ordinary values are left alone, and user errors never print a password.
import { jest } from '@jest/globals'
import { example, runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

let target: Awaited<ReturnType<typeof startHttpTarget>>
beforeAll(async () => {
  target = await startHttpTarget()
})
afterAll(async () => target.close())

type Run = Awaited<ReturnType<typeof runAction>>

const b64 = (s: string): string => Buffer.from(s).toString('base64')
const form = (s: string): string => new URLSearchParams({ v: s }).toString().slice(2)
const json = (s: string): string => JSON.stringify(s).slice(1, -1)

/** Every way a secret can be written: as is, URL- and form-encoded, JSON-escaped, base64. */
function formsOf(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), form(secret), json(secret), b64(secret)])]
}

/** Everything the action wrote where a user or a later step can read it. */
function written(r: Run): Record<string, string> {
  // add-mask lines are how the runner learns secrets: it never shows them.
  const log = r.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n')
  return {
    stdout: log,
    // The runner shows a workflow command's message with %25 decoded, the summary's HTML unescaped.
    'stdout, decoded': log.replace(/%25/g, '%'),
    stderr: r.stderr,
    summary: r.summary,
    'summary, unescaped': r.summary.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    report: JSON.stringify(r.report),
    outputs: JSON.stringify(r.outputs)
  }
}

function leaks(r: Run, secrets: readonly string[]): string[] {
  const found: string[] = []
  for (const [where, text] of Object.entries(written(r))) {
    for (const s of secrets) for (const f of formsOf(s)) if (text.includes(f)) found.push(`${where}: ${f}`)
  }
  return found
}

describe('a secret corpus against a target that echoes the request', () => {
  const env = {
    MY_TOKEN: 'tok"secret<x> y',
    SESSION_ID: 'sess-4f3a9b2c1d',
    URL_PASSWORD: 's3cr3t pass"wd',
    TRACE_SECRET: 'trace-secret-31337',
    TENANT: 'acme-tenant-eu'
  }
  const literals = {
    apiKey: 'literal-api-key-7781',
    sig: 'sig-literal-0a9b8c7d',
    amz: 'amzsig0123456789abcdef',
    urlPassword: 'literal-url-pw-42'
  }
  const host = () => target.url.replace('http://', '')
  const config = () => `
verify: { duration: 0s, failure-limit: 0 }
checks:
  - name: echo api
    type: http
    # answers last, so that its failure does not stop the other checks
    url: "${target.url}/echo-request/200?delay=300&token=\${MY_TOKEN}&sig=${literals.sig}&X-Amz-Signature=${literals.amz}&region=eu"
    headers:
      Authorization: Bearer \${MY_TOKEN}
      X-Auth-Token: \${MY_TOKEN}
      Cookie: session=\${SESSION_ID}; theme=dark
      X-Api-Key: ${literals.apiKey}
      X-Trace: trace-\${TRACE_SECRET}
      X-Tenant: \${TENANT}
    expect:
      json: { path: '$.request', equals: nothing }
  - name: echo metrics
    type: prometheus
    url: "http://monitor:\${URL_PASSWORD}@${host()}/echo-request/400/"
    query: up
    max: 1
  - name: echo queue
    type: json
    url: "http://reporter:${literals.urlPassword}@${host()}/echo-request/200"
    path: $.request.headers
    max: 1
`
  let r: Run
  beforeAll(async () => {
    r = await runAction({ files: { '.github/deploy-guard.yml': config() }, env })
  })

  it('writes no form of any secret anywhere', () => {
    const secrets = [
      env.MY_TOKEN,
      `Bearer ${env.MY_TOKEN}`,
      env.SESSION_ID,
      env.URL_PASSWORD,
      env.TRACE_SECRET,
      ...Object.values(literals),
      `monitor:${env.URL_PASSWORD}`,
      `reporter:${literals.urlPassword}`,
      `Basic ${b64(`monitor:${env.URL_PASSWORD}`)}`,
      `Basic ${b64(`reporter:${literals.urlPassword}`)}`,
      // made up by the server, never known to the action
      'srv-issued-9f8e7d6c',
      'srv-sig-5a4b3c2d'
    ]
    expect(r.outputs.result).toBe('failed')
    expect(r.report).not.toBeNull()
    expect(leaks(r, secrets)).toEqual([])
  })

  it('keeps the failure text around the secrets', () => {
    for (const text of [r.summary, r.stdout, JSON.stringify(r.report)]) {
      expect(text).toContain('$.request is')
      expect(text).toContain('Prometheus answered 400: echo: GET /echo-request/400/api/v1/query?query=up')
    }
    const [api, metrics, queue] = (r.report.checks as { lastDetail: string }[]).map((c) => c.lastDetail)
    expect(api).toContain('?delay=300&token=***&sig=***&X-Amz-Signature=***&region=eu HTTP/1.1')
    expect(api).toContain('"x-tenant":"acme-tenant-eu"')
    expect(api).toContain('"x-trace":"trace-***"')
    expect(api).toContain('"accept":"*/*"')
    expect(metrics).toContain('\nauthorization: ***\n')
    expect(metrics).toContain('\naccept: application/json\n')
    expect(metrics).toMatch(/retry at http:\/\/127\.0\.0\.1:\d+\/login\?token=\*\*\*&sig=\*\*\*&page=2$/)
    expect(queue).toContain('"authorization":"***"')
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['echo api'])
    expect(r.errors.join('\n')).toMatch(/echo api failed: 200 in \d+ ms: \$\.request is /)
  })

  it('masks the long secrets with the runner and no ordinary value', () => {
    const masks = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => l.slice('::add-mask::'.length))
    expect(masks).toEqual(expect.arrayContaining([env.MY_TOKEN, env.SESSION_ID, literals.apiKey, literals.sig]))
    expect(masks.join('\n')).not.toContain(env.TENANT)
  })
})

describe('what is posted to GitHub', () => {
  it('the deployment status says why, without the secret', async () => {
    const push = example('push')
    const [owner, repo] = push.repository.full_name.split('/')
    const gh = await startGitHubEmulator({ owner, repo })
    try {
      gh.seed.commit({ sha: push.after })
      const config = `checks:
  - name: echo api
    type: http
    url: ${target.url}/echo-request/200
    headers: { Authorization: "Bearer \${MY_TOKEN}" }
    expect: { json: { path: '$.request.headers.authorization', equals: x } }
`
      const token = 'tok"secret<x> y'
      const r = await runAction({
        apiUrl: gh.url,
        event: push,
        inputs: { duration: '0s', 'failure-limit': '0' },
        files: { '.github/deploy-guard.yml': config },
        env: { MY_TOKEN: token }
      })
      expect(r.outputs.result).toBe('failed')
      const statuses = gh.state.statusesOf(gh.state.deployments[0].id)
      const description = statuses[statuses.length - 1].description ?? ''
      expect(description).toMatch(/^deploy-guard: failed: echo api failed: 200 in \d+ ms: \$\.request\.headers\.authorization is "\*\*\*"/)
      for (const f of formsOf(token)) expect(description).not.toContain(f)
      gh.assertClean()
    } finally {
      await gh.close()
    }
  })
})

describe('ordinary header values', () => {
  const config = (path: string, echo = true) => `
checks:
  - name: api
    type: http
    url: ${target.url}${path}
    headers: { Accept: application/json, X-Env: production, X-Debug: "false", X-Token: "pass" }
${echo ? "    expect: { json: { path: '$.request.headers', equals: nothing } }" : ''}
`

  it('are not masked: the report is JSON, the summary and the log read as written', async () => {
    const r = await runAction({ inputs: { duration: '0s' }, files: { '.github/deploy-guard.yml': config('/ok', false) } })
    expect(r.code).toBe(0)
    expect(r.report).not.toBeNull()
    expect(r.report.limits.rollbackOnInconclusive).toBe(false)
    expect(r.report.environment).toBe('production')
    expect(r.summary).toContain('**Environment** `production`')
    expect(r.stdout).toContain('deploy-guard: passed: 1 check passed')
    expect(r.summary).toContain('deploy-guard: passed')
    expect(r.stdout).not.toMatch(/^::add-mask::(production|false|pass|application\/json)$/m)
  })

  it('a short secret is not given to the runner to mask; a warning names its place, not its value', async () => {
    const r = await runAction({ inputs: { duration: '0s' }, files: { '.github/deploy-guard.yml': config('/ok', false) } })
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning') && l.includes('secret'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('checks[0].headers.X-Token')
    expect(warnings[0]).not.toMatch(/\bpass\b/)
  })

  it('an echoed short secret is redacted, ordinary values beside it are not', async () => {
    const r = await runAction({ inputs: { duration: '0s' }, files: { '.github/deploy-guard.yml': config('/echo-request/200') } })
    const detail = r.report.checks[0].lastDetail as string
    expect(detail).toContain('"x-token":"***"')
    expect(detail).toContain('"x-env":"production"')
    expect(detail).toContain('"x-debug":"false"')
    expect(detail).toContain('"accept":"application/json"')
  })
})

describe('a user error holding a credential', () => {
  it.each([
    ['a health URL with a password', { 'health-urls': 'https://monitor:hunter2pw@api.exa mple.com/health' }, {}, 'input health-urls', 'hunter2pw'],
    [
      'a config URL with a token parameter',
      {},
      { '.github/deploy-guard.yml': 'checks:\n  - { type: http, url: "https://api.exa mple.com/health?token=query-tok-5150" }\n' },
      'checks[0].url',
      'query-tok-5150'
    ]
  ])('%s: the ::error names the place, not the secret', async (_, inputs, files, where, secret) => {
    const r = await runAction({ inputs: { duration: '0s', ...inputs }, files })
    expect(r.code).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toContain(where)
    expect(r.errors[0]).toContain('api.exa mple.com')
    expect(r.stdout).not.toContain(secret)
    expect(r.summary).toContain('deploy-guard: invalid input')
    expect(r.summary).not.toContain(secret)
  })
})
