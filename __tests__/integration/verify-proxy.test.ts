// Networks as users have them, through the bundled action: HTTPS_PROXY / HTTP_PROXY / NO_PROXY
// (either case, lower case first) and NODE_EXTRA_CA_CERTS. The proxy is a real forward proxy;
// names ending in .test resolve only inside it (or, for the NO_PROXY cases, inside the action
// through test-support/fake-hosts-hook.mjs), so a pass proves which way a request went.
import { jest } from '@jest/globals'
import { join } from 'node:path'
import { ROOT, runAction } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startTlsTarget } from '../../test-support/tls-target.mjs'
import { startDatadogApi } from '../../test-support/datadog-api.mjs'
import { startForwardProxy, type ForwardProxy } from '../../test-support/forward-proxy.mjs'

jest.setTimeout(30_000)

const HOSTS = ['only-via-proxy.test', 'metrics.test', 'secure.test', 'direct.test']
let target: Awaited<ReturnType<typeof startHttpTarget>>
let proxy: ForwardProxy
beforeEach(async () => {
  target = await startHttpTarget()
  proxy = await startForwardProxy({ hosts: HOSTS })
})
afterEach(async () => Promise.all([target.close(), proxy.close()]))

const port = () => new URL(target.url).port
const once = { duration: '0s', 'failure-limit': '0' }
/** Lets the action itself resolve `names` to 127.0.0.1, as a runner's /etc/hosts would. */
const fakeHosts = (names: string) => ({ NODE_OPTIONS: `--import=${join(ROOT, 'test-support/fake-hosts-hook.mjs')}`, DEPLOY_GUARD_FAKE_HOSTS: names })

