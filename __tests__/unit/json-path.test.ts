import { parseJsonPath, pickJsonPath, toNumber } from '../../src/checks/json-path.js'

describe('parseJsonPath', () => {
  it.each<[string, (string | number)[]]>([
    ['$', []],
    ['$.data', ['data']],
    ['$.data[0].value', ['data', 0, 'value']],
    ['$.series[-1]', ['series', -1]],
    ["$['key with spaces'].x", ['key with spaces', 'x']],
    ['$["dotted.key"]', ['dotted.key']],
    ['$.http-errors.$total', ['http-errors', '$total']],
    ['$[2][0]', [2, 0]]
  ])('%s is %j', (path, segments) => {
    expect(parseJsonPath(path)).toEqual(segments)
  })

  it.each([
    ['data.value', 'JSON path must start with $: data.value'],
    ['$..value', 'cannot read JSON path $..value'],
    ['$.data[', 'cannot read JSON path $.data['],
    ['$.data[x]', 'cannot read JSON path $.data[x]'],
    ['$ .a', 'cannot read JSON path $ .a'],
    ["$['open", "cannot read JSON path $['open"]
  ])('rejects %s', (path, message) => {
    expect(() => parseJsonPath(path)).toThrow(message)
  })
})

describe('pickJsonPath', () => {
  const doc = { data: [{ value: '0.5' }, { value: 7 }], meta: { 'p-99': 120, empty: null }, list: [] }

  it.each<[string, unknown]>([
    ['$', doc],
    ['$.data[0].value', '0.5'],
    ['$.data[-1].value', 7],
    ["$.meta['p-99']", 120],
    ['$.meta.empty', null],
    ['$.data[2]', undefined],
    ['$.data[-3]', undefined],
    ['$.list[0]', undefined],
    ['$.meta[0]', undefined],
    ['$.data.value', undefined],
    ['$.missing.deeper', undefined]
  ])('%s is %j', (path, value) => {
    expect(pickJsonPath(doc, parseJsonPath(path))).toEqual(value)
  })
})

describe('toNumber', () => {
  it.each<[unknown, number | undefined]>([
    [3, 3],
    [-0.25, -0.25],
    ['0.5', 0.5],
    [' 12 ', 12],
    ['1e3', 1000],
    ['', undefined],
    ['  ', undefined],
    ['up', undefined],
    ['NaN', undefined],
    ['Infinity', undefined],
    [Infinity, undefined],
    [null, undefined],
    [true, undefined],
    [[1], undefined],
    [{ value: 1 }, undefined]
  ])('%j is %j', (v, n) => {
    expect(toNumber(v)).toBe(n)
  })
})
