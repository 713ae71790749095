// Checks from the inline inputs (health-urls, prometheus-url + error-rate-query) and the config file.
import { settingsFrom, thrownBy } from './settings-fixtures.js'

describe('health-urls', () => {
  it('become one GET http check per line, expecting 2xx within health-timeout', () => {
    const s = settingsFrom({ 'health-urls': 'https://shop.example.com/healthz\n\n  https://api.example.com/ready?deep=1  \n', 'health-timeout': '2s' })
    expect(s.verify.checks).toEqual([
      {
        type: 'http',
        name: 'health https://shop.example.com/healthz',
        timeoutMs: 2000,
        tags: [],
        url: 'https://shop.example.com/healthz',
        method: 'GET',
        headers: {},
        expectStatus: []
      },
      {
        type: 'http',
        name: 'health https://api.example.com/ready',
        timeoutMs: 2000,
        tags: [],
        url: 'https://api.example.com/ready?deep=1',
        method: 'GET',
        headers: {},
        expectStatus: []
      }
    ])
  })

  it('keep credentials out of the check name and treat the password as a secret', () => {
    const s = settingsFrom({ 'health-urls': 'https://probe:s3cret%21pw@shop.example.com/healthz' })
    expect(s.verify.checks[0].name).toBe('health https://shop.example.com/healthz')
    expect(s.secrets).toContain('s3cret!pw')
  })

  it('reject a URL that is not absolute http(s)', () => {
    expect(thrownBy(() => settingsFrom({ 'health-urls': 'shop.example.com/healthz' })).message).toBe(
      'input health-urls: got "shop.example.com/healthz"; expected an absolute http:// or https:// URL'
    )
  })

  it('verify mode needs at least one check', () => {
    expect(thrownBy(() => settingsFrom({})).message).toMatch(/^input health-urls: got ""; expected at least one check/)
    expect(settingsFrom({ 'deploy-result': 'failure' }).verify.checks).toEqual([])
  })
})

describe('prometheus-url with error-rate-query', () => {
  const PROM = { 'prometheus-url': 'http://prometheus.internal:9090', 'error-rate-query': 'sum(rate(errors[5m])) / sum(rate(requests[5m]))' }

  it('become one prometheus check named error-rate with max error-rate-threshold (default 0.05)', () => {
    expect(settingsFrom(PROM).verify.checks).toEqual([
      {
        type: 'prometheus',
        name: 'error-rate',
        timeoutMs: 10_000,
        tags: [],
        url: 'http://prometheus.internal:9090/',
        query: PROM['error-rate-query'],
        headers: {},
        max: 0.05
      }
    ])
    expect(settingsFrom({ ...PROM, 'error-rate-threshold': '0.2' }).verify.checks[0]).toMatchObject({ max: 0.2 })
  })

  it.each([
    [{ 'prometheus-url': PROM['prometheus-url'] }, 'input error-rate-query: got ""; expected a PromQL query returning one number when prometheus-url is set'],
    [{ 'error-rate-query': PROM['error-rate-query'] }, 'input prometheus-url: got ""; expected a Prometheus base URL when error-rate-query is set'],
    [{ ...PROM, 'prometheus-url': 'prometheus:9090' }, 'input prometheus-url: got "prometheus:9090"; expected an absolute http:// or https:// URL']
  ])('%j is a UserError naming the input', (inputs, message) => {
    expect(thrownBy(() => settingsFrom(inputs))).toEqual({ name: 'UserError', message })
  })

  it.each(['1.5', '-0.01', 'five percent'])('error-rate-threshold %j is outside 0..1', (threshold) => {
    expect(thrownBy(() => settingsFrom({ ...PROM, 'error-rate-threshold': threshold })).message).toBe(
      `input error-rate-threshold: got ${JSON.stringify(threshold)}; expected a number from 0 to 1`
    )
  })

  it('a bad error-rate-threshold is reported even before error-rate-query is set', () => {
    expect(thrownBy(() => settingsFrom({ 'health-urls': 'https://a.example.com/', 'error-rate-threshold': '5%' })).message).toBe(
      'input error-rate-threshold: got "5%"; expected a number from 0 to 1'
    )
  })

  it.each(['0', '1'])('error-rate-threshold %s is allowed', (threshold) => {
    expect(settingsFrom({ ...PROM, 'error-rate-threshold': threshold }).verify.checks[0]).toMatchObject({ max: Number(threshold) })
  })
})

