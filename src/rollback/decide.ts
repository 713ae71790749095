import type { Result } from '../facts/verify-report.js'
import type { RollbackSettings } from '../settings/rollback-settings.js'
import type { DeployResult } from '../settings/types.js'
import type { FollowUpInput } from '../verify/follow-up-input.js'

/** Whether to roll back, and why not when not. */
export type RollbackDecision =
  | { readonly go: true }
  /** quiet: nothing worth reporting (a passed release, a skipped deploy with no rollback configured). */
  | { readonly go: false; readonly reason: string; readonly quiet: boolean }

export interface DecisionFacts {
  readonly result: Result
  readonly deployResult: DeployResult
  readonly cancelled: boolean
  readonly rollbackOnInconclusive: boolean
  readonly rollback: Pick<RollbackSettings, 'strategy' | 'onDeployCancelled' | 'onDeploySkipped'>
}

/**
 * Pure: PRODUCT.md sections 2, 4 and 5. A failed verdict (checks failed, or the deploy job
 * failed) rolls back; an inconclusive one only when `verify.on-inconclusive.rollback` says so (a
 * monitoring outage is not evidence); a cancelled or skipped deploy only when configured; a
 * cancelled run never.
 */
export function decideRollback(f: DecisionFacts): RollbackDecision {
  const no = (reason: string, quiet = false): RollbackDecision => ({ go: false, reason, quiet })
  if (f.cancelled) return no('the run was cancelled: nothing is rolled back')
  if (f.deployResult === 'cancelled' || f.deployResult === 'skipped') {
    const configured = f.deployResult === 'cancelled' ? f.rollback.onDeployCancelled : f.rollback.onDeploySkipped
    if (!configured) return no(`the deploy job was ${f.deployResult}; rollback.on-deploy-${f.deployResult} is false`, true)
  } else if (f.result === 'passed' || f.result === 'skipped') {
    return no(`the release ${f.result}`, true)
  } else if (f.result === 'inconclusive' && !f.rollbackOnInconclusive) {
    return no('the verdict is inconclusive, which is not evidence that the release is bad (verify.on-inconclusive.rollback is false)')
  }
  if (f.rollback.strategy === 'none') return no('no rollback strategy is configured (rollback: none; set rollback-workflow or rollback.strategy)')
  return { go: true }
}

/** Pure: the decision for a verify run's follow-ups, from its verdict and settings. */
export function decisionFor(input: Pick<FollowUpInput, 'result' | 'cancelled' | 'settings'>): RollbackDecision {
  const s = input.settings
  return decideRollback({
    result: input.result,
    deployResult: s.deployResult,
    cancelled: input.cancelled,
    rollbackOnInconclusive: s.verify.rollbackOnInconclusive,
    rollback: s.rollback
  })
}
