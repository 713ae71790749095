import {
  formatDuration,
  MAX_LOOKBACK_MS,
  parseBoolean,
  parseDuration,
  parseEnum,
  parseList,
  parseNumber,
  parsePlainText,
  parsePositiveDuration,
  parseUrl,
  parseUrlLines
} from '../../src/values/parse.js'
import { UserError } from '../../src/values/user-error.js'

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['1m30s', 90_000],
    ['0', 0],
    ['0s', 0],
    ['1.5s', 1500],
    ['  45s ', 45_000]
  ])('%j is %d ms', (raw, ms) => {
    expect(parseDuration('input duration', raw)).toBe(ms)
  })

  it.each(['5', '5x', '-1s', '', '1h 30m', 's', '1.s', '30 s', 'PT5M'])('rejects %j naming where, value and the expected form', (raw) => {
    expect(() => parseDuration('input interval', raw)).toThrow(UserError)
    expect(() => parseDuration('input interval', raw)).toThrow(
      `input interval: got ${JSON.stringify(raw)}; expected a duration such as 500ms, 30s, 2m or 1h30m`
    )
  })
})

describe('durations beyond what a job can wait', () => {
  // Node timers fire at once beyond 2^31-1 ms: 1000h would make every request time out in 1 ms.
  it.each(['24h1ms', '25h', '1000h', '596h31m23s648ms', '99999999999999999999h'])('%j is refused, naming the 24h bound', (raw) => {
    expect(() => parseDuration('input health-timeout', raw)).toThrow(
      `input health-timeout: got ${JSON.stringify(raw)}; expected a duration of at most 24h (the longest a job waits; GitHub-hosted runners stop a job after 6h)`
    )
    expect(() => parsePositiveDuration('input health-timeout', raw)).toThrow('expected a duration of at most 24h')
  })

  it.each([
    ['24h', 86_400_000],
    ['23h59m59s', 86_399_000],
    ['1440m', 86_400_000]
  ])('%j is the bound or under it', (raw, ms) => {
    expect(parseDuration('input duration', raw)).toBe(ms)
  })

  it('look-backs (baseline offset, Datadog window) may reach 30 days', () => {
    expect(parsePositiveDuration('x', '168h', '1h', MAX_LOOKBACK_MS)).toBe(168 * 3_600_000)
    expect(() => parsePositiveDuration('x', '721h', '1h', MAX_LOOKBACK_MS)).toThrow('x: got "721h"; expected a duration of at most 720h (30 days back)')
  })
})

describe('parseUrlLines', () => {
  it.each([
    ['https://a/healthz\nhttps://b/', ['https://a/healthz', 'https://b/']],
    ['  https://a/  \n\n', ['https://a/']],
    ['https://a/items?ids=1,2,3', ['https://a/items?ids=1,2,3']],
    ['https://a/login?next=https://b/', ['https://a/login?next=https://b/']],
    ['', []]
  ])('%j is %j', (raw, urls) => {
    expect(parseUrlLines('input health-urls', raw)).toEqual(urls)
  })

  it.each([
    ['https://a/healthz, https://b/', 'https://a/healthz, https://b/'],
    ['https://a/healthz,https://b/', 'https://a/healthz,https://b/'],
    ['https://a/healthz https://b/', 'https://a/healthz https://b/'],
    ['https://a/healthz\thttps://b/', 'https://a/healthz\thttps://b/'],
    ['https://ok/\nhttps://a/healthz,', 'https://a/healthz,']
  ])('%j is refused, quoting the line', (raw, line) => {
    expect(() => parseUrlLines('input health-urls', raw)).toThrow(
      `input health-urls: got ${JSON.stringify(line)}; expected one URL per line (newline-separated, no commas or spaces between URLs)`
    )
  })
})

