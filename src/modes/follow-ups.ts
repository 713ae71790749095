import type { Clock } from '../engine/clock.js'
import type { VerificationResult } from '../engine/run-verification.js'
import type { GitHubConnector } from '../github/connect.js'
import type { ActionTaken, Result } from '../render/verify-report.js'
import type { Log } from '../runner/log.js'
import type { Settings } from '../settings/types.js'
import type { RollbackDelivery } from '../rollback/rollback-plan.js'
import { rollBack } from '../rollback/rollback-step.js'
import type { Restore } from '../rollback/wait-restore.js'

/** What verify knows when the verdict and the deployment status are in. */
export interface FollowUpInput {
  readonly settings: Settings
  readonly log: Log
  readonly clock: Clock
  readonly github: GitHubConnector
  readonly result: Result
  readonly reason: string
  readonly cancelled: boolean
  readonly verification?: VerificationResult
  /** The deployment verify recorded, when it could. */
  readonly deployment?: { readonly id: number; readonly url: string }
  /** Epoch ms: the window started, and the verdict was known. */
  readonly startedAt: number
  readonly decidedAt: number
}

/** What the rollback step did; the incident reports it and escalates on a failed one. */
export interface RollbackOutcome {
  /** True when a rollback was sent (output `rolled-back`). */
  readonly triggered: boolean
  /** The strategy in force: none, workflow, repository-dispatch, deployment or webhook. */
  readonly strategy: string
  /** The bad version being replaced. */
  readonly fromVersion: string
  /** The last good release chosen, when one was found (output `rollback-version`). */
  readonly toVersion?: string
  readonly toSha?: string
  /** Link to what the rollback started (a workflow run, a deployment), when known. */
  readonly url?: string
  /** Epoch ms when the rollback was sent. */
  readonly sentAt?: number
  /** Why there was no rollback, or what went wrong; always set when triggered is false. */
  readonly reason: string
  /** True when the rollback was attempted and failed: the incident escalates. */
  readonly failed: boolean
  /** True when the version verified was itself a rollback: nothing more is triggered, the incident escalates. */
  readonly rollbackOfRollback: boolean
  /** What was sent, where, with which payload, and the run it started; in a dry run, what would have been sent. */
  readonly delivery?: RollbackDelivery
  /** True in a dry run: `delivery` was not sent. */
  readonly dryRun?: boolean
  /** With rollback.wait: whether the rollback restored the service, and how long it took. */
  readonly restore?: Restore
}

/** What the incident step did. */
export interface IncidentOutcome {
  readonly number: number
  readonly url: string
  /** opened a new issue, commented on the open one, or closed it on recovery. */
  readonly action: 'opened' | 'updated' | 'resolved'
}

/** What the follow-ups did, for the report, the summary and the outputs. */
export interface FollowUpOutcome {
  readonly actions: readonly ActionTaken[]
  readonly rollback?: RollbackOutcome
  readonly incident?: IncidentOutcome
}

/**
 * The steps after the verdict, in the order an on-call engineer takes them (PRODUCT.md
 * section 1): roll back a failed release, then open or update the environment's incident; on
 * success, resolve an open incident. Each step gets what the earlier ones did, and a step that
 * fails is reported as an action, never thrown: the verdict stands whatever GitHub does.
 * A cancelled run takes no follow-up.
 */
export async function runFollowUps(input: FollowUpInput): Promise<FollowUpOutcome> {
  const actions: ActionTaken[] = []
  if (input.cancelled) return { actions }
  const rollback = await rollBack(input)
  actions.push(...rollback.actions)
  return { actions, ...(rollback.outcome && { rollback: rollback.outcome }) }
}
