import type { Measurement, Probe } from '../checks/types.js'
import type { Clock } from './clock.js'
import { addSample, checkStatus, EMPTY_TALLY, overallVerdict, roundCount, type CheckStatus, type Limits, type Tally, type Verdict } from './evaluate.js'
import { limitConcurrency } from './limit-concurrency.js'
import { messageOf } from '../values/message-of.js'

/** One measurement of one check, as recorded in the report. */
export interface Sample extends Measurement {
  readonly check: string
  readonly round: number
  /** Epoch ms when the sample completed. */
  readonly at: number
}

export interface CheckResult {
  readonly name: string
  /** `stopped`: another check failed first and cut this one's window short. */
  readonly status: Exclude<CheckStatus, 'running'> | 'stopped'
  readonly reason: string
  readonly tally: Tally
  /** The sample that decided a failed or inconclusive check. */
  readonly decidedBy?: Sample
}

export interface VerificationResult {
  readonly verdict: Verdict
  readonly checks: readonly CheckResult[]
  readonly samples: readonly Sample[]
  readonly startedAt: number
  readonly endedAt: number
  /** Rounds the window planned. */
  readonly rounds: number
  /** Rounds that started: fewer after fail fast, or when slow rounds used up the window. */
  readonly roundsRun: number
  /** True when a failed check cut the window short (fail fast). */
  readonly stoppedEarly: boolean
  /** True when the run was cancelled (the runner's SIGINT) before the window ended. */
  readonly cancelled: boolean
}

/**
 * How long samples of the deciding round are still taken after a check failed: two endpoints
 * down answer within milliseconds of each other, and both belong in the report.
 */
export const DECIDING_ROUND_GRACE_MS = 250

export interface WindowOptions extends Limits {
  readonly durationMs: number
  readonly intervalMs: number
  readonly warmupMs: number
  readonly concurrency: number
}

export interface EngineHooks {
  onSample?(sample: Sample): void
  onRoundStart?(round: number, of: number): void
  /**
   * The first check failed: called at once, before the deciding round's grace, so the failure
   * path (the deployment's failure status) need not wait for the round's other answers.
   */
  onFailed?(check: CheckResult): void
  /** Aborts the window from outside (the workflow was cancelled): sampling stops at once. */
  cancel?: AbortSignal
}

/**
 * Samples every probe each interval for the window, all probes of a round in parallel under
 * the concurrency bound. A round never starts while the previous one still has requests in
 * flight, so an endpoint never sees two requests at once. The first check to fail ends the
 * window: no request starts after it, and the deciding round's requests still in flight get
 * a short grace (until they settle, at most DECIDING_ROUND_GRACE_MS) so that checks failing in
 * the same round are all reported; then whatever is left is aborted and the result returns.
 */
