// Redirects are followed here rather than by axios (follow-redirects), because what may travel
// with the next request depends on where it goes (PRODUCT.md section 8).
import { credentialHeaderNames, isCredentialHeader } from './credential-headers.js'
import { HttpFailure } from './http-failure.js'
import { urlText } from '../text/url-text.js'

/** One request of an exchange: what is sent to which URL. */
export interface Hop {
  readonly url: string
  readonly method: string
  readonly body?: string
  readonly headers: Readonly<Record<string, string>>
}

/**
 * Pure: the request that follows `res`, or undefined when `res` is the answer (not a redirect,
 * a 304, no Location, or `maxRedirects` 0: the caller judges the 3xx itself). Throws
 * HttpFailure for a Location that is not an http(s) URL, for one redirect more than
 * `maxRedirects`, and for https to http while the request carries credentials. Leaving the
 * origin drops every credential header and any user:password in the URL; 303, and 301/302
 * after a POST, continue as GET without a body, as browsers do.
 */
export function nextHop(hop: Hop, res: { status: number; location?: string }, followed: number, maxRedirects: number): Hop | undefined {
  const { status, location } = res
  if (status < 300 || status >= 400 || status === 304 || !location || maxRedirects === 0) return undefined
  let next: URL
  try {
    next = new URL(location, hop.url)
  } catch {
    throw new HttpFailure('bad-redirect', `redirect (${status}) to an invalid Location ${JSON.stringify(clip(location))}`)
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new HttpFailure('bad-redirect', `redirect (${status}) to ${clip(urlText(next.href))} refused: only http and https redirects are followed`)
  }
  if (followed >= maxRedirects) {
    throw new HttpFailure('redirects', `more than ${maxRedirects} redirects (last to ${urlText(next.href)})`)
  }
  const from = new URL(hop.url)
  let headers: Record<string, string> = { ...hop.headers }
  if (next.origin !== from.origin) {
    const carried = [...credentialHeaderNames(headers), ...(from.username || from.password ? ['credentials in the URL'] : [])]
    if (from.protocol === 'https:' && next.protocol === 'http:' && carried.length) {
      throw new HttpFailure(
        'unsafe-redirect',
        `redirect from https to http (${urlText(next.href)}) refused: the request carries credentials (${carried.join(', ')})`
      )
    }
    // The Host header names the origin left behind.
    headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !isCredentialHeader(name) && name.toLowerCase() !== 'host'))
    next.username = ''
    next.password = ''
  }
  let { method, body } = hop
  if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
    method = 'GET'
    body = undefined
    headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-(type|length)$/i.test(name)))
  }
  return { url: next.href, method, body, headers }
}

/** A Location as text for a message: servers may send anything, at any length. */
function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}
