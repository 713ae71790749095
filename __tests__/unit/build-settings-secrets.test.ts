// ${VAR} interpolation from the step's env, and every secret collected for masking and redaction.
import { settingsFrom, thrownBy } from './settings-fixtures.js'

const API_TOKEN = 'tok_live_8f2d9c1e7b'
const DD_API_KEY = 'dd-api-0a1b2c3d4e5f'
const DD_APP_KEY = 'dd-app-9z8y7x6w5v'

const httpWithHeaders = (headers: Record<string, string>) => ({ checks: [{ type: 'http', name: 'api', url: 'https://api.example.com/health', headers }] })

describe('${VAR} in header values', () => {
  it('reads the variable from the step env', () => {
    const s = settingsFrom({}, httpWithHeaders({ Authorization: 'Bearer ${API_TOKEN}', 'X-Tenant': '${TENANT}-eu' }), { API_TOKEN, TENANT: 'acme' })
    const c = s.verify.checks[0]
    expect(c.type === 'http' && c.headers).toEqual({ Authorization: `Bearer ${API_TOKEN}`, 'X-Tenant': 'acme-eu' })
  })

  it.each([
    ['unset', {}],
    ['empty', { API_TOKEN: '' }]
  ])('a variable that is %s is a UserError naming the config path, without any secret', (_, env) => {
    const config = httpWithHeaders({ 'X-Key': '${OTHER_SECRET}', Authorization: '${ORG_ID}:${API_TOKEN}' })
    const e = thrownBy(() => settingsFrom({}, config, { OTHER_SECRET: 'other-secret-value', ORG_ID: 'org-secret-id', ...env }))
    expect(e.name).toBe('UserError')
    expect(e.message).toBe(
      'config .github/deploy-guard.yml: checks[0].headers.Authorization: got "${ORG_ID}:${API_TOKEN}"; ' +
        "expected ${API_TOKEN} to be set: add API_TOKEN to the step's env (from a secret)"
    )
    expect(e.message).not.toContain('other-secret-value')
    expect(e.message).not.toContain('org-secret-id')
  })

  it('a value with a line break is rejected without echoing it', () => {
    const e = thrownBy(() => settingsFrom({}, httpWithHeaders({ Authorization: '${API_TOKEN}' }), { API_TOKEN: 'abc\r\nX-Evil: 1' }))
    expect(e.message).toBe('config .github/deploy-guard.yml: checks[0].headers.Authorization: got "(hidden)"; expected a header value without line breaks')
  })
})

describe('settings.secrets', () => {
  const config = {
    checks: [
      { type: 'http', name: 'api', url: 'https://api.example.com/health', headers: { Authorization: 'Bearer ${API_TOKEN}' } },
      { type: 'prometheus', name: 'errors', url: 'https://reader:${PROM_PASSWORD}@prom.example.com', query: 'up', max: 1 },
      { type: 'json', name: 'queue', url: 'https://svc:literal-pw@metrics.example.com/q', path: '$.depth', max: 10 },
      { type: 'datadog', name: 'latency', query: 'avg:trace.http.request{*}', 'api-key': '${DD_API_KEY}', 'app-key': '${DD_APP_KEY}', max: 0.5 }
    ]
  }
  const env = { API_TOKEN, PROM_PASSWORD: 'prom-pass-123', DD_API_KEY, DD_APP_KEY }

  it('hold the token, credential header values, datadog keys, URL passwords and the Basic credentials made of them', () => {
    const s = settingsFrom({ 'github-token': 'ghs_0123456789abcdefghijABCDEFGHIJ' }, config, env)
    const basic = (pair: string): string => `Basic ${Buffer.from(pair).toString('base64')}`
    expect([...s.secrets].sort()).toEqual(
      [
        'ghs_0123456789abcdefghijABCDEFGHIJ',
        `Bearer ${API_TOKEN}`,
        API_TOKEN,
        'prom-pass-123',
        'reader:prom-pass-123',
        basic('reader:prom-pass-123'),
        'literal-pw',
        'svc:literal-pw',
        basic('svc:literal-pw'),
        DD_API_KEY,
        DD_APP_KEY
      ].sort()
    )
    expect(s.token).toBe('ghs_0123456789abcdefghijABCDEFGHIJ')
  })

  it('say where each was read, for warnings that must not show the value', () => {
    const s = settingsFrom({}, config, env)
    expect(s.secretSources).toContainEqual({ where: 'config .github/deploy-guard.yml: checks[0].headers.Authorization', value: API_TOKEN })
    expect(s.secretSources).toContainEqual({ where: 'config .github/deploy-guard.yml: checks[1].url', value: 'prom-pass-123' })
    expect(s.secretSources).toContainEqual({ where: 'config .github/deploy-guard.yml: checks[3].api-key', value: DD_API_KEY })
  })

  it('keep URL credentials out of check names', () => {
    const s = settingsFrom({}, { checks: [{ type: 'json', url: 'https://svc:literal-pw@metrics.example.com/q?key=abc', path: '$.depth', max: 10 }] })
    expect(s.verify.checks[0].name).toBe('json: https://metrics.example.com/q $.depth')
  })

  it('leave out duplicates and values too short to redact', () => {
    const s = settingsFrom(
      {},
      {
        checks: [
          { type: 'http', name: 'a', url: 'https://a.example.com/', headers: { 'X-Key': '${API_TOKEN}', 'X-Short-Token': 'abc' } },
          { type: 'http', name: 'b', url: 'https://b.example.com/', headers: { 'X-Key': '${API_TOKEN}' } }
        ]
      },
      { API_TOKEN }
    )
    expect(s.secrets).toEqual([API_TOKEN])
  })
})

