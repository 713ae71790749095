import { formatDuration, parseBoolean, parseDuration, parseEnum, parseList, parseNumber, parseUrl } from '../../src/settings/parse.js'
import { UserError } from '../../src/settings/user-error.js'

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
