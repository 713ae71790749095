// Redirects through the bundled action: credentials stay with their origin, a redirect never
// downgrades https to http with them, a Location that is not http(s) is the service's fault,
// and a check that expects a 3xx judges it instead of following it.
import { jest } from '@jest/globals'
import { runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startTlsTarget } from '../../test-support/tls-target.mjs'

jest.setTimeout(30_000)

type Target = Awaited<ReturnType<typeof startHttpTarget>>
let a: Target
let b: Target
beforeEach(async () => {
  a = await startHttpTarget({ record: true })
  b = await startHttpTarget({ record: true })
})
afterEach(async () => Promise.all([a.close(), b.close()]))

const to = (location: string, status = 302) => `/redirect-to?status=${status}&to=${encodeURIComponent(location)}`
const secret = 'Bearer s3cret-token-0123456789'
const env = { AUTH: secret, API_KEY: 'api-key-abcdef0123456789' }
const headers = `
    headers:
      Authorization: \${AUTH}
      Cookie: session=c00kie-value-42
      X-Api-Key: \${API_KEY}
      X-Env: production`
const once = 'verify: { duration: 0s, failure-limit: 0 }\n'
const httpCheck = (name: string, url: string, extra = '') => `  - name: ${name}\n    type: http\n    url: '${url}'${headers}${extra}\n`

