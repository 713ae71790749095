import { readResult } from '../../src/checks/prometheus/prometheus-probe.js'

const ok = (data: unknown, extra: object = {}) => ({ status: 'success', data, ...extra })
const vector = (...values: string[]) => ok({ resultType: 'vector', result: values.map((v, i) => ({ metric: { pod: `p${i}` }, value: [1736942400.123, v] })) })

describe('readResult', () => {
  it.each<[string, unknown, number]>([
    ['a vector of one series', vector('0.0125'), 0.0125],
    ['a vector of one zero', vector('0'), 0],
    ['a scalar', ok({ resultType: 'scalar', result: [1736942400.123, '42'] }), 42],
    ['a negative scalar', ok({ resultType: 'scalar', result: [1736942400.123, '-1.5e-3'] }), -0.0015]
  ])('%s gives its number', (_, doc, value) => {
    expect(readResult(doc, 200)).toEqual({ value, warnings: [] })
  })

  it('keeps the warnings Prometheus sent along', () => {
    expect(readResult(vector('1'), 200)).toEqual({ value: 1, warnings: [] })
    expect(readResult({ ...vector('1'), warnings: ['PromQL info: metric might not be a counter'] }, 200)).toEqual({
      value: 1,
      warnings: ['PromQL info: metric might not be a counter']
    })
  })

  it.each<[string, unknown, number, string]>([
    ['an empty vector', vector(), 200, 'the query returned an empty vector (no data)'],
    ['several series', vector('1', '2', '3'), 200, 'the query returned 3 series; aggregate it to one number, e.g. with sum()'],
    ['NaN', vector('NaN'), 200, 'the query returned NaN'],
    ['+Inf', vector('+Inf'), 200, 'the query returned +Inf'],
    ['-Inf as a scalar', ok({ resultType: 'scalar', result: [1, '-Inf'] }), 200, 'the query returned -Inf'],
    [
      'a matrix',
      ok({ resultType: 'matrix', result: [{ metric: {}, values: [[1, '1']] }] }),
      200,
      'unexpected result type matrix; the query must return one number (vector or scalar)'
    ],
    ['a string', ok({ resultType: 'string', result: [1, 'x'] }), 200, 'unexpected result type string; the query must return one number (vector or scalar)'],
    [
      'status error',
      { status: 'error', errorType: 'bad_data', error: 'parse error at char 5' },
      400,
      'Prometheus answered 400: bad_data: parse error at char 5'
    ],
    ['status error without details', { status: 'error' }, 503, 'Prometheus answered 503: error: no error message'],
    ['no status at all', {}, 200, 'Prometheus answered 200: error: no error message']
  ])('%s is an error sample, not a failure', (_, doc, httpStatus, detail) => {
    expect(readResult(doc, httpStatus)).toEqual({ failed: { status: 'error', detail } })
  })
})
