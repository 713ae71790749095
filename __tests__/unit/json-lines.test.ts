import { prettyJsonPieces } from '../../src/values/json-lines.js'

const joined = (v: unknown): string => [...prettyJsonPieces(v)].join('')

describe('prettyJsonPieces: the bytes of JSON.stringify(value, null, 2), in pieces', () => {
  const cases: [string, unknown][] = [
    [
      'a report-like object',
      {
        schemaVersion: 1,
        window: { start: 'a', end: 'b' },
        changes: [
          { sha: 'x', pr: null, tags: ['a', 'b'] },
          { sha: 'y', nested: [[1, 2], []] }
        ],
        empty: [],
        none: {}
      }
    ],
    ['members JSON.stringify leaves out', { a: undefined, b: () => 1, c: 1, d: [undefined, () => 2, Symbol('s'), 3] }],
    ['text with quotes, escapes and emoji', { msg: ['line\nbreak "quoted" \\ 🚀', 'tab\tend'] }],
    ['a top-level array', [{ a: 1 }, [2, { b: [] }], 'x']],
    ['empty containers', {}],
    ['an empty array', []],
    ['scalars', 'plain'],
    ['null', null],
    ['an object with toJSON', { toJSON: () => ({ replaced: [1] }) }],
    ['a nested toJSON', { when: new Date(0), list: [new Date(1000)] }]
  ]
  it.each(cases)('%s', (_, value) => {
    expect(joined(value)).toBe(JSON.stringify(value, null, 2))
  })

  it('matches JSON.stringify on 300 random values', () => {
    let seed = 7
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    const value = (depth: number): unknown => {
      const k = rand(depth > 3 ? 4 : 7)
      if (k === 0) return null
      if (k === 1) return rand(1000) - 500
      if (k === 2) return ['', 'a"b', 'é\n', '🚀', 'x'.repeat(rand(5))][rand(5)]
      if (k === 3) return rand(2) === 0
      if (k === 4) return Array.from({ length: rand(4) }, () => value(depth + 1))
      if (k === 5) return undefined
      return Object.fromEntries(Array.from({ length: rand(4) }, (_, i) => [`k${i}`, value(depth + 1)]))
    }
    for (let i = 0; i < 300; i++) {
      const v = value(0)
      expect(joined(v)).toBe(JSON.stringify(v, null, 2) ?? '')
    }
  })

  it('gives a large array item by item, not as one string', () => {
    const pieces = [...prettyJsonPieces({ changes: Array.from({ length: 1000 }, (_, i) => ({ i })) })]
    expect(pieces.length).toBeGreaterThan(1000)
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(100)
  })
})