export async function runVerification(probes: readonly Probe[], opts: WindowOptions, clock: Clock, hooks: EngineHooks = {}): Promise<VerificationResult> {
  const startedAt = clock.now()
  // closing: a check failed, nothing new starts; stop: in-flight requests are aborted too.
  const closing = new AbortController()
  const stop = new AbortController()
  const limit = limitConcurrency(opts.concurrency)
  const tallies = new Map<string, Tally>(probes.map((p) => [p.check.name, EMPTY_TALLY]))
  const decided = new Map<string, CheckResult>()
  const samples: Sample[] = []
  const lastValid = new Map<string, Sample>()
  let round: Promise<unknown> = Promise.resolve()
  const total = roundCount(opts.durationMs, opts.intervalMs)
  let failedEarly: (() => void) | undefined
  const failure = new Promise<void>((resolve) => (failedEarly = resolve))
  let cancelled = false
  const onCancel = (): void => {
    cancelled = true
    closing.abort()
    stop.abort()
    failedEarly?.()
  }
  if (hooks.cancel?.aborted) onCancel()
  else hooks.cancel?.addEventListener('abort', onCancel, { once: true })

  const record = (probe: Probe, round: number, m: Measurement): void => {
    const name = probe.check.name
    if (stop.signal.aborted || decided.has(name)) return
    const sample: Sample = { ...m, check: name, round, at: clock.now() }
    samples.push(sample)
    hooks.onSample?.(sample)
    if (m.status !== 'error') lastValid.set(name, sample)
    const tally = addSample(tallies.get(name) ?? EMPTY_TALLY, m.status)
    tallies.set(name, tally)
    const s = checkStatus(tally, opts, false)
    if (s.status === 'running') return
    const result: CheckResult = { name, status: s.status as 'failed' | 'inconclusive', reason: s.reason, tally, decidedBy: sample }
    decided.set(name, result)
    if (s.status === 'failed' && !closing.signal.aborted) {
      closeWindow()
      hooks.onFailed?.(result)
    }
  }

  // The failure path starts once the deciding round has settled, or after the grace at most.
  const closeWindow = (): void => {
    closing.abort()
    void Promise.race([round, clock.sleep(DECIDING_ROUND_GRACE_MS, stop.signal)]).then(() => {
      stop.abort()
      failedEarly?.()
    })
  }

  const measure = (probe: Probe, round: number): Promise<void> =>
    limit(async () => {
      if (closing.signal.aborted) return
      let m: Measurement
      try {
        m = await probe.measure(stop.signal)
      } catch (e) {
        // A provider bug must not crash the run; it is an error sample like any other.
        m = { status: 'error', detail: `internal error: ${messageOf(e)}` }
      }
      record(probe, round, m)
    })

  let roundsRun = 0
  const window = (async () => {
    await clock.sleep(opts.warmupMs, closing.signal)
    const first = clock.now()
    let previous = -Infinity
    for (let n = 0; n < total && !closing.signal.aborted; n++) {
      // After a slow round the next waits a full interval rather than firing missed ticks back
      // to back; a round that would start after the window has ended is not run.
      const at = Math.max(first + n * opts.intervalMs, previous + opts.intervalMs)
      if (n > 0 && at >= first + opts.durationMs) break
      await clock.sleep(at - clock.now(), closing.signal)
      if (closing.signal.aborted) break
      const active = probes.filter((p) => !decided.has(p.check.name))
      if (!active.length) break
      previous = clock.now()
      roundsRun++
      hooks.onRoundStart?.(n + 1, total)
      round = Promise.all(active.map((p) => measure(p, n + 1)))
      await round
    }
  })()
  await Promise.race([window, failure])
  // The window may end with the deciding round; the grace then ends on the same tick.
  if (closing.signal.aborted) await failure
  hooks.cancel?.removeEventListener('abort', onCancel)

  const checks = probes.map((p): CheckResult => {
    const name = p.check.name
    const done = decided.get(name)
    if (done) return done
    const tally = tallies.get(name) ?? EMPTY_TALLY
    const s = checkStatus(tally, opts, true)
    const sampled = tally.pass + tally.fail + tally.error
    const decidedBy = s.status === 'failed' ? { decidedBy: lastValid.get(name) } : {}
    // A window cut short by another failure still ends on this check's last valid sample.
    if (stop.signal.aborted && sampled < total && (cancelled || s.status !== 'failed')) {
      const why = cancelled ? 'the run was cancelled' : 'another check failed'
      return { name, status: 'stopped', reason: `stopped after ${sampled} of ${total} samples: ${why}`, tally }
    }
    return { name, status: s.status as CheckResult['status'], reason: s.reason, tally, ...decidedBy }
  })
  // A cancelled window proves nothing either way, unless a check had already failed.
  const verdict = overallVerdict(checks.map((c) => (c.status === 'stopped' ? (cancelled ? 'running' : 'passed') : c.status)))
  const stoppedEarly = stop.signal.aborted && (roundsRun < total || checks.some((c) => c.status === 'stopped'))
  return { verdict, checks, samples, startedAt, endedAt: clock.now(), rounds: total, roundsRun, stoppedEarly, cancelled }
}
