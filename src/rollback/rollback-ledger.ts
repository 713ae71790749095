// The rollback's record in the ledger tells which state it is in (PRODUCT.md section 5,
// "Exactly once, whatever GitHub answers"): a re-run reads it to send what was not delivered
// and never to send twice.
import type { PastStatus } from '../github/deployment-history.js'
import { triggerNamed } from './triggers/registry.js'

/**
 * - `claimed`: the record exists, nothing says the rollback went out (no answer, a crash, a
 *   status that could not be posted): unknown until its effect is looked for.
 * - `sent`: GitHub accepted the send (status `queued`).
 * - `confirmed`: its effect was seen (the dispatched run named, the rollback's own deployment
 *   moving on: in_progress, success, failure, or retired by a later success).
 * - `failed`: it could not be sent (status `error`); a re-run sends it again.
 * - `duplicate`: another job of the run claimed the same rollback first and sent it.
 */
export type RecordState = 'claimed' | 'sent' | 'confirmed' | 'failed' | 'duplicate'

/** Descriptions of the record's statuses; `confirmed` and `duplicate` are read back by recordState. */
export const RECORD_TEXT = {
  sent: (bad: string, good: string, strategy: string) => `deploy-guard: rollback of ${bad} to ${good} sent (${strategy})`,
  confirmed: (bad: string, good: string, proof: string) => `deploy-guard: rollback of ${bad} to ${good} confirmed: ${proof}`,
  failed: (error: string) => `deploy-guard: rollback could not be sent: ${error}`,
  duplicate: (winner: number) => `deploy-guard: duplicate; deployment ${winner} of this run rolls back`
}

/**
 * Pure: the state of a rollback record from its statuses, newest first. When the record is the
 * trigger itself (the `deployment` strategy), once it exists, the deployer has it.
 */
export function recordState(statuses: readonly PastStatus[], strategy: string): RecordState {
  const isTrigger = !!triggerNamed(strategy)?.record
  const latest = statuses[0]
  if (!latest) return isTrigger ? 'confirmed' : 'claimed'
  switch (latest.state) {
    case 'error':
      return 'failed'
    case 'inactive':
      return /^deploy-guard: duplicate\b/.test(latest.description) ? 'duplicate' : 'confirmed'
    case 'queued':
    case 'pending':
      return /^deploy-guard: rollback .* confirmed: /.test(latest.description) || isTrigger ? 'confirmed' : 'sent'
    default:
      return 'confirmed'
  }
}

/** Pure: whether a record in this state already rolled the release back, or may still need sending. */
export function delivered(state: RecordState): boolean {
  return state === 'sent' || state === 'confirmed'
}
