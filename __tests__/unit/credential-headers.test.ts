import { credentialHeaderNames, isCredentialHeader, withoutCredentialHeaders } from '../../src/net/credential-headers.js'

describe('isCredentialHeader', () => {
  it.each([
    'Authorization',
    'authorization',
    'Proxy-Authorization',
    'Cookie',
    'COOKIE',
    'X-Api-Key',
    'DD-API-KEY',
    'DD-APPLICATION-KEY',
    'apikey',
    'X-Auth-Token',
    'X-CSRF-Token',
    'X-Amz-Security-Token',
    'X-Client-Secret',
    'X-Password',
    'X-Passwd',
    'X-Session-Id',
    'X-Hub-Signature-256',
    'X-Deploy-Guard-Signature-256',
    'X-Goog-Credential'
  ])('%s carries credentials', (name) => {
    expect(isCredentialHeader(name)).toBe(true)
  })

  it.each([
    'Accept',
    'Accept-Language',
    'Content-Type',
    'Content-Length',
    'User-Agent',
    'X-Env',
    'X-Request-Id',
    'Cache-Control',
    'Keep-Alive',
    'Host',
    'If-None-Match'
  ])('%s does not', (name) => {
    expect(isCredentialHeader(name)).toBe(false)
  })
})

describe('credentialHeaderNames and withoutCredentialHeaders', () => {
  const headers = { Authorization: 'Bearer x', Accept: 'application/json', 'x-api-key': 'k', 'X-Env': 'production', Cookie: 'a=b' }

  it('name the credential headers as written', () => {
    expect(credentialHeaderNames(headers)).toEqual(['Authorization', 'x-api-key', 'Cookie'])
  })

  it('keep every other header with its value', () => {
    expect(withoutCredentialHeaders(headers)).toEqual({ Accept: 'application/json', 'X-Env': 'production' })
  })

  it('leave headers without credentials alone', () => {
    expect(credentialHeaderNames({ Accept: '*/*' })).toEqual([])
    expect(withoutCredentialHeaders({})).toEqual({})
  })
})
