import type { SampleStatus } from '../checks/types.js'

export type CheckStatus = 'running' | 'passed' | 'failed' | 'inconclusive'
export type Verdict = 'passed' | 'failed' | 'inconclusive'

/** Per-check counts the verdict is computed from. */
export interface Tally {
  readonly pass: number
  readonly fail: number
  readonly error: number
  readonly consecutiveErrors: number
  /** Status of the latest valid (pass or fail) sample; errors do not change it. */
  readonly lastValid: 'pass' | 'fail' | 'none'
}

export interface Limits {
  readonly failureLimit: number
  readonly consecutiveErrorLimit: number
}

export const EMPTY_TALLY: Tally = { pass: 0, fail: 0, error: 0, consecutiveErrors: 0, lastValid: 'none' }

/** Pure: the tally after one more sample. */
export function addSample(t: Tally, s: SampleStatus): Tally {
  return {
    pass: t.pass + (s === 'pass' ? 1 : 0),
    fail: t.fail + (s === 'fail' ? 1 : 0),
    error: t.error + (s === 'error' ? 1 : 0),
    consecutiveErrors: s === 'error' ? t.consecutiveErrors + 1 : 0,
    lastValid: s === 'error' ? t.lastValid : s
  }
}

/**
 * Pure: a check's status (PRODUCT.md section 4). Failed as soon as failed samples exceed the
 * failure limit; inconclusive when consecutive errors exceed their limit, or when the window
 * ended without one valid (pass or fail) sample. At the end of the window a check passes only
 * when its last valid sample passed: the limit tolerates blips inside the window, never a
 * release that is down when the window closes (a one-round smoke check included).
 */
export function checkStatus(t: Tally, limits: Limits, windowOver: boolean): { status: CheckStatus; reason: string } {
  if (t.fail > limits.failureLimit) {
    return { status: 'failed', reason: `${samples(t.fail, 'failed')} > failure-limit ${limits.failureLimit}` }
  }
  if (t.consecutiveErrors > limits.consecutiveErrorLimit) {
    return { status: 'inconclusive', reason: `${t.consecutiveErrors} consecutive errors > limit ${limits.consecutiveErrorLimit}` }
  }
  if (!windowOver) return { status: 'running', reason: '' }
  if (t.pass + t.fail === 0) return { status: 'inconclusive', reason: 'no valid sample in the window' }
  if (t.lastValid === 'fail') {
    const last = t.consecutiveErrors ? `last valid sample failed (then ${samples(t.consecutiveErrors, 'error')})` : 'last sample failed'
    return { status: 'failed', reason: `${last}: failure-limit ${limits.failureLimit} tolerates failed samples inside the window, not at its end` }
  }
  return { status: 'passed', reason: `${samples(t.fail, 'failed')} <= failure-limit ${limits.failureLimit}` }
}

/** Pure: any failed check fails the verification; else any inconclusive makes it inconclusive. */
export function overallVerdict(statuses: readonly CheckStatus[]): Verdict {
  if (statuses.includes('failed')) return 'failed'
  if (statuses.includes('inconclusive') || statuses.includes('running')) return 'inconclusive'
  return 'passed'
}

/** Number of sampling rounds for a window: one when duration is 0 (a smoke check). */
export function roundCount(durationMs: number, intervalMs: number): number {
  return durationMs <= 0 ? 1 : Math.max(1, Math.ceil(durationMs / intervalMs))
}

/**
 * Pure: why the failure limit cannot bite, or undefined when it can. A check samples at most
 * once a round, so a limit at or above the round count is never exceeded; only the last-sample
 * rule can then fail a check.
 */
export function failureLimitNote(failureLimit: number, rounds: number): string | undefined {
  if (failureLimit < rounds) return undefined
  return (
    `failure-limit ${failureLimit} is not below the ${rounds} round${rounds === 1 ? '' : 's'} of the window: ` +
    'it can never be exceeded, so only a failed last sample can fail a check'
  )
}

/** The largest failure-limit accepted for a window: anything above is a typo, not a tolerance. */
export function maxFailureLimit(rounds: number): number {
  return Math.max(100, 100 * rounds)
}

function samples(n: number, kind: string): string {
  return `${n} ${kind} sample${n === 1 ? '' : 's'}`
}
