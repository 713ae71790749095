import type { Octokit } from '@octokit/core'
import type { Log } from '../runner/log.js'
import { SILENCE_CODES } from './safe-write.js'
import { messageOf } from '../values/message-of.js'

/** A call refused without being sent: earlier calls found GitHub unreachable. */
export class GitHubUnreachableError extends Error {
  constructor(readonly firstFailure: string) {
    super(`GitHub is unreachable (${firstFailure}); no further calls are made in this run`)
    this.name = 'GitHubUnreachableError'
  }
}

/** Requests in a row that found no GitHub at all before the remaining GitHub steps are skipped. */
export const SILENT_CALLS_TO_OPEN = 3

/**
 * Counts requests (each attempt, retries included) that found no GitHub at all: refused at the
 * connection, or a name that does not resolve. Any HTTP answer starts the count again; a slow
 * answer (our own deadline) neither counts nor resets it.
 */
export class SilenceCounter {
  private inARow = 0
  private first: string | undefined
  constructor(readonly limit = SILENT_CALLS_TO_OPEN) {}

  /** An attempt got an HTTP answer. */
  answered(): void {
    this.inARow = 0
    this.first = undefined
  }

  /** An attempt failed before any answer; counted when it is silence. */
  failed(e: unknown): void {
    const code = (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code
    if (!code || !SILENCE_CODES.includes(code)) return
    this.inARow++
    this.first ??= `${code}: ${messageOf(e)}`
  }

  /** Why GitHub counts as unreachable, once it does. */
  get silent(): string | undefined {
    return this.inARow >= this.limit ? this.first : undefined
  }
}

/**
 * Stops calling GitHub once it is silent: several requests in a row refused at the connection
 * or with a name that does not resolve, so every later step would wait out the same retries
 * for the same outcome. Only silence opens it (PRODUCT.md section 8): a slow answer, a reset or
 * a 5xx is GitHub answering badly, which the failure path's writes retry after looking for
 * their effect. Registered last, so it sees the final outcome of each call.
 */
export function circuitBreaker(log: Log, silence: SilenceCounter) {
  let open: string | undefined
  return (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, options) => {
      if (open) throw new GitHubUnreachableError(open)
      try {
        return await request(options)
      } catch (e) {
        const why = silence.silent
        if (why && !open) {
          open = why
          log.warning(
            `GitHub did not answer ${options.method} ${options.url} (${why}), ${silence.limit} requests in a row. The remaining GitHub steps of this run are skipped.`
          )
        }
        throw e
      }
    })
  }
}
