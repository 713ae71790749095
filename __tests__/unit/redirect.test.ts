import { nextHop, type Hop } from '../../src/net/redirect.js'
import { HttpFailure } from '../../src/net/http-failure.js'

const creds = { Authorization: 'Bearer t0ken123', Cookie: 'sid=1', 'X-Api-Key': 'k3y', 'DD-APPLICATION-KEY': 'app', 'X-Env': 'production', accept: '*/*' }
const get = (url: string, headers: Record<string, string> = creds): Hop => ({ url, method: 'GET', headers })

function failure(f: () => unknown): HttpFailure {
  try {
    f()
  } catch (e) {
    if (e instanceof HttpFailure) return e
    throw e
  }
  throw new Error('no HttpFailure thrown')
}

describe('nextHop: what is an answer', () => {
  it.each([
    ['a 200', 200, '/x'],
    ['a 304', 304, '/x'],
    ['a 302 without Location', 302, undefined],
    ['a 302 with an empty Location', 302, '']
  ])('%s is the answer', (_, status, location) => {
    expect(nextHop(get('http://a.test/'), { status, location }, 0, 5)).toBeUndefined()
  })

  it('maxRedirects 0 makes the 3xx the answer, whatever its Location', () => {
    expect(nextHop(get('http://a.test/'), { status: 302, location: 'file:///etc/passwd' }, 0, 0)).toBeUndefined()
  })
})

describe('nextHop: where it goes', () => {
  it('resolves a relative Location against the current URL', () => {
    expect(nextHop(get('http://a.test/x/y?q=1'), { status: 301, location: '../z' }, 0, 5)?.url).toBe('http://a.test/z')
  })

  it('stops one redirect past the limit, naming the last target', () => {
    const f = failure(() => nextHop(get('http://a.test/loop'), { status: 302, location: '/loop' }, 5, 5))
    expect(f.kind).toBe('redirects')
    expect(f.message).toBe('more than 5 redirects (last to http://a.test/loop)')
  })

  it.each([
    ['file:///etc/passwd', /redirect \(302\) to file:\/\/\/etc\/passwd refused: only http and https redirects are followed/],
    ['ftp://files.test/x', /to ftp:\/\/files.test\/x refused/],
    ['data:text/plain,hi', /to data:text\/plain,hi refused/],
    ['javascript:alert(1)', /refused: only http and https/]
  ])('refuses a Location of another scheme: %s', (location, message) => {
    const f = failure(() => nextHop(get('http://a.test/'), { status: 302, location }, 0, 5))
    expect(f.kind).toBe('bad-redirect')
    expect(f.message).toMatch(message)
  })

  it.each(['http://[bad', 'http://exa mple.test/', 'https://:80/'])('refuses an invalid Location %j', (location) => {
    const f = failure(() => nextHop(get('http://a.test/'), { status: 307, location }, 0, 5))
    expect(f.kind).toBe('bad-redirect')
    expect(f.message).toBe(`redirect (307) to an invalid Location ${JSON.stringify(location)}`)
  })

  it('clips a huge Location in the message', () => {
    const f = failure(() => nextHop(get('http://a.test/'), { status: 302, location: `http://[${'x'.repeat(5000)}` }, 0, 5))
    expect(f.message.length).toBeLessThan(300)
  })
})

describe('nextHop: credentials never cross origins', () => {
  it('keeps every header on the same origin', () => {
    expect(nextHop(get('https://a.test/x'), { status: 302, location: '/y' }, 0, 5)).toEqual({
      url: 'https://a.test/y',
      method: 'GET',
      body: undefined,
      headers: creds
    })
  })

  it.each([
    ['another host', 'https://b.test/y'],
    ['another port', 'https://a.test:8443/y'],
    ['a sub-domain', 'https://api.a.test/y'],
    ['http to https on the same host', 'https://a.test/y']
  ])('drops credential headers for %s', (_, location) => {
    const from = location === 'https://a.test/y' ? 'http://a.test/x' : 'https://a.test/x'
    const next = nextHop(get(from, { ...creds, Host: 'a.test' }), { status: 302, location }, 0, 5)
    expect(next?.headers).toEqual({ 'X-Env': 'production', accept: '*/*' })
  })

  it('treats the default port as the same origin', () => {
    expect(nextHop(get('https://a.test/x'), { status: 302, location: 'https://a.test:443/y' }, 0, 5)?.headers).toEqual(creds)
  })

  it('drops user and password from the URL on another origin, keeps them on the same', () => {
    expect(nextHop(get('http://u:p@a.test/x', {}), { status: 302, location: 'http://b.test/y' }, 0, 5)?.url).toBe('http://b.test/y')
    expect(nextHop(get('http://u:p@a.test/x', {}), { status: 302, location: '/y' }, 0, 5)?.url).toBe('http://u:p@a.test/y')
  })

  it('refuses https to http while carrying credentials, naming them', () => {
    const f = failure(() => nextHop(get('https://a.test/x'), { status: 302, location: 'http://a.test/y' }, 0, 5))
    expect(f.kind).toBe('unsafe-redirect')
    expect(f.message).toBe(
      'redirect from https to http (http://a.test/y) refused: the request carries credentials (Authorization, Cookie, X-Api-Key, DD-APPLICATION-KEY)'
    )
  })

  it('refuses https to http with credentials in the URL', () => {
    const f = failure(() => nextHop(get('https://u:p@a.test/x', {}), { status: 301, location: 'http://b.test/' }, 0, 5))
    expect(f.message).toMatch(/carries credentials \(credentials in the URL\)/)
  })

  it('follows https to http without credentials', () => {
    expect(nextHop(get('https://a.test/x', { accept: '*/*' }), { status: 302, location: 'http://a.test/y' }, 0, 5)?.url).toBe('http://a.test/y')
  })
})

describe('nextHop: method and body', () => {
  const post: Hop = { url: 'http://a.test/x', method: 'POST', body: '{"a":1}', headers: { 'Content-Type': 'application/json', 'X-Env': 'p' } }

  it.each([301, 302, 303])('%i after a POST continues as a GET without body or content headers', (status) => {
    expect(nextHop(post, { status, location: '/y' }, 0, 5)).toEqual({ url: 'http://a.test/y', method: 'GET', body: undefined, headers: { 'X-Env': 'p' } })
  })

  it.each([307, 308])('%i repeats the method and body', (status) => {
    expect(nextHop(post, { status, location: '/y' }, 0, 5)).toEqual({ ...post, url: 'http://a.test/y' })
  })

  it('303 keeps HEAD a HEAD and turns PUT into GET', () => {
    expect(nextHop({ ...post, method: 'HEAD', body: undefined }, { status: 303, location: '/y' }, 0, 5)?.method).toBe('HEAD')
    expect(nextHop({ ...post, method: 'PUT' }, { status: 303, location: '/y' }, 0, 5)?.method).toBe('GET')
  })
})
