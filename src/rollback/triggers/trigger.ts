import type { Clock } from '../../engine/clock.js'
import type { Grant } from '../../facts/permissions.js'
import type { RollbackDelivery } from '../../facts/outcomes.js'
import type { ReadinessItem } from '../../facts/readiness.js'
import type { GitHubConnection } from '../../github/connect.js'
import type { NewDeployment } from '../../github/deployments.js'
import type { WorkflowFiles } from '../../github/workflow-files.js'
import type { RollbackSettings, RollbackStrategy } from '../../settings/rollback-settings.js'
import type { VerifyModeSettings } from '../../settings/types.js'
import type { PlanFacts } from '../rollback-plan.js'
import type { ScannedWorkflow } from '../workflow-yaml.js'

/** What a trigger's send may use: the GitHub connection (its client carries the safe-write policy) and the clock. */
export interface SendDeps {
  readonly gh: GitHubConnection
  readonly clock: Clock
}

/** What a trigger's drill check may use, all reads (a webhook also gets one signed ping). */
export interface ReadinessContext {
  readonly settings: VerifyModeSettings
  readonly clock: Clock
  readonly files: WorkflowFiles
  /** The repository's default branch, where the workflow files are read. */
  readonly branch: string
  readonly runUrl: string
}

/**
 * A way to roll back (PRODUCT.md section 5): one file under src/rollback/triggers/ and one
 * line in registry.ts, like a metric provider. The code around it (the ledger, the claim
 * between jobs, the resume of a re-run, drill, the permissions table) never names a strategy;
 * it asks the trigger.
 */
export interface RollbackTrigger<N extends RollbackStrategy = RollbackStrategy> {
  /** The `rollback` input's value. */
  readonly name: N
  /** What the failure path's token needs beyond the ledger's; README, drill and the 403 messages read it. */
  readonly permissions: readonly Grant[]
  /** False for `none` only: nothing is planned or sent. */
  readonly sends: boolean
  /** It runs on a ref (rollback-ref, else the default branch), resolved once before planning. */
  readonly usesRef: boolean
  /** Its sends carry a delivery id kept in the ledger, so a re-run resends under the same id. */
  readonly deliveryId: boolean
  /** What drill's summary adds to "all reads" when its check sends something. */
  readonly drillNote?: string
  /** Pure: the request it sends, with the names of PRODUCT.md section 5. */
  plan(f: PlanFacts): RollbackDelivery
  /**
   * When the trigger is the ledger record itself (a deployment): the record to create. Such a
   * trigger needs no send and no `queued` status: once the record exists, the deployer has it.
   */
  record?(f: PlanFacts, planned: RollbackDelivery): NewDeployment
  /**
   * Sends what was planned, through the client's safe-write policy (a write GitHub may have
   * done without saying so is looked for before it is sent again). Throws when it did not go out.
   */
  send(f: PlanFacts, planned: RollbackDelivery, deps: SendDeps): Promise<RollbackDelivery>
  /**
   * On a re-run, for a record claimed with no trace of a send: the effect the send would have
   * had on GitHub since `since` (epoch ms), named; undefined when none shows (or cannot show).
   */
  arrived(gh: GitHubConnection, r: RollbackSettings, ref: string, since: number): Promise<string | undefined>
  /** drill: whether it would work today, checked before the workflow files are scanned. */
  readiness(ctx: ReadinessContext): Promise<ReadinessItem[]>
  /** drill: which workflow on `ref` would act on what it sends (absent: nothing to look for). */
  listening?(scanned: readonly ScannedWorkflow[], ref: string): ReadinessItem[]
}

/** The arrived() of a trigger whose effect GitHub cannot show. */
export const nothingToLookFor = async (): Promise<undefined> => undefined