describe('checks from the config file', () => {
  it('come first, then health-urls, then error-rate', () => {
    const s = settingsFrom(
      { 'health-urls': 'https://a.example.com/', 'prometheus-url': 'http://prom:9090', 'error-rate-query': 'up' },
      { checks: [{ type: 'json', name: 'queue depth', url: 'https://metrics.example.com/q', path: '$.depth', max: 100 }] }
    )
    expect(s.verify.checks.map((c) => [c.type, c.name])).toEqual([
      ['json', 'queue depth'],
      ['http', 'health https://a.example.com/'],
      ['prometheus', 'error-rate']
    ])
  })

  it('a prometheus check without url uses the prometheus-url input', () => {
    const s = settingsFrom(
      { 'prometheus-url': 'http://prom:9090', 'error-rate-query': 'up' },
      { checks: [{ type: 'prometheus', name: 'p99', query: 'histogram_quantile(0.99, x)', max: 0.5 }] }
    )
    expect(s.verify.checks[0]).toMatchObject({ url: 'http://prom:9090/', max: 0.5 })
  })

  it('maps the http expectations', () => {
    const [c] = settingsFrom(
      {},
      {
        checks: [
          {
            type: 'http',
            url: 'https://a.example.com/',
            method: 'POST',
            body: '{}',
            tags: ['security'],
            timeout: '1500ms',
            expect: { status: [200, '3xx'], 'body-contains': 'ok', 'body-regex': '^\\{', 'max-latency': '800ms', json: { path: '$.status', equals: 'up' } }
          }
        ]
      }
    ).verify.checks
    expect(c).toMatchObject({
      type: 'http',
      name: 'POST https://a.example.com/',
      method: 'POST',
      body: '{}',
      tags: ['security'],
      timeoutMs: 1500,
      bodyContains: 'ok',
      bodyRegex: '^\\{',
      maxLatencyMs: 800,
      json: { path: '$.status', equals: 'up' }
    })
    expect(c.type === 'http' && c.expectStatus).toEqual([200, ...Array.from({ length: 100 }, (_, i) => 300 + i)])
  })

  it('rejects two checks with the same name, pointing at the second', () => {
    const config = {
      checks: [
        { type: 'http', name: 'api', url: 'https://a.example.com/' },
        { type: 'http', name: 'api', url: 'https://b.example.com/' }
      ]
    }
    expect(thrownBy(() => settingsFrom({}, config))).toEqual({
      name: 'UserError',
      message: 'config .github/deploy-guard.yml: checks[1].name: got "api"; expected a name no other check has'
    })
  })

  it.each([
    [{ type: 'json', url: 'https://m/', path: '$.a', min: 5, max: 1 }, 'checks[0].min: got 5; expected a value not above max (1)'],
    [
      { type: 'http', url: 'https://m/', expect: { 'body-regex': '([' } },
      'checks[0].expect.body-regex: got "(["; expected a valid JavaScript regular expression'
    ],
    [{ type: 'json', url: 'https://m/', path: '$.a..b', max: 1 }, 'checks[0].path: got "$.a..b"; expected a JSON path such as $.data[0].value or $[\'key\']'],
    [{ type: 'http', url: 'https://m/', timeout: '10 s' }, 'checks[0].timeout: got "10 s"; expected a duration such as 500ms, 30s, 2m or 1h30m'],
    [{ type: 'prometheus', query: 'up', max: 1 }, 'checks[0].url: got nothing; expected a Prometheus base URL here or in the prometheus-url input'],
    [
      { type: 'prometheus', url: 'http://p/', query: 'up', max: 1, baseline: { offset: '0', 'max-increase': 0.5 } },
      'checks[0].baseline.offset: got "0"; expected a duration above 0s, e.g. 1h'
    ],
    [{ type: 'graphite', url: 'https://m/' }, 'checks[0].type: got "graphite"; expected one of http, prometheus, json, datadog']
  ])('%j: %s', (check, message) => {
    expect(thrownBy(() => settingsFrom({}, { checks: [check] }))).toEqual({ name: 'UserError', message: `config .github/deploy-guard.yml: ${message}` })
  })
})