describe('HTTP_PROXY and HTTPS_PROXY', () => {
  it('reaches a target only the proxy can resolve; without the proxy that is a DNS failure', async () => {
    const url = `http://only-via-proxy.test:${port()}/ok`
    const r = await runAction({ inputs: { ...once, 'health-urls': url }, env: { HTTP_PROXY: proxy.url } })
    expect(r.code).toBe(0)
    expect(proxy.requests).toEqual([expect.objectContaining({ method: 'GET', url })])
    expect(target.hits.get('/ok')).toBe(1)

    const direct = await runAction({ inputs: { ...once, 'health-urls': url } })
    expect(direct.code).toBe(1)
    expect(direct.errors.join('\n')).toMatch(/DNS lookup failed \((ENOTFOUND|EAI_AGAIN)\)/)
    expect(target.hits.get('/ok')).toBe(1)
  })

  it('takes metric backends through the proxy too (json endpoint and Datadog, lower-case variable)', async () => {
    const dd = await startDatadogApi({ apiKey: 'dd-api-key-0123456789abcdef', appKey: 'dd-app-key-fedcba9876543210' })
    try {
      dd.setPoints([0.2])
      const config = `
verify: { duration: 0s, failure-limit: 0 }
checks:
  - { name: queue, type: json, url: 'http://metrics.test:${port()}/json?value=3', path: '$.data[0].value', max: 5 }
  - name: p99
    type: datadog
    api-url: http://metrics.test:${new URL(dd.url).port}
    query: p99:latency{*}
    api-key: dd-api-key-0123456789abcdef
    app-key: dd-app-key-fedcba9876543210
    max: 0.8
`
      const r = await runAction({ files: { '.github/deploy-guard.yml': config }, env: { http_proxy: proxy.url } })
      expect(r.code).toBe(0)
      expect(r.report.samples.map((s: { status: string }) => s.status)).toEqual(['pass', 'pass'])
      expect(proxy.requests.map((q) => new URL(q.url).pathname).sort()).toEqual(['/api/v1/query', '/json'])
    } finally {
      await dd.close()
    }
  })

  it('tunnels an https target through the proxy with CONNECT, trusting the CA in NODE_EXTRA_CA_CERTS', async () => {
    const tls = await startTlsTarget({ names: ['secure.test'] })
    try {
      const url = `https://secure.test:${tls.port}/`
      const r = await runAction({ inputs: { ...once, 'health-urls': url }, env: { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(r.code).toBe(0)
      expect(proxy.requests).toEqual([expect.objectContaining({ method: 'CONNECT', url: `secure.test:${tls.port}` })])

      const untrusted = await runAction({ inputs: { ...once, 'health-urls': url }, env: { HTTPS_PROXY: proxy.url } })
      expect(untrusted.code).toBe(1)
      expect(untrusted.errors.join('\n')).toMatch(new RegExp(`TLS failure: self-signed certificate.*\\(through proxy ${proxy.url}\\)`))
    } finally {
      await tls.close()
    }
  })

  it('uses HTTPS_PROXY for https targets only, HTTP_PROXY for http targets only', async () => {
    const other = await startForwardProxy()
    try {
      const r = await runAction({
        inputs: { ...once, 'health-urls': `http://only-via-proxy.test:${port()}/ok` },
        env: { HTTPS_PROXY: other.url, HTTP_PROXY: proxy.url }
      })
      expect(r.code).toBe(0)
      expect(proxy.requests).toHaveLength(1)
      expect(other.requests).toHaveLength(0)
    } finally {
      await other.close()
    }
  })

  it('prefers the lower-case variable when both cases are set', async () => {
    const upper = await startForwardProxy()
    try {
      const r = await runAction({
        inputs: { ...once, 'health-urls': `http://only-via-proxy.test:${port()}/ok` },
        env: { http_proxy: proxy.url, HTTP_PROXY: upper.url }
      })
      expect(r.code).toBe(0)
      expect(proxy.requests).toHaveLength(1)
      expect(upper.requests).toHaveLength(0)
    } finally {
      await upper.close()
    }
  })

  it('sends proxy credentials from the proxy URL and never shows them', async () => {
    const password = 'pr0xy-pa55-9f8e7d'
    const guarded = await startForwardProxy({ hosts: HOSTS, user: 'runner', password })
    try {
      const proxyUrl = guarded.url.replace('http://', `http://runner:${password}@`)
      const config = `
verify: { duration: 0s, failure-limit: 5 }
checks:
  - { name: through, type: http, url: 'http://only-via-proxy.test:${port()}/ok' }
  - { name: tunnel refused, type: http, url: 'https://only-via-proxy.test:9/' }
`
      const r = await runAction({ files: { '.github/deploy-guard.yml': config }, env: { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl } })
      expect(r.report.samples.find((s: { check: string }) => s.check === 'through')).toMatchObject({ status: 'pass' })
      const refused = r.report.samples.find((s: { check: string }) => s.check === 'tunnel refused')
      expect(refused).toMatchObject({ status: 'fail' })
      expect(refused.detail).toMatch(new RegExp(`^proxy ${guarded.url} refused the tunnel: 500`))
      expect(guarded.requests.every((q) => q.proxyAuthorization === `Basic ${Buffer.from(`runner:${password}`).toString('base64')}`)).toBe(true)
      const seen = r.stdout + r.stderr + r.summary + JSON.stringify(r.report)
      expect(seen).not.toContain(password)
      expect(seen).not.toContain(Buffer.from(`runner:${password}`).toString('base64'))
    } finally {
      await guarded.close()
    }
  })

  it.each([
    ['not a URL', 'http://bad host:3128', /HTTP_PROXY \(or http_proxy\) is not a valid URL/],
    [
      'a SOCKS proxy',
      'socks5://user:socks-pw-1234@127.0.0.1:1080',
      /HTTP_PROXY \(or http_proxy\) must be an http:\/\/ or https:\/\/ URL; a socks5: proxy is not supported/
    ]
  ])('fails the check, not the action, on a proxy variable that is %s', async (_, value, detail) => {
    const r = await runAction({ inputs: { ...once, 'health-urls': `http://only-via-proxy.test:${port()}/ok` }, env: { HTTP_PROXY: value } })
    expect(r.code).toBe(1)
    expect(r.report.samples[0]).toMatchObject({ status: 'fail' })
    expect(r.report.samples[0].detail).toMatch(detail)
    expect(r.stdout + r.summary).not.toMatch(/socks-pw-1234|failed unexpectedly/)
  })

  it('says which proxy could not be reached', async () => {
    const r = await runAction({
      inputs: { ...once, 'health-urls': `http://only-via-proxy.test:${port()}/ok` },
      env: { HTTP_PROXY: 'http://user:hidden-pw-1234@127.0.0.1:9' }
    })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/connection refused \(through proxy http:\/\/127\.0\.0\.1:9\)/)
    expect(r.stdout + r.summary).not.toContain('hidden-pw-1234')
  })
})

describe('NO_PROXY', () => {
  const url = () => `http://direct.test:${port()}/ok`
  const run = (vars: Record<string, string>) =>
    runAction({ inputs: { ...once, 'health-urls': url() }, env: { HTTP_PROXY: proxy.url, ...fakeHosts('direct.test'), ...vars } })

  it.each([
    ['a host in NO_PROXY', () => ({ NO_PROXY: 'example.com, direct.test' })],
    ['a domain suffix in no_proxy', () => ({ no_proxy: '.test' })],
    ['a host and its port', () => ({ NO_PROXY: `direct.test:${port()}` })],
    ['*', () => ({ NO_PROXY: '*' })],
    ['no_proxy, read before NO_PROXY', () => ({ no_proxy: 'direct.test', NO_PROXY: 'elsewhere.example' })]
  ])('%s sends the request direct, past the proxy', async (_, vars) => {
    const r = await run(vars())
    expect(r.code).toBe(0)
    expect(proxy.requests).toHaveLength(0)
    expect(target.hits.get('/ok')).toBe(1)
  })

  it.each([
    ['no NO_PROXY', () => ({})],
    ['another host', () => ({ NO_PROXY: 'example.com' })],
    ['another port', () => ({ NO_PROXY: 'direct.test:1' })],
    ['a no_proxy that does not match, over a NO_PROXY that would', () => ({ no_proxy: 'elsewhere.example', NO_PROXY: 'direct.test' })]
  ])('%s leaves the request to the proxy', async (_, vars) => {
    const r = await run(vars())
    expect(r.code).toBe(0)
    expect(proxy.requests).toHaveLength(1)
    expect(target.hits.get('/ok')).toBe(1)
  })
})

describe('NODE_EXTRA_CA_CERTS', () => {
  it('a self-signed target fails without its CA and passes with it', async () => {
    const tls = await startTlsTarget()
    try {
      const without = await runAction({ inputs: { ...once, 'health-urls': `${tls.url}/` } })
      expect(without.code).toBe(1)
      expect(without.report.samples[0]).toMatchObject({ status: 'fail' })
      expect(without.errors.join('\n')).toMatch(/TLS failure: self-signed certificate/)
      const withCa = await runAction({ inputs: { ...once, 'health-urls': `${tls.url}/` }, env: { NODE_EXTRA_CA_CERTS: tls.certPath } })
      expect(withCa.code).toBe(0)
      expect(withCa.report.samples[0]).toMatchObject({ status: 'pass' })
    } finally {
      await tls.close()
    }
  })
})