describe('only credential positions hold secrets', () => {
  const secretsOf = (check: Record<string, unknown>, env: Record<string, string> = {}): string[] =>
    [...settingsFrom({}, { checks: [{ type: 'http', name: 'c', url: 'https://api.example.com/', ...check }] }, env).secrets].sort()

  it.each([
    ['ordinary headers', { Accept: 'application/json', 'X-Env': 'production', 'X-Debug': 'false', 'Content-Type': 'text/plain' }, []],
    ['Authorization: the value and the credential after the scheme', { Authorization: 'Bearer abc123def456' }, ['Bearer abc123def456', 'abc123def456']],
    [
      'Basic: also the decoded pair and the password',
      { Authorization: 'Basic dXNlcjpsZXRtZWlucGxlYXNl' },
      ['Basic dXNlcjpsZXRtZWlucGxlYXNl', 'dXNlcjpsZXRtZWlucGxlYXNl', 'letmeinplease', 'user:letmeinplease']
    ],
    ['Cookie: the value and each cookie', { Cookie: 'session=s3ss10n-id; theme=dark' }, ['dark', 's3ss10n-id', 'session=s3ss10n-id; theme=dark']],
    ['a header whose name says key', { 'DD-API-KEY': 'dd-key-value' }, ['dd-key-value']],
    ['a header whose name says token', { 'X-Auth-Token': 'the-token' }, ['the-token']],
    ['a short credential', { 'X-Token': 'pass' }, ['pass']]
  ])('%s', (_, headers, expected) => {
    expect(secretsOf({ headers })).toEqual([...expected].sort())
  })

  it.each([
    ['an ordinary variable in an ordinary header', { 'X-Tenant': '${TENANT}' }, { TENANT: 'acme-eu' }, []],
    ['a variable whose name says SECRET, anywhere', { 'X-Trace': 't-${TRACE_SECRET}' }, { TRACE_SECRET: 'trace-value' }, ['trace-value']],
    ['any variable in a credential header', { 'X-Api-Key': '${ORG}-${KEY_PART}' }, { ORG: 'acme', KEY_PART: 'k3y-part' }, ['acme', 'acme-k3y-part', 'k3y-part']]
  ])('%s', (_, headers, env, expected) => {
    expect(secretsOf({ headers }, env)).toEqual([...expected].sort())
  })

  it.each([
    ['credential query parameters', 'https://h.example.com/x?sig=abc%2Bdef&sv=2024-01-01&se=2030&token=tok-1&region=eu', {}, ['abc+def', 'tok-1']],
    [
      'presigned AWS parameters',
      'https://b.s3.example.com/k?X-Amz-Credential=AKIDEXAMPLE%2F2024&X-Amz-Signature=f00dbabe&X-Amz-Date=20240101',
      {},
      ['AKIDEXAMPLE/2024', 'f00dbabe']
    ],
    ['a variable in a credential parameter', 'https://h.example.com/x?access_token=${T}&page=${PAGE}', { T: 'tkn-value', PAGE: '2' }, ['tkn-value']],
    ['a variable whose name says TOKEN in the path', 'https://h.example.com/hooks/${HOOK_TOKEN}', { HOOK_TOKEN: 'hook-value' }, ['hook-value']],
    ['an ordinary variable in the host', 'https://${REGION}.example.com/', { REGION: 'eu-west' }, []]
  ])('%s', (_, url, env, expected) => {
    expect(secretsOf({ url }, env)).toEqual([...expected].sort())
  })
})

describe('settings errors', () => {
  it('redact the secrets met before the error', () => {
    // contrived, but a check named after the key shows what any later error would get
    const config = {
      checks: [
        { type: 'http', name: 'dup-secret-value', url: 'https://a.example.com/', headers: { 'X-Api-Key': 'dup-secret-value' } },
        { type: 'http', name: 'dup-secret-value', url: 'https://b.example.com/' }
      ]
    }
    const e = thrownBy(() => settingsFrom({}, config))
    expect(e.name).toBe('UserError')
    expect(e.message).toBe('config .github/deploy-guard.yml: checks[1].name: got "***"; expected a name no other check has')
  })
})
