import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'
import type { AxiosHeaders, AxiosStatic } from 'axios'
import { refusedTunnel, routeFor } from './agents.js'
import { HttpFailure } from './http-failure.js'
import { nextHop, type Hop } from './redirect.js'

export { closeAgents } from './agents.js'
export { HttpFailure, type HttpFailureKind } from './http-failure.js'

/** One bounded HTTP exchange: total time, body size and redirects all have limits. */
export interface HttpRequest {
  readonly url: string
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  /** The whole exchange, redirects and bodies included. */
  readonly timeoutMs: number
  readonly maxBodyBytes: number
  /** Redirects followed at most; 0 follows none and answers with the 3xx itself. */
  readonly maxRedirects: number
  readonly signal?: AbortSignal
}

export interface HttpResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** The same body as bytes, for binary answers. */
  readonly bytes: Buffer
  /** The body was longer than maxBodyBytes; `body` holds its first maxBodyBytes. */
  readonly truncated: boolean
  readonly latencyMs: number
  /** The URL that gave this answer, after redirects. */
  readonly url: string
}

let loaded: Promise<AxiosStatic> | undefined
// axios loads with the first request, not with the action: a run that stops at bad input never needs it.
const loadAxios = (): Promise<AxiosStatic> => (loaded ??= import('axios').then((m) => m.default))

/**
 * Sends a request through axios, following redirects under nextHop's rules, through the proxy
 * the environment names, and reads at most maxBodyBytes of the body. Rejects with HttpFailure
 * only; statuses are the caller's to judge.
 */
export async function httpRequest(req: HttpRequest): Promise<HttpResponse> {
  // Loading the client is not the service's time: the deadline and the latency start after it.
  const axios = await loadAxios()
  const started = performance.now()
  // One deadline for the whole exchange: axios' `timeout` is a socket idle timer in Node and
  // would let a dripping body or a chain of redirects run on.
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new HttpFailure('timeout', `no complete answer within ${Math.round(req.timeoutMs)} ms`)),
    Math.max(1, req.timeoutMs)
  )
  const onAbort = (): void => controller.abort(new HttpFailure('aborted', 'aborted'))
  if (req.signal?.aborted) onAbort()
  req.signal?.addEventListener('abort', onAbort, { once: true })
  try {
    let hop: Hop = { url: req.url, method: req.method ?? 'GET', body: req.body, headers: withDefaults(req.headers ?? {}) }
    for (let followed = 0; ; followed++) {
      const res = await send(axios, hop, req.maxBodyBytes, controller.signal, started)
      const location = res.headers.location
      const next = nextHop(hop, { status: res.status, location }, followed, req.maxRedirects)
      if (!next) return res
      hop = next
    }
  } finally {
    clearTimeout(timer)
    req.signal?.removeEventListener('abort', onAbort)
  }
}

/** One request of the exchange, its body read within the limit. */
async function send(axios: AxiosStatic, hop: Hop, maxBodyBytes: number, signal: AbortSignal, started: number): Promise<HttpResponse> {
  const route = await routeFor(new URL(hop.url))
  const failure = (e: unknown): HttpFailure => failureOf(e, signal, route.via)
  const hasType = Object.keys(hop.headers).some((h) => h.toLowerCase() === 'content-type')
  const res = await axios
    .request<Readable>({
      url: hop.url,
      method: hop.method,
      // `false` keeps axios from inventing a form Content-Type for a body sent without one.
      headers: hasType ? hop.headers : { ...hop.headers, 'Content-Type': false },
      data: hop.body === undefined ? undefined : Buffer.from(hop.body),
      // The body goes out as written: axios would re-serialise strings it takes for JSON.
      transformRequest: [],
      transformResponse: [],
      responseType: 'stream',
      adapter: 'http',
      maxRedirects: 0,
      validateStatus: () => true,
      // axios' own proxy support does not tunnel https targets; the agents do (agents.ts).
      proxy: false,
      httpAgent: route.agent,
      httpsAgent: route.agent,
      signal
    })
    .catch((e: unknown) => {
      throw failure(e)
    })
  const tunnel = refusedTunnel(res.request)
  if (tunnel) {
    res.data.destroy()
    throw new HttpFailure('proxy', tunnel)
  }
  const { bytes, truncated } = await readBody(res.data, maxBodyBytes, signal).catch((e: unknown) => {
    throw failure(e)
  })
  return {
    status: res.status,
    // The node adapter always gives AxiosHeaders; toJSON() keeps set-cookie an array.
    headers: { ...(res.headers as AxiosHeaders).toJSON() } as IncomingHttpHeaders,
    body: bytes.toString('utf8'),
    bytes,
    truncated,
    latencyMs: performance.now() - started,
    url: hop.url
  }
}

function readBody(stream: Readable, limit: number, signal: AbortSignal): Promise<{ bytes: Buffer; truncated: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (err: unknown, truncated = false): void => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      if (err !== undefined) {
        stream.destroy()
        reject(err)
      } else resolve({ bytes: Buffer.concat(chunks), truncated })
    }
    const onAbort = (): void => finish(signal.reason)
    stream.on('data', (chunk: Buffer) => {
      const room = limit - size
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room))
        size += room
        // Stop reading a huge body at once rather than download it to throw it away.
        finish(undefined, true)
        stream.destroy()
        return
      }
      chunks.push(chunk)
      size += chunk.length
    })
    stream.on('end', () => finish(undefined))
    stream.on('error', (e) => finish(e))
    stream.on('close', () => finish(new HttpFailure('reset', 'connection closed before the body ended')))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** The client's own headers, unless the caller set them (in any case). */
function withDefaults(headers: Readonly<Record<string, string>>): Record<string, string> {
  const names = new Set(Object.keys(headers).map((h) => h.toLowerCase()))
  return { ...(names.has('user-agent') ? {} : { 'user-agent': 'deploy-guard' }), ...(names.has('accept') ? {} : { accept: '*/*' }), ...headers }
}

/** What went wrong, in the words of the sample; the deadline and the caller's abort win over what they caused. */
function failureOf(e: unknown, signal: AbortSignal, via: string | undefined): HttpFailure {
  if (signal.aborted && signal.reason instanceof HttpFailure) return signal.reason
  if (e instanceof HttpFailure) return e
  const f = classify((e as { cause?: unknown }).cause ?? e)
  return via ? new HttpFailure(f.kind, `${f.message} (through proxy ${via})`) : f
}

function classify(e: unknown): HttpFailure {
  const err = (e ?? {}) as { code?: unknown; message?: unknown }
  const code = typeof err.code === 'string' ? err.code : ''
  const message = typeof err.message === 'string' ? err.message : String(e)
  if (code === 'ECONNREFUSED') return new HttpFailure('refused', 'connection refused')
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') return new HttpFailure('reset', 'connection reset')
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HttpFailure('dns', `DNS lookup failed (${code})`)
  if (/CERT|SSL|TLS|ERR_TLS/i.test(code) || /certificate|SSL/i.test(message)) return new HttpFailure('tls', `TLS failure: ${message}`)
  return new HttpFailure('network', `${code || 'network error'}: ${message}`)
}
