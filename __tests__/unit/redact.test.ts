import { redact } from '../../src/text/redact.js'

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
    'the AKIA prefix and eyJ prefix alone are harmless'
  ])('leaves ordinary text alone: %s', (text) => {
    expect(redact(text, ['s3cr3t-value'])).toBe(text)
  })
})
