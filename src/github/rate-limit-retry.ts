import { decideWait, type WaitPolicy } from './wait-policy.js'

import type { Octokit } from '@octokit/core'

/**
 * Retries a plain 429 as its Retry-After says. The throttling plugin retries a 429 only when it
 * is a secondary or primary limit by its wording or headers; GitHub and proxies in front of
 * GHES also answer a bare 429 with Retry-After, which is just as safe to retry: the request was
 * refused, not applied.
 */
export function plainRateLimitRetry(policy: WaitPolicy, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))) {
  return (octokit: Octokit): void => {
    octokit.hook.wrap('request', async (request, options) => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await request(options)
        } catch (e) {
          const err = e as { status?: number; message?: string; response?: { headers?: Record<string, string> } }
          const headers = err.response?.headers ?? {}
          const plain = err.status === 429 && !/secondary rate/i.test(err.message ?? '') && headers['x-ratelimit-remaining'] !== '0'
          const after = Number(headers['retry-after'])
          if (!plain || !Number.isFinite(after) || after < 0) throw e
          if (!decideWait(policy, 'rate limit (429)', after, `${options.method} ${options.url}`, attempt < 2)) throw e
          await sleep(after * 1000)
        }
      }
    })
  }
}
