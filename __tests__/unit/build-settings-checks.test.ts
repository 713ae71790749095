// Checks from the inline inputs (health-urls, prometheus-url + error-rate-query) and the config file.
import { settingsFrom, thrownBy } from './settings-fixtures.js'

describe('health-urls', () => {
  it('become one GET http check per line, expecting 2xx within health-timeout', () => {
    const s = settingsFrom({ 'health-urls': 'https://shop.example.com/healthz\n\n  https://api.example.com/ready?deep=1  \n', 'health-timeout': '2s' })
    expect(s.verify.checks).toEqual([
      { type: 'http', name: 'health https://shop.example.com/healthz', timeoutMs: 2000, tags: [], url: 'https://shop.example.com/healthz', method: 'GET', headers: {}, expectStatus: [] },
      { type: 'http', name: 'health https://api.example.com/ready', timeoutMs: 2000, tags: [], url: 'https://api.example.com/ready?deep=1', method: 'GET', headers: {}, expectStatus: [] }
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
      { type: 'prometheus', name: 'error-rate', timeoutMs: 10_000, tags: [], url: 'http://prometheus.internal:9090/', query: PROM['error-rate-query'], headers: {}, max: 0.05 }
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
    const [c] = settingsFrom({}, {
      checks: [{ type: 'http', url: 'https://a.example.com/', method: 'POST', body: '{}', tags: ['security'], timeout: '1500ms',
        expect: { status: [200, '3xx'], 'body-contains': 'ok', 'body-regex': '^\\{', 'max-latency': '800ms', json: { path: '$.status', equals: 'up' } } }]
    }).verify.checks
    expect(c).toMatchObject({ type: 'http', name: 'POST https://a.example.com/', method: 'POST', body: '{}', tags: ['security'], timeoutMs: 1500,
      bodyContains: 'ok', bodyRegex: '^\\{', maxLatencyMs: 800, json: { path: '$.status', equals: 'up' } })
    expect(c.type === 'http' && c.expectStatus).toEqual([200, ...Array.from({ length: 100 }, (_, i) => 300 + i)])
  })

  it('rejects two checks with the same name, pointing at the second', () => {
    const config = { checks: [
      { type: 'http', name: 'api', url: 'https://a.example.com/' },
      { type: 'http', name: 'api', url: 'https://b.example.com/' }
    ] }
    expect(thrownBy(() => settingsFrom({}, config))).toEqual({
      name: 'UserError',
      message: 'config .github/deploy-guard.yml: checks[1].name: got "api"; expected a name no other check has'
    })
  })

  it.each([
    [{ type: 'json', url: 'https://m/', path: '$.a', min: 5, max: 1 }, 'checks[0].min: got 5; expected a value not above max (1)'],
    [{ type: 'http', url: 'https://m/', expect: { 'body-regex': '([' } }, 'checks[0].expect.body-regex: got "(["; expected a valid JavaScript regular expression'],
    [{ type: 'json', url: 'https://m/', path: '$.a..b', max: 1 }, 'checks[0].path: got "$.a..b"; expected a JSON path such as $.data[0].value or $[\'key\']'],
    [{ type: 'http', url: 'https://m/', timeout: '10 s' }, 'checks[0].timeout: got "10 s"; expected a duration such as 500ms, 30s, 2m or 1h30m'],
    [{ type: 'prometheus', query: 'up', max: 1 }, 'checks[0].url: got nothing; expected a Prometheus base URL here or in the prometheus-url input'],
    [{ type: 'prometheus', url: 'http://p/', query: 'up', max: 1, baseline: { offset: '0', 'max-increase': 0.5 } }, 'checks[0].baseline.offset: got "0"; expected a duration above 0s, e.g. 1h'],
    [{ type: 'graphite', url: 'https://m/' }, 'checks[0].type: got "graphite"; expected one of http, prometheus, json, datadog']
  ])('%j: %s', (check, message) => {
    expect(thrownBy(() => settingsFrom({}, { checks: [check] }))).toEqual({ name: 'UserError', message: `config .github/deploy-guard.yml: ${message}` })
  })
})
