// "Look before you retry" (PRODUCT.md section 8, issue 12): the one policy every write of the
// failure path goes through. A write GitHub may have done without saying so (a 5xx, a reset, no
// answer within the deadline) is retried only after looking for its effect; a write GitHub
// refused before doing anything (a rate limit, a refused connection) is simply retried; any
// other answer is final. Every attempt, wait and lookup fits in one budget.
import type { Log } from '../runner/log.js'
import { messageOf } from '../values/message-of.js'

/** What was retried and how it ended, one line per write that needed more than one attempt. */
export interface WriteNote {
  readonly what: string
  readonly ok: boolean
  readonly detail: string
}

/** How long the failure path's writes may keep trying, and how they wait. */
export interface WritePolicy {
  /** Total time one write may take across its attempts, lookups and waits. */
  readonly budgetMs: number
  /** Waits between attempts; the last one repeats. */
  readonly backoffMs: readonly number[]
  readonly now: () => number
  readonly sleep: (ms: number) => Promise<void>
  readonly log: Log
  /** Notes of every write that was retried, for the summary and the report. */
  readonly journal: WriteNote[]
}

/** The named lookup of a write: where its effect shows when GitHub did it without answering. */
export interface Lookup<T> {
  /** What is looked for, in the user's terms: "the deployment of v2 in production". */
  readonly name: string
  /** The effect of an attempt started at `since` (epoch ms), or undefined when there is none. */
  readonly find: (since: number) => Promise<T | undefined>
  /** True when sending again changes nothing (a label added twice is one label): no lookup needed. */
  readonly repeatable?: boolean
}

export interface Write<T> {
  /** The write, in the user's terms: "creating the incident issue". */
  readonly what: string
  readonly send: () => Promise<T>
  readonly lookup: Lookup<T>
}

/**
 * How an attempt ended. `unknown`: GitHub may have done it (5xx, reset, timeout); `refused`:
 * it never reached GitHub, safe to send again (refused connection, DNS); `final`: an answer
 * that retrying does not change (4xx, a rate limit the throttling plugin already handled), or
 * the run stopped calling GitHub.
 */
export type AttemptFault = 'unknown' | 'refused' | 'final'

type ErrorLike = {
  name?: string
  status?: number
  message?: string
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string } }
  cause?: { name?: string; code?: string; cause?: { code?: string } }
}

/** Connection errors that mean the request never reached GitHub. */
export const SILENCE_CODES = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']

/** The system error code under an Octokit error (RequestError -> fetch's TypeError -> the socket's error). */
export function networkCode(e: unknown): string | undefined {
  const c = (e as ErrorLike)?.cause
  return c?.code ?? c?.cause?.code
}

/** Pure: how an attempt's error is treated. */
export function classifyFault(e: unknown): AttemptFault {
  const err = (e ?? {}) as ErrorLike
  if (err.name === 'GitHubUnreachableError' || err.name === 'WriteOutcomeUnknown') return 'final'
  if (err.response === undefined && (err.status === undefined || err.status === 500)) {
    const code = networkCode(e)
    return code && SILENCE_CODES.includes(code) ? 'refused' : 'unknown'
  }
  // Rate limits (403 secondary, 429) reach here only after the throttling plugin waited as
  // Retry-After said or refused to (over the cap): sending again early would break GitHub's rules.
  return (err.status ?? 0) >= 500 ? 'unknown' : 'final'
}

/**
 * GitHub may have done the write, and the lookup that would tell failed too: it is not sent
 * again (that could do it twice). Whoever records the write's state leaves it unknown, so a
 * re-run looks again.
 */
export class WriteOutcomeUnknown extends Error {
  constructor(what: string, fault: string, lookup: string, lookupFault: string) {
    super(`GitHub did not confirm ${what} (${fault}) and looking for ${lookup} failed (${lookupFault}); not sent again, so as not to do it twice`)
    this.name = 'WriteOutcomeUnknown'
  }
}

const text = (e: unknown): string => {
  const err = e as ErrorLike
  if (err?.cause?.name === 'GitHubTimeoutError') return 'no answer within the deadline'
  if (typeof err?.status === 'number' && err.response) return String(err.status)
  return messageOf(e).slice(0, 120)
}

/**
 * Sends the write; on an unknown outcome looks for its effect first and returns that when it
 * is there, else waits and sends again, all within the budget. Throws the last error when the
 * budget is spent or GitHub's answer is final. Retries are logged and noted in the journal.
 */
export async function safeWrite<T>(p: WritePolicy, w: Write<T>): Promise<T> {
  const started = p.now()
  const steps: string[] = []
  const note = (ok: boolean, end: string): void => {
    if (!steps.length) return
    p.journal.push({ what: w.what, ok, detail: `${steps.join('; ')}; ${end}` })
  }
  for (let attempt = 1; ; attempt++) {
    const sentAt = p.now()
    try {
      const value = await w.send()
      note(true, `attempt ${attempt} succeeded`)
      return value
    } catch (e) {
      const fault = classifyFault(e)
      if (fault === 'final') {
        note(false, `attempt ${attempt} failed: ${text(e)}`)
        throw e
      }
      steps.push(`attempt ${attempt}: ${text(e)}`)
      if (fault === 'unknown' && !w.lookup.repeatable) {
        let found: T | undefined
        try {
          found = await w.lookup.find(sentAt)
        } catch (le) {
          note(false, `looking for ${w.lookup.name} failed (${text(le)}): not sent again`)
          throw new WriteOutcomeUnknown(w.what, text(e), w.lookup.name, text(le))
        }
        if (found !== undefined) {
          p.log.warning(`GitHub did not confirm ${w.what} (${text(e)}), but ${w.lookup.name} exists: it was done, not sent again.`)
          note(true, `found ${w.lookup.name}: done, not sent again`)
          return found
        }
        steps.push(`no ${w.lookup.name} found`)
      }
      const wait = p.backoffMs[Math.min(attempt - 1, p.backoffMs.length - 1)] ?? 0
      if (p.now() + wait - started >= p.budgetMs) {
        note(false, `gave up: the ${Math.round(p.budgetMs / 1000)} s budget for this write is spent`)
        throw e
      }
      const looked = fault === 'unknown' && !w.lookup.repeatable ? `no ${w.lookup.name} found, ` : ''
      p.log.warning(`GitHub: ${w.what} failed (${text(e)}); ${looked}retrying in ${wait} ms.`)
      await p.sleep(wait)
    }
  }
}

/** The "lookup" of a write whose repetition changes nothing (a label added twice is one label): send again. */
export function idempotent<T>(name: string): Lookup<T> {
  return { name, find: async () => undefined, repeatable: true }
}
