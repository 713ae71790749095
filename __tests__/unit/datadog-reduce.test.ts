import { reduce } from '../../src/checks/datadog/datadog-probe.js'

const series = (...values: (number | null)[]) => [{ pointlist: values.map((v, i): [number, number | null] => [1736942400000 + i * 60_000, v]) }]

describe('reduce', () => {
  it.each([
    ['last', 4],
    ['avg', 2.5],
    ['max', 4],
    ['min', 1],
    ['sum', 10]
  ] as const)('%s of 2, 1, 3, 4 is %d', (aggregation, value) => {
    expect(reduce(series(2, 1, 3, 4), aggregation)).toBe(value)
  })

  it('skips null points', () => {
    expect(reduce(series(2, null, 4, null), 'avg')).toBe(3)
    expect(reduce(series(2, null, 4, null), 'last')).toBe(4)
  })

  it.each([
    ['no series', []],
    ['a series without pointlist', [{}]],
    ['an empty pointlist', series()],
    ['only null points', series(null, null)]
  ])('%s gives no value', (_, s) => {
    expect(reduce(s, 'avg')).toBeUndefined()
  })
})
