import { HttpFailure, type HttpResponse } from '../net/http-request.js'
import type { Measurement } from './types.js'

/**
 * For metric backends, not being able to answer is an `error` (no evidence either way):
 * transport failures, 5xx, auth errors, bodies cut at the size limit.
 */
export async function fetchMetric(send: () => Promise<HttpResponse>, backend: string): Promise<{ res: HttpResponse } | { failed: Measurement }> {
  let res: HttpResponse
  try {
    res = await send()
  } catch (e) {
    if (e instanceof HttpFailure) return { failed: { status: 'error', detail: `${backend} unreachable: ${e.message}` } }
    throw e
  }
  if (res.truncated) return { failed: { status: 'error', detail: `${backend} answer larger than the ${res.body.length}-byte limit` } }
  if (res.status === 401 || res.status === 403) {
    return { failed: { status: 'error', detail: `${backend} refused the credentials (${res.status}); check the check's headers or keys` } }
  }
  return { res }
}

/** Parses a JSON body or says why not. */
export function parseJsonBody(res: HttpResponse, backend: string): { doc: unknown } | { failed: Measurement } {
  try {
    return { doc: JSON.parse(res.body) }
  } catch {
    return { failed: { status: 'error', detail: `${backend} answered ${res.status} with a body that is not JSON` } }
  }
}