describe('names the action makes up are distinct', () => {
  const names = (s: { verify: { checks: readonly { name: string }[] } }) => s.verify.checks.map((c) => c.name)

  it('URLs that differ only in their query are both checked, the query in their names', () => {
    const s = settingsFrom({ 'health-urls': 'https://a.example.com/ok?region=eu\nhttps://a.example.com/ok?region=us\nhttps://b.example.com/ok?x=1' })
    expect(names(s)).toEqual(['health https://a.example.com/ok?region=eu', 'health https://a.example.com/ok?region=us', 'health https://b.example.com/ok'])
    expect(s.verify.checks.map((c) => c.type === 'http' && c.url)).toEqual([
      'https://a.example.com/ok?region=eu',
      'https://a.example.com/ok?region=us',
      'https://b.example.com/ok?x=1'
    ])
  })

  it('leave credential parameters out of the name, numbering what they alone tell apart', () => {
    const s = settingsFrom({ 'health-urls': 'https://a/ok?region=eu&token=t0ps3cret1\nhttps://a/ok?region=eu&token=t0ps3cret2\nhttps://a/ok?sig=abc' })
    expect(names(s)).toEqual(['health https://a/ok?region=eu', 'health https://a/ok?region=eu #2', 'health https://a/ok'])
    expect(names(s).join(' ')).not.toMatch(/t0ps3cret|abc/)
  })

  it('config checks without a name get the same treatment; a name the user chose is kept', () => {
    const s = settingsFrom(
      { 'health-urls': 'https://a/ok?r=1' },
      {
        checks: [
          { type: 'http', url: 'https://a/ok?r=2' },
          { type: 'http', url: 'https://a/ok?r=3' },
          { type: 'json', url: 'https://m/q?s=a', path: '$.v', max: 1 },
          { type: 'json', url: 'https://m/q?s=b', path: '$.v', max: 1 },
          { type: 'prometheus', url: 'http://p1:9090', query: 'up', min: 1 },
          { type: 'prometheus', url: 'http://p2:9090', query: 'up', min: 1 },
          { type: 'http', name: 'GET https://x/', url: 'https://x/?a=1' }
        ]
      }
    )
    expect(names(s)).toEqual([
      'GET https://a/ok?r=2',
      'GET https://a/ok?r=3',
      'json: https://m/q?s=a $.v',
      'json: https://m/q?s=b $.v',
      'prometheus: up',
      'prometheus: up #2',
      'GET https://x/',
      'health https://a/ok'
    ])
  })

  it('a made-up name that clashes with a chosen one gives way', () => {
    const s = settingsFrom({ 'health-urls': 'https://a/' }, { checks: [{ type: 'json', name: 'health https://a/', url: 'https://m/', path: '$.v', max: 1 }] })
    expect(names(s)).toEqual(['health https://a/', 'health https://a/ #2'])
  })

  it('the same URL twice is still a mistake to report', () => {
    expect(thrownBy(() => settingsFrom({ 'health-urls': 'https://a/ok?region=eu\nhttps://a/ok?region=eu' })).message).toBe(
      'input health-urls: got "health https://a/ok?region=eu"; expected a name no other check has'
    )
  })
})

describe('health-urls hold one URL per line', () => {
  it.each(['https://a/healthz, https://b/', 'https://a/healthz,https://b/', 'https://a/healthz https://b/'])('%j is refused', (line) => {
    expect(thrownBy(() => settingsFrom({ 'health-urls': line }))).toEqual({
      name: 'UserError',
      message: `input health-urls: got ${JSON.stringify(line)}; expected one URL per line (newline-separated, no commas or spaces between URLs)`
    })
  })
})

