import http from 'node:http'
import https from 'node:https'
import { urlText } from '../text/url-text.js'

/** One bounded HTTP exchange: total time, body size and redirects all have limits. */
export interface HttpRequest {
  readonly url: string
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  readonly timeoutMs: number
  readonly maxBodyBytes: number
  readonly maxRedirects: number
  readonly signal?: AbortSignal
}

export interface HttpResponse {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly body: string
  /** The same body as bytes, for binary answers. */
  readonly bytes: Buffer
  /** The body was longer than maxBodyBytes; `body` holds its first maxBodyBytes. */
  readonly truncated: boolean
  readonly latencyMs: number
  readonly url: string
}

export type HttpFailureKind = 'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'redirects' | 'aborted' | 'network'

/** Why no response could be had; providers decide whether that is a `fail` or an `error`. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string
  ) {
    super(message)
    this.name = 'HttpFailure'
  }
}

// Keep-alive agents reuse connections between rounds; closeAgents() lets the process exit.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity })
}

export function closeAgents(): void {
  agents['http:'].destroy()
  agents['https:'].destroy()
}

/** Sends a request, following redirects, and reads at most maxBodyBytes of the body. */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  const started = performance.now()
  const deadline = started + req.timeoutMs
  let url = req.url
  let method = req.method ?? 'GET'
  let body = req.body
  for (let hop = 0; ; hop++) {
    const res = await once({ ...req, url, method, body }, deadline, started)
    const location = res.headers.location
    if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
      if (hop >= req.maxRedirects) {
        throw new HttpFailure('redirects', `more than ${req.maxRedirects} redirects (last to ${urlText(new URL(location, url).toString())})`)
      }
      url = new URL(location, url).toString()
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET'
        body = undefined
      }
      continue
    }
    return res
  }
}

function once(req: HttpRequest, deadline: number, started: number): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(req.url)
    const lib = target.protocol === 'https:' ? https : http
    const remaining = Math.max(1, deadline - performance.now())
    let settled = false
    const finish = (err: HttpFailure | null, res?: HttpResponse): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      req.signal?.removeEventListener('abort', onAbort)
      if (err) {
        request.destroy()
        reject(err)
      } else resolve(res as HttpResponse)
    }
    const onAbort = (): void => finish(new HttpFailure('aborted', 'aborted'))
    const headers: Record<string, string> = { 'user-agent': 'deploy-guard', accept: '*/*', ...req.headers }
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body))
    const request = lib.request(target, { method: req.method, headers, agent: agents[target.protocol as 'http:'] }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      let truncated = false
      res.on('data', (chunk: Buffer) => {
        if (truncated) return
        const room = req.maxBodyBytes - size
        if (chunk.length > room) {
          chunks.push(chunk.subarray(0, room))
          size += room
          truncated = true
          // Stop reading a huge body at once rather than download it to throw it away.
          res.destroy()
          done()
          return
        }
        chunks.push(chunk)
        size += chunk.length
      })
      const done = (): void => {
        const bytes = Buffer.concat(chunks)
        finish(null, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: bytes.toString('utf8'),
          bytes,
          truncated,
          latencyMs: performance.now() - started,
          url: req.url
        })
      }
      res.on('end', done)
      res.on('error', (e) => finish(classify(e)))
      res.on('close', () => {
        if (!res.complete) finish(new HttpFailure('reset', 'connection closed before the body ended'))
      })
    })
    const timer = setTimeout(() => finish(new HttpFailure('timeout', `no complete answer within ${Math.round(deadline - started)} ms`)), remaining)
    request.on('error', (e) => finish(classify(e)))
    if (req.signal?.aborted) return onAbort()
    req.signal?.addEventListener('abort', onAbort, { once: true })
    request.end(req.body)
  })
}

function classify(e: NodeJS.ErrnoException): HttpFailure {
  const code = e.code ?? ''
  if (code === 'ECONNREFUSED') return new HttpFailure('refused', 'connection refused')
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') return new HttpFailure('reset', 'connection reset')
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HttpFailure('dns', `DNS lookup failed (${code})`)
  if (/CERT|SSL|TLS|ERR_TLS/i.test(code) || /certificate|SSL/i.test(e.message)) return new HttpFailure('tls', `TLS failure: ${e.message}`)
  return new HttpFailure('network', `${code || 'network error'}: ${e.message}`)
}
