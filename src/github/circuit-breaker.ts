import type { Octokit } from '@octokit/core'
import type { Log } from '../runner/log.js'
import { SILENCE_CODES, networkCode } from './safe-write.js'

/** A call refused without being sent: earlier calls found GitHub unreachable. */
export class GitHubUnreachableError extends Error {
  constructor(readonly firstFailure: string) {
    super(`GitHub is unreachable (${firstFailure}); no further calls are made in this run`)
    this.name = 'GitHubUnreachableError'
  }
}

/** Calls in a row that found no GitHub at all before the remaining GitHub steps are skipped. */
export const SILENT_CALLS_TO_OPEN = 3

/**
 * Stops calling GitHub once it is silent: several calls in a row refused at the connection or
 * with a name that does not resolve, so every later step would wait out the same retries for
 * the same outcome. Only silence opens it (PRODUCT.md section 8): a slow answer, a reset or a
 * 5xx is GitHub answering badly, which the failure path's writes retry after looking for their
 * effect; any HTTP answer closes the count again. Registered last, so it sees the final outcome.
 */
export function circuitBreaker(log: Log, silentCallsToOpen = SILENT_CALLS_TO_OPEN) {
  let open: string | undefined
  let silent = 0
  return (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, options) => {
      if (open) throw new GitHubUnreachableError(open)
      try {
        const res = await request(options)
        silent = 0
        return res
      } catch (e) {
        const err = e as { response?: unknown; message?: string }
        const code = networkCode(e)
        if (err.response !== undefined) silent = 0
        else if (code && SILENCE_CODES.includes(code) && ++silent >= silentCallsToOpen) {
          open = `${code}: ${err.message ?? String(e)}`
          log.warning(
            `GitHub did not answer ${options.method} ${options.url} (${open}), ${silent} calls in a row. The remaining GitHub steps of this run are skipped.`
          )
        }
        throw e
      }
    })
  }
}
