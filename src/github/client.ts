import type { Log } from '../runner/log.js'
import { nodeFetch } from './node-fetch.js'

/** The Octokit type with the plugins we use; imported lazily so it costs nothing at start-up. */
export type GitHubClient = InstanceType<Awaited<ReturnType<typeof octokitClass>>['Client']>

async function octokitClass() {
  const [{ Octokit }, { retry }, { throttling }, { default: Bottleneck }] = await Promise.all([
    import('@octokit/rest'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
    import('bottleneck/light.js')
  ])
  return { Client: Octokit.plugin(retry, throttling), Bottleneck }
}

/**
 * One client per run, with retry (5xx, with backoff) and throttling (primary and secondary
 * rate limits, honouring Retry-After). Non-idempotent writes opt out of retries per call.
 */
export async function createClient(token: string, baseUrl: string, log: Log, { timeoutMs = 30_000 } = {}): Promise<GitHubClient> {
  const { Client, Bottleneck } = await octokitClass()
  return new Client({
    auth: token,
    baseUrl,
    userAgent: 'deploy-guard',
    // Each attempt has a deadline: a GitHub that accepts the connection and never answers must
    // not hold the job until the runner kills it.
    request: { fetch: nodeFetch({ timeoutMs, maxBodyBytes: 64 * 1024 * 1024 }) },
    log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warning(m), error: () => {} },
    // 429 is left to the throttling plugin, which waits as Retry-After says; the retry plugin
    // would use its own backoff instead.
    retry: { retries: 3, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
    throttle: {
      // The plugin spaces writes 1 s apart by default, a guard for bulk content creation. A run
      // makes a handful of writes, and on a bad release they are the failure path (status,
      // rollback, incident): serialise them but do not wait; secondary limits still retry.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log.warning(`GitHub rate limit hit on ${options.method} ${options.url}; retrying in ${retryAfter}s`)
        return retryCount < 2
      },
      onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
        log.warning(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`)
        return retryCount < 1
      }
    }
  })
}
