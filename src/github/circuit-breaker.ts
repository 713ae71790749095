import type { Octokit } from '@octokit/core'
import type { Log } from '../runner/log.js'

/** A call refused without being sent: an earlier call found GitHub unreachable. */
export class GitHubUnreachableError extends Error {
  constructor(readonly firstFailure: string) {
    super(`GitHub is unreachable (${firstFailure}); no further calls are made in this run`)
    this.name = 'GitHubUnreachableError'
  }
}

/**
 * Stops calling GitHub once a call got no HTTP answer at all after its retries (DNS, refused,
 * timeouts): every later step would wait out the same retries for the same outcome, and GitHub
 * must not decide how long the job runs. An HTTP error (a 403, a 5xx answer) does not open it.
 * Registered last, so it wraps the retry and throttling plugins and sees their final outcome.
 */
export function circuitBreaker(log: Log) {
  let open: string | undefined
  return (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, options) => {
      if (open) throw new GitHubUnreachableError(open)
      try {
        return await request(options)
      } catch (e) {
        const err = e as { status?: number; response?: unknown; message?: string }
        if (err.response === undefined && (err.status === undefined || err.status >= 500)) {
          open = err.message ?? String(e)
          log.warning(`GitHub did not answer ${options.method} ${options.url}: ${open}. The remaining GitHub steps of this run are skipped.`)
        }
        throw e
      }
    })
  }
}
