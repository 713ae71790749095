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

  it('hold the token, header values, datadog keys and URL passwords', () => {
    const s = settingsFrom({ 'github-token': 'ghs_0123456789abcdefghijABCDEFGHIJ' }, config, env)
    expect([...s.secrets].sort()).toEqual(
      ['ghs_0123456789abcdefghijABCDEFGHIJ', `Bearer ${API_TOKEN}`, API_TOKEN, 'prom-pass-123', 'literal-pw', DD_API_KEY, DD_APP_KEY].sort()
    )
    expect(s.token).toBe('ghs_0123456789abcdefghijABCDEFGHIJ')
  })

  it('keep URL credentials out of check names', () => {
    const s = settingsFrom({}, { checks: [{ type: 'json', url: 'https://svc:literal-pw@metrics.example.com/q?key=abc', path: '$.depth', max: 10 }] })
    expect(s.verify.checks[0].name).toBe('json: https://metrics.example.com/q $.depth')
  })

  it('leave out duplicates and values too short to mask', () => {
    const s = settingsFrom({}, { checks: [
      { type: 'http', name: 'a', url: 'https://a.example.com/', headers: { 'X-Key': '${API_TOKEN}', 'X-Short': 'abc' } },
      { type: 'http', name: 'b', url: 'https://b.example.com/', headers: { 'X-Key': '${API_TOKEN}' } }
    ] }, { API_TOKEN })
    expect(s.secrets).toEqual([API_TOKEN])
  })
})
