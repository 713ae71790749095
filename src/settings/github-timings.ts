import type { Env } from './inputs.js'
import { parseDuration, parsePositiveDuration } from '../values/parse.js'

/** How long one GitHub call may take and how the failure path's writes retry (docs/faults.md, "When GitHub fails"). */
export interface GitHubTimings {
  /** Deadline of one attempt of one call. */
  readonly timeoutMs: number
  /** Total time one write may take across its attempts, lookups and waits. */
  readonly writeBudgetMs: number
  /** Waits between the attempts of one write: the first, doubled each time up to 15 s. */
  readonly writeBackoffMs: readonly number[]
}

const TEN_MINUTES = 600_000

/**
 * Read from the environment, not inputs: these are for runners with a slow GitHub Enterprise
 * Server (longer) and for tests and the bench (shorter), not for a workflow's `with:`.
 * DEPLOY_GUARD_GITHUB_TIMEOUT (default 30s), DEPLOY_GUARD_GITHUB_RETRY_BUDGET (default 3m),
 * DEPLOY_GUARD_GITHUB_BACKOFF (first wait, default 1s).
 */
export function gitHubTimings(env: Env): GitHubTimings {
  const read = (name: string, fallback: string, positive: boolean): number => {
    const raw = env[name]?.trim() || fallback
    return positive
      ? parsePositiveDuration(`environment variable ${name}`, raw, '30s', TEN_MINUTES)
      : parseDuration(`environment variable ${name}`, raw, TEN_MINUTES)
  }
  const first = read('DEPLOY_GUARD_GITHUB_BACKOFF', '1s', false)
  const backoff = [0, 1, 2, 3, 4].map((i) => Math.min(first * 2 ** i, Math.max(first, 15_000)))
  return {
    timeoutMs: read('DEPLOY_GUARD_GITHUB_TIMEOUT', '30s', true),
    writeBudgetMs: read('DEPLOY_GUARD_GITHUB_RETRY_BUDGET', '3m', false),
    writeBackoffMs: backoff
  }
}
