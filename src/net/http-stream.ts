// A GET whose body is read as a stream, for downloads too large to hold (a job log can be
// hundreds of megabytes). The toolkit's HTTP client gives the runner's proxy handling
// (HTTPS_PROXY, NO_PROXY, as every other request of the action). No credentials are added:
// the caller passes only what the target may see.
import type { IncomingHttpHeaders } from 'node:http'

/** A streamed GET with a total deadline. */
export interface StreamRequest {
  readonly url: string
  readonly headers?: Readonly<Record<string, string>>
  /** For the whole exchange, body included. */
  readonly timeoutMs: number
  readonly maxRedirects: number
  readonly signal?: AbortSignal
}

export interface StreamResponse {
  readonly status: number
  readonly headers: IncomingHttpHeaders
  /** The body as it arrives; ends early with an error at the deadline. */
  readonly body: AsyncIterable<Buffer>
}

/** Sends a GET and resolves once the headers are in; the body is read by iterating `body`. */
export async function httpStream(req: StreamRequest): Promise<StreamResponse> {
  const { HttpClient } = await import('@actions/http-client')
  const client = new HttpClient('deploy-guard', [], {
    allowRedirects: req.maxRedirects > 0,
    maxRedirects: req.maxRedirects,
    allowRedirectDowngrade: false,
    socketTimeout: Math.min(req.timeoutMs, 60_000)
  })
  const deadline = AbortSignal.timeout(req.timeoutMs)
  const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline
  const res = await raceAbort(client.get(req.url, { ...req.headers }), signal)
  const message = res.message
  const stop = (): void => {
    message.destroy(new Error(deadline.aborted ? `the download took longer than ${Math.round(req.timeoutMs / 1000)} s` : 'aborted'))
  }
  if (signal.aborted) stop()
  else signal.addEventListener('abort', stop, { once: true })
  message.once('close', () => signal.removeEventListener('abort', stop))
  return { status: message.statusCode ?? 0, headers: message.headers, body: message }
}

/** The answer, or a rejection at the deadline; an answer that comes later is thrown away. */
function raceAbort<T extends { message: { destroy(): void } }>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(new Error('no answer before the deadline'))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort)
        if (signal.aborted) v.message.destroy()
        resolve(v)
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    )
  })
}
