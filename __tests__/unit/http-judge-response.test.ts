import { judgeResponse } from '../../src/checks/http/http-probe.js'
import { parseJsonPath } from '../../src/checks/json-path.js'
import type { HttpResponse } from '../../src/net/http-request.js'
import type { HttpCheck } from '../../src/checks/http/spec.js'

const check = (o: Partial<HttpCheck> = {}): HttpCheck => ({
  type: 'http',
  name: 'api',
  timeoutMs: 10_000,
  tags: [],
  url: 'https://api.example.com/health',
  method: 'GET',
  headers: {},
  expectStatus: [],
  ...o
})
const response = (o: Partial<HttpResponse> = {}): HttpResponse => {
  const body = o.body ?? '{"status":"up","db":{"lag":3},"nodes":[1,2,7]}'
  return { status: 200, headers: {}, truncated: false, latencyMs: 41.6, url: 'https://api.example.com/health', ...o, body, bytes: Buffer.from(body) }
}
/** judgeResponse as the probe calls it: path and regex compiled from the check. */
const judge = (c: HttpCheck, r: HttpResponse) =>
  judgeResponse(c, r, c.json ? parseJsonPath(c.json.path) : undefined, c.bodyRegex !== undefined ? new RegExp(c.bodyRegex) : undefined)

describe('judgeResponse: status', () => {
  it.each([
    [200, [], 'pass'],
    [204, [], 'pass'],
    [299, [], 'pass'],
    [199, [], 'fail'],
    [301, [], 'fail'],
    [404, [], 'fail'],
    [503, [], 'fail'],
    [404, [200, 404], 'pass'],
    [200, [404], 'fail'],
    [302, Array.from({ length: 100 }, (_, i) => 300 + i), 'pass']
  ])('%d with expected %j is %s', (status, expectStatus, verdict) => {
    expect(judge(check({ expectStatus }), response({ status })).status).toBe(verdict)
  })

  it('says what was expected, with ranges compacted, and keeps the latency as the value', () => {
    expect(judge(check(), response({ status: 503 }))).toEqual({ status: 'fail', value: 42, detail: 'status 503, expected 2xx (42 ms)' })
    const classes = [...Array.from({ length: 100 }, (_, i) => 200 + i), 404, 302]
    expect(judge(check({ expectStatus: classes }), response({ status: 500 })).detail).toBe('status 500, expected one of 200-299, 302, 404 (42 ms)')
  })

  it('a pass reports status and latency', () => {
    expect(judge(check(), response())).toEqual({ status: 'pass', value: 42, detail: '200 in 42 ms' })
  })
})

describe('judgeResponse: body and latency', () => {
  it.each<[string, Partial<HttpCheck>, string | undefined]>([
    ['body-contains found', { bodyContains: '"up"' }, undefined],
    ['body-contains missing', { bodyContains: 'healthy' }, '200 in 42 ms: body does not contain "healthy"'],
    ['body-regex matching', { bodyRegex: '"lag":\\d+' }, undefined],
    ['body-regex not matching', { bodyRegex: '^ok$' }, '200 in 42 ms: body does not match /^ok$/'],
    ['json equals a string', { json: { path: '$.status', equals: 'up' } }, undefined],
    ['json equals differs', { json: { path: '$.status', equals: 'down' } }, '200 in 42 ms: $.status is "up", expected "down"'],
    ['json equals an array', { json: { path: '$.nodes', equals: [1, 2, 7] } }, undefined],
    ['json max within', { json: { path: '$.db.lag', max: 5 } }, undefined],
    ['json max exceeded', { json: { path: '$.nodes[-1]', max: 5 } }, '200 in 42 ms: $.nodes[-1]: 7 > max 5'],
    ['json min not reached', { json: { path: '$.db.lag', min: 10 } }, '200 in 42 ms: $.db.lag: 3 < min 10'],
    ['json path missing', { json: { path: '$.db.replicas', max: 5 } }, '200 in 42 ms: $.db.replicas not found'],
    ['json value not a number', { json: { path: '$.status', max: 5 } }, '200 in 42 ms: $.status is "up", not a number'],
    ['max-latency kept', { maxLatencyMs: 42 }, undefined],
    ['max-latency exceeded', { maxLatencyMs: 40 }, '200 in 42 ms: latency 42 ms > max 40 ms']
  ])('%s', (_, o, failure) => {
    const m = judge(check(o), response())
    expect(m).toEqual(failure === undefined ? { status: 'pass', value: 42, detail: '200 in 42 ms' } : { status: 'fail', value: 42, detail: failure })
  })

  it('a body that is not JSON fails a json assertion', () => {
    expect(judge(check({ json: { path: '$.status', equals: 'up' } }), response({ body: '<html>' })).detail).toBe('200 in 42 ms: body is not JSON')
  })

  it.each<[string, Partial<HttpCheck>]>([
    ['body-contains', { bodyContains: 'up' }],
    ['body-regex', { bodyRegex: 'up' }],
    ['json', { json: { path: '$.status', equals: 'up' } }]
  ])('a truncated body fails a %s assertion instead of judging half a body', (_, o) => {
    expect(judge(check(o), response({ truncated: true, body: 'x'.repeat(1024) }))).toEqual({
      status: 'fail',
      value: 42,
      detail: '200 in 42 ms: body larger than the 1024-byte limit, assertions not checked'
    })
  })

  it('a truncated body is fine when nothing reads it', () => {
    expect(judge(check(), response({ truncated: true })).status).toBe('pass')
  })

  it('the status is judged before the body', () => {
    expect(judge(check({ bodyContains: 'nope' }), response({ status: 500 })).detail).toBe('status 500, expected 2xx (42 ms)')
  })
})