describe('parsePlainText', () => {
  it.each(['v1.2.3', 'ffac537e6cbbf934b08745a378932722df287a53', 'release 7 (ünïcode)'])('accepts %j', (raw) => {
    expect(parsePlainText('input version', raw, 'a version')).toBe(raw)
  })

  it.each(['v1\nv2', 'v1\r', 'v1\u0000', 'v1\u001b[31m', 'v1\u007f', 'v1\u0085'])('refuses %j', (raw) => {
    expect(() => parsePlainText('input version', raw, 'a version')).toThrow(
      `input version: got ${JSON.stringify(raw)}; expected a version without line breaks or other control characters`
    )
  })
})

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [250, '250ms'],
    [1000, '1s'],
    [1500, '1s500ms'],
    [45_000, '45s'],
    [90_000, '1m30s'],
    [300_000, '5m'],
    [5_400_000, '1h30m'],
    [3_661_001, '1h1m1s1ms']
  ])('%d ms is %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text)
  })

  it.each([0, 1, 999, 1000, 1500, 59_999, 60_000, 90_000, 3_600_000, 5_400_000, 86_399_999])('parseDuration(formatDuration(%d)) round-trips', (ms) => {
    expect(parseDuration('x', formatDuration(ms))).toBe(ms)
  })
})

describe('parseNumber', () => {
  it.each([
    ['0.05', { min: 0, max: 1 }, 0.05],
    ['0', { min: 0, max: 1 }, 0],
    ['1', { min: 0, max: 1 }, 1],
    [' 3 ', { min: 0, integer: true }, 3],
    ['200', { min: 0, integer: true }, 200],
    ['-2.5', {}, -2.5],
    [7, { min: 0 }, 7]
  ])('%j with %j is %d', (raw, opts, n) => {
    expect(parseNumber('input x', raw, opts)).toBe(n)
  })

  it.each([
    ['1.5', { min: 0, max: 1 }, 'a number from 0 to 1'],
    ['-0.1', { min: 0, max: 1 }, 'a number from 0 to 1'],
    ['-1', { min: 0, integer: true }, 'a whole number of at least 0'],
    ['1.5', { min: 0, integer: true }, 'a whole number of at least 0'],
    ['', { min: 0 }, 'a number of at least 0'],
    ['   ', {}, 'a number'],
    ['ten', {}, 'a number'],
    ['Infinity', {}, 'a number'],
    ['NaN', {}, 'a number']
  ])('rejects %j with %j: expected %s', (raw, opts, expected) => {
    expect(() => parseNumber('input failure-limit', raw, opts)).toThrow(`input failure-limit: got ${JSON.stringify(raw)}; expected ${expected}`)
  })
})

describe('parseUrl', () => {
  it.each(['https://example.com/health', 'http://localhost:8080', 'https://user:pa%40ss@example.com/x?y=1', ' https://example.com '])('accepts %j', (raw) => {
    expect(parseUrl('input prometheus-url', raw).href).toBe(new URL(raw.trim()).href)
  })

  it.each(['ftp://example.com/file', 'file:///etc/passwd', '/health', 'example.com/health', '', 'javascript:alert(1)'])('rejects %j', (raw) => {
    expect(() => parseUrl('input prometheus-url', raw)).toThrow(
      `input prometheus-url: got ${JSON.stringify(raw)}; expected an absolute http:// or https:// URL`
    )
  })
})

describe('parseBoolean (YAML 1.2 core schema, as core.getBooleanInput)', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    [' true ', true]
  ])('%j is %s', (raw, value) => {
    expect(parseBoolean('input dry-run', raw)).toBe(value)
  })

  it.each(['yes', 'no', 'on', 'off', 'y', 'n', '1', '0', 'tRUE', ''])('rejects %j', (raw) => {
    expect(() => parseBoolean('input dry-run', raw)).toThrow(`input dry-run: got ${JSON.stringify(raw)}; expected true or false`)
  })
})

describe('parseEnum', () => {
  const kinds = ['auto', 'none', 'workflow'] as const

  it('returns the value, trimmed', () => {
    expect(parseEnum('input rollback', ' workflow ', kinds)).toBe('workflow')
  })

  it.each(['Workflow', 'webhooks', ''])('rejects %j listing every valid value', (raw) => {
    expect(() => parseEnum('input rollback', raw, kinds)).toThrow(`input rollback: got ${JSON.stringify(raw)}; expected one of auto, none, workflow`)
  })
})

describe('parseList', () => {
  it.each([
    ['incident', ['incident']],
    ['a, b,c', ['a', 'b', 'c']],
    ['a\nb\n\n c ', ['a', 'b', 'c']],
    [' , ,\n', []],
    ['', []]
  ])('%j is %j', (raw, list) => {
    expect(parseList(raw)).toEqual(list)
  })

  it('splits on the given separators only', () => {
    expect(parseList('https://a/?x=1,2\nhttps://b/', /\n/)).toEqual(['https://a/?x=1,2', 'https://b/'])
  })
})
