import type { RollbackSettings } from '../settings/rollback-settings.js'
import type { RollbackTarget } from './find-last-good.js'

/** Task of the deployment that records a rollback sent another way; deployers act on task `deploy` only. */
export const RECORD_TASK = 'deploy-guard:rollback'

/** The names every trigger's payload carries (PRODUCT.md section 5). */
export function payloadNames(f: PlanFacts): Record<string, string> {
  return { environment: f.environment, bad_version: f.badVersion, good_version: f.target.version, good_sha: f.target.sha, run_url: f.runUrl }
}

/** What a trigger's plan is made from: the rollback settings, the bad and the good release, and the run sending it. */
export interface PlanFacts {
  readonly rollback: RollbackSettings
  /** owner/repo */
  readonly repository: string
  readonly environment: string
  readonly productionEnvironment: boolean
  readonly badVersion: string
  readonly badDeploymentId?: number
  readonly target: RollbackTarget
  /** The ref the rollback workflow runs on, resolved (default branch when rollback-ref is empty). */
  readonly ref: string
  readonly runUrl: string
  readonly runId: string
  readonly runAttempt: string
  readonly job: string
  /** The webhook's delivery id, recorded in the ledger so a re-run resends under the same id. */
  readonly delivery?: string
}

/**
 * Pure: the ledger's record of a rollback, kept in the deployment payload under `deploy_guard`:
 * the version it deploys, the bad version it replaces, and the run, attempt and job that sent
 * it. A later verify of this deployment reads `rollback_of` and escalates instead of rolling
 * back again; a re-run reads `run_id` and sends nothing twice.
 */
export function ledgerPayload(f: PlanFacts): Record<string, unknown> {
  return {
    deploy_guard: {
      version: f.target.version,
      rollback_of: f.badVersion,
      ...(f.badDeploymentId !== undefined && { rollback_of_deployment: f.badDeploymentId }),
      run_id: f.runId,
      run_attempt: f.runAttempt,
      job: f.job,
      strategy: f.rollback.strategy,
      run_url: f.runUrl,
      ...(f.delivery && { delivery: f.delivery })
    }
  }
}
