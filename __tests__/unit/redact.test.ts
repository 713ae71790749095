import { redact, redactValue, Redactor } from '../../src/text/redact.js'

describe('redact: known secrets', () => {
  it('replaces every occurrence of every known value', () => {
    expect(redact('key=s3cr3t-value; again s3cr3t-value', ['s3cr3t-value'])).toBe('key=***; again ***')
  })

  it('removes the longest first, so a secret containing another goes whole', () => {
    expect(redact('Authorization: Bearer abcd1234efgh', ['abcd', 'Bearer abcd1234efgh'])).toBe('Authorization: ***')
    expect(redact('Authorization: Bearer abcd1234efgh', ['Bearer abcd1234efgh', 'abcd'])).toBe('Authorization: ***')
  })

  it('treats secrets as text, not patterns', () => {
    expect(redact('pw is a.b*c+(d) and axbxc', ['a.b*c+(d)'])).toBe('pw is *** and axbxc')
  })

  it('ignores values shorter than 4 characters, which would mangle ordinary text', () => {
    expect(redact('a 1 in the text', ['a', '1', 'the'])).toBe('a 1 in the text')
  })
})

describe('redact: credential shapes it was never told about', () => {
  it.each([
    ['classic PAT', 'token ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 leaked', 'token *** leaked'],
    ['installation token', 'using ghs_16C7e42F292c6912E7710c838347Ae178B4a now', 'using *** now'],
    ['fine-grained PAT', 'pat=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF end', 'pat=*** end'],
    ['AWS access key id', 'aws AKIAIOSFODNN7EXAMPLE here', 'aws *** here'],
    ['AWS session key id', 'ASIAY34FZKBOKMUTVV7A', '***'],
    ['JWT', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U ok', 'jwt *** ok'],
    ['Bearer header', 'Authorization: Bearer abc.DEF-123_456~xyz=', 'Authorization: Bearer ***'],
    ['Basic header', 'authorization: basic dXNlcjpwYXNzd29yZA==', 'authorization: basic ***'],
    ['Basic credentials without a digit', 'Authorization: Basic dXNlcjpsZXRtZWlucGxlYXNl', 'Authorization: Basic ***'],
    ['Basic credentials with padding', 'got Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== back', 'got Basic *** back'],
    ['Bearer without a digit, mixed case', 'Bearer AbCdEfGhIjKlMnOp', 'Bearer ***'],
    ['Slack token', 'slack xoxb-1234567890-abcdefghij', 'slack ***'],
    ['Stripe key', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc', '***'],
    ['npm token', 'npm_abcdefghijklmnopqrstuvwxyz0123456789', '***'],
    ['Google API key', 'AIzaSyA1234567890abcdefghijklmnopqrstuv', '***'],
    ['SendGrid key', 'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', '***'],
    ['connection string', 'Server=db;User Id=app;Password=pa55w0rd;Database=x', 'Server=db;User Id=app;Password=***;Database=x'],
    [
      'Azure storage key',
      'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc123+/==;EndpointSuffix=x',
      'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=***;EndpointSuffix=x'
    ],
    ['an unparseable URL with a password', 'got "https://monitor:hunter2pw@api.exa mple.com/health"', 'got "https://monitor:***@api.exa mple.com/health"'],
    ['a password holding @', 'https://u:p@ss@host/x', 'https://u:***@host/x'],
    ['credential query parameters', 'GET /x?sv=2024&sig=abc%2B&se=2030&token=t0k&region=eu', 'GET /x?sv=2024&sig=***&se=2030&token=***&region=eu'],
    [
      'presigned AWS URL',
      'https://b.s3.amazonaws.com/k?X-Amz-Credential=AKID%2F2024&X-Amz-Signature=f00d&X-Amz-Date=2024',
      'https://b.s3.amazonaws.com/k?X-Amz-Credential=***&X-Amz-Signature=***&X-Amz-Date=2024'
    ],
    ['a parameter in escaped HTML and JSON', 'a?x=1&amp;api_key=k1 b?x=1\\u0026access_token=t2', 'a?x=1&amp;api_key=*** b?x=1\\u0026access_token=***'],
    ['credentials in a URL', 'GET https://deploy:hunter2@api.example.com/v1 failed', 'GET https://deploy:***@api.example.com/v1 failed'],
    ['credentials in a non-http URL', 'redis://default:p4ssw0rd@cache:6379/0', 'redis://default:***@cache:6379/0']
  ])('%s', (_, text, expected) => {
    expect(redact(text, [])).toBe(expected)
  })

  it('a PEM private key, across lines', () => {
    const pem = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn\n/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n-----END RSA PRIVATE KEY-----'
    expect(redact(`key:\n${pem}\ndone`, [])).toBe('key:\n***\ndone')
  })

  it.each([
    'status 503, expected 2xx (42 ms)',
    '0.0625 > max 0.05: regression over baseline 0.01',
    'GET https://api.example.com/v1/health?region=eu 200 in 12 ms',
    'user@example.com opened #123 on 2025-01-15T12:00:00Z',
    'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))',
    'commit 0123456789abcdef0123456789abcdef01234567 deployed to production',
    'the AKIA prefix and eyJ prefix alone are harmless',
    'Basic authentication failed for user deploy',
    'basic auth required; send Basic credentials',
    'Bearer token required',
    'WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="expired"',
    'token verification failed: the token expired',
    'checks[0].url: got "https://u:${PASSWORD}@h:99999/"',
    'checks[0].url: got "https://h/x?token=${MY_TOKEN}&sig=${SIG}"',
    'GET https://storage.example.com/c?sv=2024-01-01&se=2030-01-01&sp=r 403',
    'deploy-guard: passed: 1 check passed'
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redact(text, ['s3cr3t-value'])).toBe(text)
  })
})

describe('redact: short secrets only where they stand alone', () => {
  it.each([
    ['deploy-guard: passed: 1 check passed', 'deploy-guard: passed: 1 check passed'],
    ['x-token: pass', 'x-token: ***'],
    ['{"x-token":"pass"}', '{"x-token":"***"}'],
    ['?token=pass&x=1', '?token=***&x=1'],
    ['q=%22pass%22', 'q=%22***%22'],
    ['password passes compass pass_word pass-through', 'password passes compass pass_word pass-through'],
    ['(pass)', '(***)']
  ])('%s', (text, expected) => {
    expect(redact(text, ['pass'])).toBe(expected)
  })
})

describe('redact: every form of a known secret', () => {
  const secret = 'tok"secret<x> y&z'
  it.each([
    ['raw', secret],
    ['encodeURIComponent', encodeURIComponent(secret)],
    ['lower-case percent escapes', encodeURIComponent(secret).toLowerCase()],
    ['form encoding', new URLSearchParams({ v: secret }).toString().slice(2)],
    ['a URL query as new URL() writes it', new URL(`https://h/?q=${secret}`).search.slice(3)],
    ['JSON escaping', JSON.stringify(secret).slice(1, -1)],
    ['HTML-safe JSON escaping', 'tok\\"secret\\u003cx\\u003e y\\u0026z'],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64 without padding', Buffer.from(secret).toString('base64').replace(/=+$/, '')]
  ])('%s', (_, form) => {
    expect(redact(`before ${form} after`, [secret])).toBe('before *** after')
  })

  it('base64 of a recorded user:pass pair, as an HTTP client sends URL credentials', () => {
    const pair = 'monitor:pw with space'
    const sent = Buffer.from(pair).toString('base64')
    expect(redact(`authorization: Basic ${sent}`, [pair])).toBe('authorization: Basic ***')
  })

  it('the forms of a short secret stand alone too', () => {
    expect(redact('a="ab cd" b=ab%20cd c=ab+cd d=ab%20cdef', ['ab cd'])).toBe('a="***" b=*** c=*** d=ab%20cdef')
  })
})

describe('Redactor.value', () => {
  const report = {
    result: 'failed',
    limits: { rollbackOnInconclusive: false, failureLimit: 0 },
    environment: 'production',
    checks: [{ name: 'api', lastDetail: 'echo: {"x-token":"pass","auth":"Bearer s3cr3t-v4lue"}' }],
    headers: { 's3cr3t-v4lue': 'as a key' }
  }

  it('redacts strings and keys and leaves the JSON valid, booleans and numbers as they are', () => {
    const out = redactValue(report, ['pass', 'false', 'production', 's3cr3t-v4lue'])
    expect(JSON.parse(JSON.stringify(out))).toEqual({
      result: 'failed',
      limits: { rollbackOnInconclusive: false, failureLimit: 0 },
      environment: '***',
      checks: [{ name: 'api', lastDetail: 'echo: {"x-token":"***","auth":"Bearer ***"}' }],
      headers: { '***': 'as a key' }
    })
    expect(report.environment).toBe('production')
  })

  it('redacts the same secret wherever it repeats, and never changes what it was given', () => {
    const rows = Array.from({ length: 3 }, (_, i) => ({ sha: `abc${i}`, message: `deploy with s3cr3t-v4lue ${i}`, nested: [{ s3cr3t: 's3cr3t-v4lue' }] }))
    const given = JSON.stringify(rows)
    const out = redactValue({ rows, clean: { sha: 'abc', n: 1 } }, ['s3cr3t-v4lue'])
    expect(out.rows.map((r) => r.message)).toEqual(['deploy with *** 0', 'deploy with *** 1', 'deploy with *** 2'])
    expect(out.rows.map((r) => r.nested[0]?.s3cr3t)).toEqual(['***', '***', '***'])
    expect(JSON.stringify(rows)).toBe(given)
    expect(out.clean).toEqual({ sha: 'abc', n: 1 })
  })

  it('takes what it returned back as it is: a report redacted by its mode is not walked again by the publisher', () => {
    const r = new Redactor(['s3cr3t-v4lue'])
    const once = r.value({ a: ['s3cr3t-v4lue'], b: { c: 1 } })
    expect(r.value(once)).toBe(once)
    expect(once).toEqual({ a: ['***'], b: { c: 1 } })
  })

  it('is built once and reused', () => {
    const r = new Redactor(['s3cr3t-v4lue'])
    expect(r.text('a s3cr3t-v4lue b')).toBe('a *** b')
    expect(r.value(['s3cr3t-v4lue', 1, null])).toEqual(['***', 1, null])
  })
})

describe('redact: escaped forms (issue 14)', () => {
  const sec = 'hdr-abc/def+ghi/jkl+=='
  it.each([
    ['JSON with \\/', JSON.stringify({ 'X-Api-Key': sec }).replace(/\//g, '\\/')],
    ['JSON with \\u002F', JSON.stringify({ 'X-Api-Key': sec }).replace(/\//g, '\\u002F')],
    ['JSON with lower-case \\u002f and \\u002b', JSON.stringify({ 'X-Api-Key': sec }).replace(/[/+]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)],
    ['URL-encoded', `q=${encodeURIComponent(sec)}&x=1`],
    ['base64', `blob ${Buffer.from(sec).toString('base64')} end`]
  ])('a known secret %s', (_, line) => {
    const out = redact(line, [sec])
    expect(out).toContain('***')
    expect(out).not.toMatch(/abc|def|ghi|jkl/)
  })

  it.each([
    ['JSON-escaped', '{"url":"https:\\/\\/deployer:s3cr\\"et-pw@db.example.com\\/x"}', '{"url":"https:\\/\\/deployer:***@db.example.com\\/x"}'],
    [
      '\\u002f-escaped',
      '{"url":"https:\\u002f\\u002fdeployer:pw-xyz-123@db.example.com\\u002fx"}',
      '{"url":"https:\\u002f\\u002fdeployer:***@db.example.com\\u002fx"}'
    ],
    ['percent-encoded', 'next=https%3A%2F%2Fdeployer%3Apw-secret-1%40host.example%2Fx&y=1', 'next=https%3A%2F%2Fdeployer%3A***%40host.example%2Fx&y=1']
  ])('a credential in a %s URL is found like one in a plain URL', (_, line, want) => {
    expect(redact(line, [])).toBe(want)
  })

  it.each([['{"url":"https:\\/\\/host:8080\\/path\\/x@y"}'], ['next=https%3A%2F%2Fhost.example%2Fx%40y&y=1']])(
    'leaves an escaped URL without credentials alone: %s',
    (line) => {
      expect(redact(line, [])).toBe(line)
    }
  )
})
