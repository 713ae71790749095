import { httpRequest } from '../net/http-request.js'

/** The part of fetch's Response that @octokit/request reads. */
interface MinimalResponse {
  readonly status: number
  readonly statusText: string
  readonly url: string
  readonly headers: { get(name: string): string | null; [Symbol.iterator](): IterableIterator<[string, string]> }
  text(): Promise<string>
  json(): Promise<unknown>
  arrayBuffer(): Promise<ArrayBuffer>
}

/**
 * A fetch for Octokit over the action's own bounded HTTP client. Node's global fetch loads
 * undici on first use (~17 MiB and some start-up time here); this also gives every GitHub call
 * the same deadline and body cap as the probes. Redirects are followed unless Octokit asks
 * for `manual`, as for fetch.
 */
export function nodeFetch({ timeoutMs, maxBodyBytes }: { timeoutMs: number; maxBodyBytes: number }): typeof fetch {
  return (async (input: string | URL, init: RequestInit = {}): Promise<MinimalResponse> => {
    const res = await httpRequest({
      url: String(input),
      method: init.method ?? 'GET',
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k, String(v)])),
      body: typeof init.body === 'string' ? init.body : undefined,
      timeoutMs,
      maxBodyBytes,
      maxRedirects: init.redirect === 'manual' ? 0 : 5,
      signal: init.signal ?? undefined
    })
    if (res.truncated) throw new Error(`GitHub answer larger than ${maxBodyBytes} bytes`)
    const pairs = Object.entries(res.headers).map(([k, v]): [string, string] => [k, Array.isArray(v) ? v.join(', ') : String(v)])
    const map = new Map(pairs)
    return {
      status: res.status,
      statusText: '',
      url: res.url,
      headers: { get: (name) => map.get(name.toLowerCase()) ?? null, [Symbol.iterator]: () => map.entries() },
      text: async () => res.body,
      json: async () => JSON.parse(res.body),
      arrayBuffer: async () => res.bytes.buffer.slice(res.bytes.byteOffset, res.bytes.byteOffset + res.bytes.byteLength) as ArrayBuffer
    }
  }) as unknown as typeof fetch
}