describe('headers HTTP would refuse are refused before any request', () => {
  it.each([
    [{ 'X Key': 'v' }, 'checks[0].headers.X Key: got "X Key"; expected a header name HTTP accepts'],
    [{ 'X-Key:': 'v' }, 'checks[0].headers.X-Key:: got "X-Key:"; expected a header name HTTP accepts'],
    [{ '': 'v' }, 'checks[0].headers.: got ""; expected a header name HTTP accepts'],
    [
      { 'X-Key': 'caf\u00e9 \u20ac' },
      'checks[0].headers.X-Key: got "(hidden)"; expected a header value HTTP accepts: Latin-1 text without line breaks or other control characters'
    ],
    [{ 'X-Key': 'a\u0000b' }, 'checks[0].headers.X-Key: got "(hidden)"; expected a header value HTTP accepts'],
    [{ 'X-Key': 'a\nb' }, 'checks[0].headers.X-Key: got "(hidden)"; expected a header value without line breaks']
  ])('%j', (headers, message) => {
    const { name, message: got } = thrownBy(() => settingsFrom({}, { checks: [{ type: 'http', url: 'https://a/', headers }] }))
    expect(name).toBe('UserError')
    expect(got.startsWith(`config .github/deploy-guard.yml: ${message}`)).toBe(true)
  })

  it('never quotes the value, interpolated or not', () => {
    const config = { checks: [{ type: 'prometheus', url: 'http://p/', query: 'up', max: 1, headers: { Authorization: 'Bearer ${TOKEN}' } }] }
    const { message } = thrownBy(() => settingsFrom({}, config, { TOKEN: 'sekr\u0113t-\u20ac-value' }))
    expect(message).toMatch(/^config \.github\/deploy-guard\.yml: checks\[0\]\.headers\.Authorization: got "\(hidden\)"/)
    expect(message).not.toContain('sekr')
  })

  it('Datadog keys travel as headers and are checked the same way', () => {
    const config = { checks: [{ type: 'datadog', query: 'avg:x{*}', 'api-key': '${DD_API_KEY}', 'app-key': 'app', max: 1 }] }
    const { message } = thrownBy(() => settingsFrom({}, config, { DD_API_KEY: 'key\u2028value' }))
    expect(message).toMatch(/^config \.github\/deploy-guard\.yml: checks\[0\]\.api-key: got "\(hidden\)"; expected a header value HTTP accepts/)
  })

  it('Latin-1 and ordinary values pass', () => {
    const s = settingsFrom(
      {},
      { checks: [{ type: 'http', url: 'https://a/', headers: { 'X-Env': 'production', 'X-Name': 'caf\u00e9', Accept: 'application/json' } }] }
    )
    expect(s.verify.checks[0]).toMatchObject({ headers: { 'X-Env': 'production', 'X-Name': 'caf\u00e9' } })
  })
})

describe('durations and look-backs in the config file are bounded', () => {
  it.each([
    [{ type: 'http', url: 'https://a/', timeout: '1000h' }, 'checks[0].timeout: got "1000h"; expected a duration of at most 24h'],
    [{ type: 'http', url: 'https://a/', expect: { 'max-latency': '25h' } }, 'checks[0].expect.max-latency: got "25h"; expected a duration of at most 24h'],
    [
      { type: 'prometheus', url: 'http://p/', query: 'up', max: 1, baseline: { offset: '1000h', 'max-increase': 0.5 } },
      'checks[0].baseline.offset: got "1000h"; expected a duration of at most 720h (30 days back)'
    ],
    [
      { type: 'datadog', query: 'q', 'api-key': 'k', 'app-key': 'a', max: 1, window: '800h' },
      'checks[0].window: got "800h"; expected a duration of at most 720h (30 days back)'
    ],
    [{ type: 'datadog', query: 'q', 'api-key': 'k', 'app-key': 'a', max: 1, window: '0s' }, 'checks[0].window: got "0s"; expected a duration above 0s, e.g. 5m']
  ])('%j', (check, message) => {
    expect(thrownBy(() => settingsFrom({}, { checks: [check] })).message).toMatch(
      new RegExp(`^config \\.github/deploy-guard\\.yml: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
    )
  })

  it('a week-old baseline is fine', () => {
    const s = settingsFrom({}, { checks: [{ type: 'prometheus', url: 'http://p/', query: 'up', max: 1, baseline: { offset: '168h', 'max-increase': 0.5 } }] })
    expect(s.verify.checks[0]).toMatchObject({ baseline: { offsetMs: 168 * 3_600_000 } })
  })
})
