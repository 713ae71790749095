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
}

/** What the incident step did. */
export interface IncidentOutcome {
  readonly number: number
  readonly url: string
  /** opened a new issue, commented on the open one, or closed it on recovery. */
  readonly action: 'opened' | 'updated' | 'resolved'
}
