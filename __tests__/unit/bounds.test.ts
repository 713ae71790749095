import { boundsText, fmt, judgeBounds } from '../../src/checks/bounds.js'

describe('judgeBounds', () => {
  it.each([
    [0.04, { max: 0.05 }, true, '0.04 within <= 0.05'],
    [0.05, { max: 0.05 }, true, '0.05 within <= 0.05'],
    [0.06, { max: 0.05 }, false, '0.06 > max 0.05'],
    [12, { min: 10 }, true, '12 within >= 10'],
    [9, { min: 10 }, false, '9 < min 10'],
    [15, { min: 10, max: 20 }, true, '15 within 10..20'],
    [25, { min: 10, max: 20 }, false, '25 > max 20'],
    [5, { min: 10, max: 20 }, false, '5 < min 10'],
    [-3, {}, true, '-3 within any']
  ])('%d against %j', (value, b, ok, text) => {
    expect(judgeBounds(value, b)).toEqual({ ok, text })
  })
})

describe('boundsText', () => {
  it.each([
    [{ max: 0.05 }, '<= 0.05'],
    [{ min: 10 }, '>= 10'],
    [{ min: 10, max: 20 }, '10..20'],
    [{ min: 0, max: 0 }, '0..0'],
    [{}, 'any']
  ])('%j is %s', (b, text) => {
    expect(boundsText(b)).toBe(text)
  })
})

describe('fmt', () => {
  it.each([
    [0, '0'],
    [42, '42'],
    [-7, '-7'],
    [1234.5678, '1234.6'],
    [100.25, '100.3'],
    [12.5, '12.5'],
    [1.2345, '1.234'],
    [0.05, '0.05'],
    [0.012345, '0.0123'],
    [0.1 + 0.2, '0.3'],
    [-0.5, '-0.5'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity']
  ])('%d is %s', (n, text) => {
    expect(fmt(n)).toBe(text)
  })
})
