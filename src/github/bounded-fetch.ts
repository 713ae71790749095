/** A GitHub call that got no complete answer in time; explain() reports it as a timeout, not a 500. */
export class GitHubTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`GitHub did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`)
    this.name = 'GitHubTimeoutError'
  }
}

/**
 * Wraps the toolkit's proxy-aware fetch with a deadline per attempt and a cap on the body: a
 * GitHub that accepts the connection and never answers, or answers without end, must not hold
 * the job until the runner kills it.
 */
export function boundedFetch(
  inner: typeof fetch,
  { timeoutMs, maxBodyBytes, silence }: { timeoutMs: number; maxBodyBytes: number; silence?: { answered(): void; failed(e: unknown): void } }
): typeof fetch {
  return async (input, init = {}) => {
    const timeout = new AbortController()
    const timer = setTimeout(() => timeout.abort(new GitHubTimeoutError(timeoutMs)), timeoutMs)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout.signal]) : timeout.signal
    try {
      const res = await inner(input, { ...init, signal })
      silence?.answered()
      const declared = Number(res.headers.get('content-length') ?? NaN)
      if (declared > maxBodyBytes) {
        await res.body?.cancel().catch(() => {})
        throw new Error(`GitHub answer of ${declared} bytes is over the ${maxBodyBytes}-byte cap`)
      }
      // A bodiless answer (204) ends here: its timer must not hold the process for the deadline.
      if (!res.body) {
        clearTimeout(timer)
        return res
      }
      // The deadline covers the body too: the timer is cleared only when the body has ended.
      const capped = res.body.pipeThrough(capBytes(maxBodyBytes, () => clearTimeout(timer)))
      return new Response(capped, { status: res.status, statusText: res.statusText, headers: res.headers })
    } catch (e) {
      clearTimeout(timer)
      if (timeout.signal.aborted) throw timeout.signal.reason
      silence?.failed(e)
      throw e
    }
  }
}

function capBytes(max: number, done: () => void): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > max) {
        done()
        controller.error(new Error(`GitHub answer over the ${max}-byte cap`))
        return
      }
      controller.enqueue(chunk)
    },
    flush: done
  })
}
