// Behaviour fixed after review: each case failed before its fix.
import { settingsFrom, thrownBy } from './settings-fixtures.js'
import { parseConfig } from '../../src/settings/config-file.js'
import { parseDuration, parseNumber } from '../../src/values/parse.js'
import { fmt } from '../../src/checks/bounds.js'
import { parseJsonPath, pickJsonPath } from '../../src/checks/json-path.js'
import { deepEqual } from '../../src/checks/http/http-probe.js'
import { limitConcurrency } from '../../src/engine/limit-concurrency.js'
import { redact } from '../../src/text/redact.js'

describe('settings errors name the right source and never a secret', () => {
  it('shows a URL as written, not with its ${VAR} filled in', () => {
    const config = { checks: [{ type: 'json', url: 'https://u:${PASS}@host:99999/', path: '$.v', max: 1 }] }
    const { message } = thrownBy(() => settingsFrom({}, config, { PASS: 'hunter2secret' }))
    expect(message).toContain('checks[0].url: got "https://u:${PASS}@host:99999/"')
    expect(message).not.toContain('hunter2secret')
  })

  it('names the config path of a zero timeout', () => {
    expect(thrownBy(() => settingsFrom({ 'health-urls': 'https://a/' }, { verify: { timeout: '0' } })).message).toBe(
      'config .github/deploy-guard.yml: verify.timeout: got "0"; expected a duration above 0s'
    )
  })

  it('blames a duplicate health URL on the input, not on the config file', () => {
    expect(thrownBy(() => settingsFrom({ 'health-urls': 'https://a/\nhttps://a/' })).message).toMatch(
      /^input health-urls: got "health https:\/\/a\/"; expected a name no other check has/
    )
  })

  it('lets config prometheus checks default to prometheus-url without an inline query', () => {
    const s = settingsFrom({ 'prometheus-url': 'http://prom:9090' }, { checks: [{ type: 'prometheus', query: 'up', min: 1 }] })
    expect(s.verify.checks).toEqual([expect.objectContaining({ type: 'prometheus', url: 'http://prom:9090/', query: 'up' })])
  })

  it('rejects a per-check timeout of 0', () => {
    const config = { checks: [{ type: 'http', url: 'https://a/', timeout: '0s' }] }
    expect(thrownBy(() => settingsFrom({}, config)).message).toMatch(/checks\[0\]\.timeout: got "0s"; expected a duration above 0s/)
  })
})

describe('config file wording', () => {
  it.each([
    ['verify:\n  failure-limit: many\n', 'verify.failure-limit: got "many"; expected an integer'],
    ['verify:\n  concurrency: 0\n', 'verify.concurrency: got 0; expected a number >= 1'],
    ['verify:\n  duration: 5\n', 'verify.duration: got 5; expected a duration such as 500ms, 30s, 2m or 1h30m']
  ])('%p', async (yaml, message) => {
    await expect(parseConfig('.github/deploy-guard.yml', yaml)).rejects.toThrow(`config .github/deploy-guard.yml: ${message}`)
  })

  it('accepts duration: 0 as a number', async () => {
    await expect(parseConfig('c.yml', 'verify:\n  duration: 0\n')).resolves.toEqual({ verify: { duration: 0 } })
  })
})

describe('parsers are strict', () => {
  it.each(['0x10', '1e3', 'Infinity', ' '])('parseNumber rejects %p', (raw) => {
    expect(() => parseNumber('input n', raw)).toThrow('input n: got')
  })
  it.each(['1s1s', '30s1h', '5m1h'])('parseDuration rejects units out of order or repeated: %p', (raw) => {
    expect(() => parseDuration('input d', raw)).toThrow('expected a duration')
  })
  it('parseNumber with only a max names it', () => {
    expect(() => parseNumber('input n', '9', { max: 5 })).toThrow('expected a number of at most 5')
  })
})

describe('formatting and JSON paths', () => {
  it.each([
    [2.0001, '2'],
    [1.5, '1.5'],
    [7.000000000000001, '7']
  ])('fmt(%p) = %p', (n, text) => expect(fmt(n)).toBe(text))

  it('reports where a JSON path stops making sense', () => {
    expect(() => parseJsonPath('$.data[x]')).toThrow('at character 7')
  })

  it('does not find inherited properties', () => {
    expect(pickJsonPath({}, parseJsonPath('$.constructor'))).toBeUndefined()
  })

  it('compares JSON values regardless of key order', () => {
    expect(deepEqual({ y: 2, x: 1 }, { x: 1, y: 2 })).toBe(true)
    expect(deepEqual([1, 2], [2, 1])).toBe(false)
    expect(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true)
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false)
  })
})

describe('limitConcurrency', () => {
  it('hands a released slot to the waiter, so a newcomer cannot exceed the limit', async () => {
    const limit = limitConcurrency(1)
    let running = 0
    let peak = 0
    const task = async () => {
      running++
      peak = Math.max(peak, running)
      await new Promise((r) => setImmediate(r))
      running--
    }
    const first = limit(task)
    const second = limit(task)
    await first
    // arrives between the release and the waiter resuming
    const third = limit(task)
    await Promise.all([second, third])
    expect(peak).toBe(1)
  })
})

describe('redaction leaves prose alone', () => {
  it.each(['Basic authentication failed; the token verification failed', 'Bearer tokens are described in RFC 6750'])('%p', (text) => {
    expect(redact(text, [])).toBe(text)
  })
  it('still removes a credential with digits', () => {
    expect(redact('Authorization: Bearer abcdef123456', [])).toBe('Authorization: Bearer ***')
  })
})

describe('datadog', () => {
  it('is an error, not a silent pick, when the query returns several series', async () => {
    const { datadogProbe } = await import('../../src/checks/datadog/datadog-probe.js')
    const body = JSON.stringify({ status: 'ok', series: [{ pointlist: [[1, 0.1]] }, { pointlist: [[1, 0.9]] }] })
    const probe = datadogProbe(
      {
        type: 'datadog',
        name: 'dd',
        timeoutMs: 1000,
        tags: [],
        apiUrl: 'https://dd.example',
        query: 'avg:x{*} by {host}',
        apiKey: 'k',
        appKey: 'a',
        windowMs: 60_000,
        aggregation: 'avg',
        max: 1
      },
      {
        request: async () => ({ status: 200, headers: {}, body, bytes: Buffer.from(body), truncated: false, latencyMs: 1, url: '' }),
        now: () => 0,
        startedAt: 0
      }
    )
    await expect(probe.measure(new AbortController().signal)).resolves.toMatchObject({ status: 'error', detail: expect.stringMatching(/returned 2 series/) })
  })
})