describe('redirects and credentials', () => {
  it('drops Authorization, Cookie and API keys when the redirect leaves the origin, keeps them on it', async () => {
    const config = `${once}checks:\n${httpCheck('other origin', `${a.url}${to(`${b.url}/ok`)}`)}${httpCheck('same origin', `${a.url}${to('/ok', 301)}`)}`
    const r = await runAction({ files: { '.github/deploy-guard.yml': config }, env })
    expect(r.code).toBe(0)
    const onB = b.requests.filter((q) => q.path === '/ok')
    expect(onB).toHaveLength(1)
    expect(onB[0].headers).not.toHaveProperty('authorization')
    expect(onB[0].headers).not.toHaveProperty('cookie')
    expect(onB[0].headers).not.toHaveProperty('x-api-key')
    expect(onB[0].headers['x-env']).toBe('production')
    const onA = a.requests.filter((q) => q.path === '/ok')
    expect(onA).toHaveLength(1)
    expect(onA[0].headers).toMatchObject({ authorization: secret, cookie: 'session=c00kie-value-42', 'x-api-key': env.API_KEY, 'x-env': 'production' })
  })

  it('drops a user and password given in the URL on another origin', async () => {
    const url = a.url.replace('http://', 'http://deploy:url-pa55word@')
    const r = await runAction({ inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${url}${to(`${b.url}/ok`)}` } })
    expect(r.code).toBe(0)
    expect(a.requests[0].headers.authorization).toBe(`Basic ${Buffer.from('deploy:url-pa55word').toString('base64')}`)
    expect(b.requests[0].headers).not.toHaveProperty('authorization')
    expect(r.summary + JSON.stringify(r.report)).not.toContain('url-pa55word')
  })

  it('drops the Datadog keys when the API redirects elsewhere', async () => {
    a.set({ redirectPaths: { '/api/v1/query': `${b.url}/json` } })
    const config = `${once}checks:
  - name: p99
    type: datadog
    api-url: '${a.url}'
    query: avg:latency{*}
    api-key: dd-api-key-0123456789abcdef
    app-key: dd-app-key-fedcba9876543210
    max: 1
`
    await runAction({ files: { '.github/deploy-guard.yml': config } })
    const onA = a.requests.find((q) => q.path === '/api/v1/query')
    expect(onA?.headers['dd-api-key']).toBe('dd-api-key-0123456789abcdef')
    expect(b.requests).toHaveLength(1)
    expect(b.requests[0].headers).not.toHaveProperty('dd-api-key')
    expect(b.requests[0].headers).not.toHaveProperty('dd-application-key')
  })

  it('refuses a redirect from https to http while carrying Authorization: a failed sample saying why', async () => {
    const tls = await startTlsTarget({
      handler: (_, res) => {
        res.statusCode = 302
        res.setHeader('location', `${b.url}/ok`)
        res.end()
      }
    })
    try {
      const config = `${once}checks:\n${httpCheck('downgrade', `${tls.url}/`)}`
      const r = await runAction({ files: { '.github/deploy-guard.yml': config }, env: { ...env, NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(r.code).toBe(1)
      expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['downgrade'])
      const sample = r.report.samples.find((s: { check: string }) => s.check === 'downgrade')
      expect(sample).toMatchObject({ status: 'fail' })
      expect(sample.detail).toBe(`redirect from https to http (${b.url}/ok) refused: the request carries credentials (Authorization, Cookie, X-Api-Key)`)
      expect(r.errors.join('\n')).toContain('refused: the request carries credentials')
      expect(b.requests).toHaveLength(0)
      // Without credentials the same redirect is followed: the refusal is about them, not the scheme.
      const plain = `${once}checks:\n  - { name: plain downgrade, type: http, url: '${tls.url}/' }\n`
      const p = await runAction({ files: { '.github/deploy-guard.yml': plain }, env: { NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(p.code).toBe(0)
      expect(b.requests).toHaveLength(1)
      expect(b.requests[0].headers).not.toHaveProperty('authorization')
    } finally {
      await tls.close()
    }
  })
})

describe('redirects the service gets wrong', () => {
  it.each([
    ['a file: URL', 'file:///etc/passwd', /redirect \(302\) to file:\/\/\/etc\/passwd refused: only http and https redirects are followed/],
    ['an ftp: URL', 'ftp://files.example/x', /to ftp:\/\/files.example\/x refused/],
    ['an invalid Location', 'http://[bad', /redirect \(302\) to an invalid Location "http:\/\/\[bad"/]
  ])('a redirect to %s fails the http check, it is no internal error', async (_, location, detail) => {
    const r = await runAction({ inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${a.url}${to(location)}` } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.report.samples[0]).toMatchObject({ status: 'fail' })
    expect(r.report.samples[0].detail).toMatch(detail)
    expect(r.errors.join('\n')).not.toMatch(/internal error|failed unexpectedly/)
  })

  it('the same redirect from a metric backend is an error (inconclusive), not a failure', async () => {
    const config = `verify: { duration: 0s }\nchecks:\n  - { name: queue, type: json, url: '${a.url}${to('file:///etc/passwd')}', path: $.value, max: 1 }\n`
    const r = await runAction({ files: { '.github/deploy-guard.yml': config } })
    expect(r.outputs.result).toBe('inconclusive')
    expect(r.report.samples[0]).toMatchObject({ status: 'error' })
    expect(r.report.samples[0].detail).toMatch(/metrics endpoint unreachable: redirect \(302\) to file:\/\/\/etc\/passwd refused/)
  })
})

describe('expect.status with a 3xx', () => {
  it.each([
    ['["3xx"]', '302'],
    ['[301]', '301']
  ])('status %s judges the redirect itself and never follows it', async (statuses, status) => {
    const config = `${once}checks:\n  - { name: moved, type: http, url: '${a.url}${to(`${b.url}/ok`, Number(status))}', expect: { status: ${statuses} } }\n`
    const r = await runAction({ files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(0)
    expect(r.report.samples[0]).toMatchObject({ status: 'pass' })
    expect(r.report.samples[0].detail).toMatch(new RegExp(`^${status} in \\d+ ms$`))
    expect(b.requests).toHaveLength(0)
  })

  it('a 2xx-only check follows the same redirect', async () => {
    const r = await runAction({ inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${a.url}${to(`${b.url}/ok`)}` } })
    expect(r.code).toBe(0)
    expect(b.requests).toHaveLength(1)
  })

  it('a 3xx check fails on a 200', async () => {
    const config = `${once}checks:\n  - { name: moved, type: http, url: '${a.url}/ok', expect: { status: ["3xx"] } }\n`
    const r = await runAction({ files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/status 200, expected one of 300-399/)
  })
})
