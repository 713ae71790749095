import { clip } from '../text/clip.js'
import type { RollbackDelivery } from '../facts/outcomes.js'
import type { RollbackSettings } from '../settings/rollback-settings.js'
import { urlText } from '../text/url-text.js'
import type { RollbackTarget } from './find-last-good.js'

/** The repository_dispatch event type deployers listen for (PRODUCT.md section 5). */
export const DISPATCH_EVENT = 'deploy-guard-rollback'
/** Task of the deployment that records a rollback sent another way; deployers act on task `deploy` only. */
export const RECORD_TASK = 'deploy-guard:rollback'

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

/** Pure: the request the strategy sends, with the names of PRODUCT.md section 5. */
export function planDelivery(f: PlanFacts): RollbackDelivery {
  const names = { environment: f.environment, bad_version: f.badVersion, good_version: f.target.version, good_sha: f.target.sha, run_url: f.runUrl }
  const r = f.rollback
  switch (r.strategy) {
    case 'workflow':
      return { strategy: 'workflow', where: `workflow ${r.workflow} on ${f.ref}`, payload: { ref: f.ref, inputs: { [r.workflowInput]: f.target.version } } }
    case 'repository-dispatch':
      return {
        strategy: 'repository-dispatch',
        where: `repository_dispatch event ${DISPATCH_EVENT} in ${f.repository}`,
        payload: { event_type: DISPATCH_EVENT, client_payload: names }
      }
    case 'deployment':
      return {
        strategy: 'deployment',
        where: `a new deployment of ${f.target.sha.slice(0, 12)} in ${f.environment}`,
        payload: {
          ref: f.target.sha,
          environment: f.environment,
          task: 'deploy',
          auto_merge: false,
          required_contexts: [...r.requiredContexts],
          production_environment: f.productionEnvironment,
          description: clip(`deploy-guard: rollback of ${f.badVersion} to ${f.target.version}`),
          payload: ledgerPayload(f)
        }
      }
    case 'webhook':
      return {
        strategy: 'webhook',
        where: `POST ${urlText(r.webhook?.url ?? '', { query: false })}`,
        payload: { action: 'rollback', repository: f.repository, ...names }
      }
    case 'none':
      throw new Error('planDelivery: no strategy')
  }
}
