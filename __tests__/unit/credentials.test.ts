import { basicPair, headerSecrets, isCredentialHeader, isCredentialParam, isCredentialVariable, urlSecrets } from '../../src/text/credentials.js'

describe('isCredentialHeader', () => {
  it.each([
    'Authorization',
    'authorization',
    'Proxy-Authorization',
    'Cookie',
    'Set-Cookie',
    'DD-API-KEY',
    'DD-APPLICATION-KEY',
    'X-Api-Key',
    'X-Auth-Token',
    'X-Vault-Token',
    'X-Client-Secret',
    'X-Password',
    'X-Passwd',
    'X-Session-Id',
    'X-Hub-Signature-256',
    'X-Credential',
    'X-Token'
  ])('%s holds a credential', (name) => {
    expect(isCredentialHeader(name)).toBe(true)
  })

  it.each(['Accept', 'Content-Type', 'X-Env', 'X-Debug', 'X-Tenant', 'User-Agent', 'X-Request-Id', 'Cache-Control', 'Keep-Alive', 'Host'])(
    '%s does not',
    (name) => {
      expect(isCredentialHeader(name)).toBe(false)
    }
  )
})

describe('isCredentialParam', () => {
  it.each([
    'token',
    'access_token',
    'id_token',
    'refresh_token',
    'sig',
    'signature',
    'key',
    'api_key',
    'apikey',
    'api-key',
    'x-api-key',
    'secret',
    'client_secret',
    'password',
    'passwd',
    'auth',
    'X-Amz-Signature',
    'x-amz-signature',
    'X-Amz-Credential',
    'X-Amz-Security-Token',
    'X-Goog-Signature',
    'TOKEN'
  ])('%s carries a credential', (name) => {
    expect(isCredentialParam(name)).toBe(true)
  })

  it.each(['sv', 'se', 'sp', 'spr', 'code', 'state', 'region', 'page', 'query', 'X-Amz-Date', 'X-Amz-Expires', 'keys', 'monkey', 'author'])(
    '%s does not',
    (name) => {
      expect(isCredentialParam(name)).toBe(false)
    }
  )
})

describe('isCredentialVariable', () => {
  it.each(['MY_TOKEN', 'API_KEY', 'DD_APP_KEY', 'WEBHOOK_SECRET', 'DB_PASSWORD', 'SMTP_PASS', 'GCP_CREDENTIALS', 'BASIC_AUTH', 'github_token'])(
    '%s names a secret',
    (name) => {
      expect(isCredentialVariable(name)).toBe(true)
    }
  )

  it.each(['TENANT', 'REGION', 'ENVIRONMENT', 'HOST', 'PORT', 'VERSION'])('%s does not', (name) => {
    expect(isCredentialVariable(name)).toBe(false)
  })
})

describe('headerSecrets', () => {
  it.each([
    ['X-Api-Key', 'k-123', ['k-123']],
    ['Authorization', 'Bearer abc.def', ['Bearer abc.def', 'abc.def']],
    ['Authorization', 'opaque-token-without-scheme', ['opaque-token-without-scheme']],
    ['Authorization', 'Basic dXNlcjpsZXRtZWlucGxlYXNl', ['Basic dXNlcjpsZXRtZWlucGxlYXNl', 'dXNlcjpsZXRtZWlucGxlYXNl', 'user:letmeinplease', 'letmeinplease']],
    ['Proxy-Authorization', 'Digest abc', ['Digest abc', 'abc']],
    ['Cookie', 'sid=s1; csrf=c2', ['sid=s1; csrf=c2', 's1', 'c2']],
    ['Set-Cookie', 'sid=s1; Path=/; HttpOnly', ['sid=s1; Path=/; HttpOnly', 's1']]
  ])('%s: %s', (name, value, expected) => {
    expect(headerSecrets(name, value)).toEqual(expected)
  })
})

describe('basicPair', () => {
  it.each([
    ['dXNlcjpsZXRtZWlucGxlYXNl', 'user:letmeinplease'],
    ['QWxhZGRpbjpvcGVuIHNlc2FtZQ==', 'Aladdin:open sesame'],
    ['authentication', undefined],
    ['Zm9vYmFy', undefined],
    ['not base64!', undefined]
  ])('%s', (b64, pair) => {
    expect(basicPair(b64)).toBe(pair)
  })
})

describe('urlSecrets', () => {
  it.each([
    ['https://api.example.com/health?region=eu', []],
    ['https://monitor:s3cret@api.example.com/', ['s3cret', 'monitor:s3cret', `Basic ${Buffer.from('monitor:s3cret').toString('base64')}`]],
    ['https://u:p%40ss%20word@h.example.com/', ['p@ss word', 'u:p@ss word', `Basic ${Buffer.from('u:p@ss word').toString('base64')}`]],
    ['https://h.example.com/?sv=2024&sig=a%2Bb%3D&se=2030', ['a+b=']],
    ['https://h.example.com/?token=a+b', ['a+b', 'a b']],
    ['https://h.example.com/?X-Amz-Signature=f00d&X-Amz-Date=2024', ['f00d']]
  ])('%s', (url, expected) => {
    expect(urlSecrets(new URL(url))).toEqual(expected)
  })
})
