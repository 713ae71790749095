import type { Log } from '../runner/log.js'

/** How long GitHub may make the action wait before one retry. */
export interface WaitPolicy {
  readonly maxWaitMs: number
  readonly log: Log
}

/** Whether to wait `retryAfter` seconds and retry; logs exactly what happens. */
export function decideWait(p: WaitPolicy, kind: string, retryAfterS: number, call: string, triesLeft: boolean): boolean {
  if (!triesLeft) {
    p.log.warning(`GitHub ${kind} on ${call}: giving up after repeated waits.`)
    return false
  }
  if (retryAfterS * 1000 > p.maxWaitMs) {
    p.log.warning(`GitHub ${kind} on ${call}: it asks to wait ${retryAfterS} s, more than the ${p.maxWaitMs / 1000} s cap; not waiting, the call is given up.`)
    return false
  }
  p.log.warning(`GitHub ${kind} on ${call}: waiting ${retryAfterS} s as GitHub asks, then retrying.`)
  return true
}
