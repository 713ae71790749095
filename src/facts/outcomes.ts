import type { RollbackStrategy } from '../settings/rollback-settings.js'

// What verify's follow-ups did: plain data shared by the rollback, the incident and the report.

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

/** What was (or, in a dry run, would be) sent, where, with which payload, and what it started. */
export interface RollbackDelivery {
  readonly strategy: Exclude<RollbackStrategy, 'none'>
  /** Human words for the receiver: `workflow deploy.yml on main`, `POST https://deployer.example/hook`. */
  readonly where: string
  /** The exact request body sent (the webhook's body is this object serialised). */
  readonly payload: Readonly<Record<string, unknown>>
  /** The run a workflow dispatch started, when known. */
  readonly run?: { readonly id: number; readonly url: string }
  /** The deployment that records the rollback (the trigger itself for the deployment strategy). */
  readonly deploymentId?: number
  /** The webhook's delivery id and how its attempts went. */
  readonly webhook?: { readonly delivery: string; readonly attempts: string }
}

/** Did the rollback work (`rollback.wait`)? */
export interface Restore {
  /** `not watched`: the rollback started nothing the wait can follow (no workflow run GitHub named). */
  readonly state: 'restored' | 'not restored' | 'not watched'
  readonly reason: string
  /** The rollback run's conclusion, when it finished. */
  readonly runConclusion?: string
  /** From the verdict to every check passing again. */
  readonly timeToRestoreMs?: number
}

/** The rollback as the JSON report records it. */
export interface RollbackReport {
  readonly triggered: boolean
  readonly strategy: string
  readonly fromVersion: string
  readonly toVersion?: string
  readonly toSha?: string
  readonly reason: string
  readonly failed: boolean
  readonly rollbackOfRollback: boolean
  readonly dryRun: boolean
  /** ISO time the rollback was sent. */
  readonly sentAt?: string
  /** Link to what the rollback started. */
  readonly url?: string
  /** What was (or would be) sent, where, the exact payload, and the run it started. */
  readonly delivery?: RollbackDelivery
  /** With rollback.wait: restored or not, and the time to restore. */
  readonly restore?: Restore
}
