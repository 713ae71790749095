import type { Log } from '../runner/log.js'
import { boundedFetch } from './bounded-fetch.js'
import { plainRateLimitRetry } from './rate-limit-retry.js'
import { SilenceCounter, circuitBreaker } from './circuit-breaker.js'
import { decideWait, type WaitPolicy } from './wait-policy.js'
import type { WritePolicy } from './safe-write.js'

/**
 * The REST API version every call asks for. 2022-11-28 is the version every GitHub.com and GitHub
 * Enterprise Server (3.9+) answers, the shapes the action reads, and it returns a dispatched
 * workflow run when asked (`return_run_details`). docs/rollback.md (REST API version) says why not 2026-03-10.
 */
export const API_VERSION = '2022-11-28'

/** The Octokit of @actions/github with the plugins we use; imported lazily so probes start first. */
export type GitHubClient = Awaited<ReturnType<typeof createClient>>

export interface ClientOptions {
  /** Deadline of one attempt of one call. */
  readonly timeoutMs?: number
  /** The longest GitHub may make us wait before a retry; a longer Retry-After gives the call up. */
  readonly maxWaitMs?: number
  readonly maxBodyBytes?: number
  /** Total time one write of the failure path may take across its attempts (safe-write.ts). */
  readonly writeBudgetMs?: number
  /** Waits between the attempts of one write; the last one repeats. */
  readonly writeBackoffMs?: readonly number[]
}

/** Per-attempt deadline, write budget and backoff when nothing else is configured. */
export const DEFAULT_TIMINGS = { timeoutMs: 30_000, writeBudgetMs: 180_000, writeBackoffMs: [1000, 2000, 4000, 8000, 15_000] } as const

/**
 * One client per run: @actions/github's getOctokit (its proxy-aware fetch, GHES base URL) with
 * retry (5xx with backoff) and throttling (rate limits, honouring Retry-After), every wait
 * capped so GitHub never decides how long the job runs. The failure path's writes opt out of
 * the plugin's blind retries per call (`request: { retries: 0 }`) and go through safeWrite with
 * the client's `writes` policy instead: look for the effect, then retry.
 */
export async function createClient(token: string, baseUrl: string, log: Log, o: ClientOptions = {}) {
  const [{ getOctokit }, { defaults }, { retry }, { throttling }, { default: Bottleneck }] = await Promise.all([
    import('@actions/github'),
    import('@actions/github/lib/utils'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
    import('bottleneck/light.js')
  ])
  const policy: WaitPolicy = { maxWaitMs: o.maxWaitMs ?? 60_000, log }
  const proxyFetch = (defaults.request as { fetch: typeof fetch }).fetch
  const shouldWait = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) =>
    decideWait(policy, kind, retryAfter, `${options.method} ${options.url}`, retryCount < 2)
  const writes: WritePolicy = {
    budgetMs: o.writeBudgetMs ?? DEFAULT_TIMINGS.writeBudgetMs,
    backoffMs: o.writeBackoffMs ?? DEFAULT_TIMINGS.writeBackoffMs,
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    log,
    journal: []
  }
  const silence = new SilenceCounter()
  const octokit = getOctokit(
    token,
    {
      baseUrl,
      userAgent: 'deploy-guard',
      // getOctokit's defaults hold the toolkit's proxy fetch; `request` replaces them whole, so it is wrapped, not dropped.
      request: {
        fetch: boundedFetch(proxyFetch, { timeoutMs: o.timeoutMs ?? DEFAULT_TIMINGS.timeoutMs, maxBodyBytes: o.maxBodyBytes ?? 64 * 1024 * 1024, silence })
      },
      log: { debug: () => {}, info: () => {}, warn: (m: string) => log.warning(m), error: () => {} },
      // 429 is left to the throttling plugin and plainRateLimitRetry, which wait as Retry-After says.
      retry: { retries: 2, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] },
      throttle: {
        // The plugin spaces writes 1 s apart by default, a guard for bulk content creation. A run
        // makes a handful of writes, and on a bad release they are the failure path (status,
        // rollback, incident): serialise them but do not wait; secondary limits still retry.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        onRateLimit: shouldWait('rate limit'),
        onSecondaryRateLimit: shouldWait('secondary rate limit')
      }
    },
    retry,
    throttling,
    plainRateLimitRetry(policy),
    circuitBreaker(log, silence),
    apiVersion
  )
  return Object.assign(octokit, { writes })
}

/** Sets `X-GitHub-Api-Version` on every REST call, once, instead of on each call site. */
function apiVersion(octokit: { hook: { before: (name: 'request', hook: (o: { url: string; headers: Record<string, unknown> }) => void) => void } }): void {
  octokit.hook.before('request', (o) => {
    if (o.url !== '/graphql') o.headers['x-github-api-version'] ??= API_VERSION
  })
}
