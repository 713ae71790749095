import type { HttpCheck } from './spec.js'
import type { Measurement, ProviderFactory } from '../types.js'
import { HttpFailure, type HttpResponse } from '../../net/http-request.js'
import { judgeBounds } from '../bounds.js'
import { parseJsonPath, pickJsonPath, toNumber } from '../json-path.js'

/**
 * The service itself is what an http check measures, so anything short of the expected
 * answer (wrong status, timeout, refused, reset, TLS, a redirect to a non-http(s) or invalid
 * Location, an unsafe redirect) is a `fail`, never an `error`.
 */
export const httpProbe: ProviderFactory<HttpCheck> = (check, ctx) => {
  const jsonPath = check.json ? parseJsonPath(check.json.path) : undefined
  const regex = check.bodyRegex !== undefined ? new RegExp(check.bodyRegex) : undefined
  // A check that expects a 3xx judges the redirect itself, so it is not followed.
  const judgesRedirect = check.expectStatus.some((s) => s >= 300 && s < 400)
  return {
    check,
    async measure(signal) {
      let res: HttpResponse
      try {
        res = await ctx.request({
          url: check.url,
          method: check.method,
          headers: check.headers,
          body: check.body,
          timeoutMs: check.timeoutMs,
          signal,
          ...(judgesRedirect ? { maxRedirects: 0 } : {})
        })
      } catch (e) {
        if (e instanceof HttpFailure) return { status: 'fail', detail: e.message }
        throw e
      }
      return judgeResponse(check, res, jsonPath, regex)
    }
  }
}

/** Pure: what one response means for the check. */
export function judgeResponse(check: HttpCheck, res: HttpResponse, jsonPath?: (string | number)[], regex?: RegExp): Measurement {
  const latency = Math.round(res.latencyMs)
  const seen = `${res.status} in ${latency} ms`
  const statusOk = check.expectStatus.length ? check.expectStatus.includes(res.status) : res.status >= 200 && res.status < 300
  if (!statusOk) {
    const expected = check.expectStatus.length ? `one of ${compact(check.expectStatus)}` : '2xx'
    return { status: 'fail', value: latency, detail: `status ${res.status}, expected ${expected} (${latency} ms)` }
  }
  const needsBody = check.bodyContains !== undefined || regex !== undefined || jsonPath !== undefined
  if (needsBody && res.truncated) {
    return { status: 'fail', value: latency, detail: `${seen}: body larger than the ${res.body.length}-byte limit, assertions not checked` }
  }
  if (check.bodyContains !== undefined && !res.body.includes(check.bodyContains)) {
    return { status: 'fail', value: latency, detail: `${seen}: body does not contain ${JSON.stringify(check.bodyContains)}` }
  }
  if (regex && !regex.test(res.body)) {
    return { status: 'fail', value: latency, detail: `${seen}: body does not match /${check.bodyRegex}/` }
  }
  if (check.json && jsonPath) {
    const verdict = judgeJson(check.json, res.body, jsonPath)
    if (verdict) return { status: 'fail', value: latency, detail: `${seen}: ${verdict}` }
  }
  if (check.maxLatencyMs !== undefined && latency > check.maxLatencyMs) {
    return { status: 'fail', value: latency, detail: `${seen}: latency ${latency} ms > max ${check.maxLatencyMs} ms` }
  }
  return { status: 'pass', value: latency, detail: seen }
}

function judgeJson(spec: NonNullable<HttpCheck['json']>, body: string, path: (string | number)[]): string | undefined {
  let doc: unknown
  try {
    doc = JSON.parse(body)
  } catch {
    return 'body is not JSON'
  }
  const v = pickJsonPath(doc, path)
  if (v === undefined) return `${spec.path} not found`
  if ('equals' in spec && !deepEqual(v, spec.equals)) {
    return `${spec.path} is ${JSON.stringify(v)}, expected ${JSON.stringify(spec.equals)}`
  }
  if (spec.min !== undefined || spec.max !== undefined) {
    const n = toNumber(v)
    if (n === undefined) return `${spec.path} is ${JSON.stringify(v)}, not a number`
    const b = judgeBounds(n, spec)
    if (!b.ok) return `${spec.path}: ${b.text}`
  }
  return undefined
}

/** Structural equality of JSON values; object key order does not matter. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/** `200-299, 404` instead of a hundred numbers. */
function compact(codes: readonly number[]): string {
  const sorted = [...new Set(codes)].sort((a, b) => a - b)
  const parts: string[] = []
  for (let i = 0; i < sorted.length; i++) {
    let j = i
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : String(sorted[i]))
    i = j
  }
  return parts.join(', ')
}
