import type { RollbackDelivery } from '../../facts/outcomes.js'
import type { RollbackStrategy } from '../../settings/rollback-settings.js'
import type { PlanFacts } from '../rollback-plan.js'
import { deploymentTrigger } from './deployment.js'
import { noTrigger } from './none.js'
import { repositoryDispatchTrigger } from './repository-dispatch.js'
import type { RollbackTrigger } from './trigger.js'
import { webhookTrigger } from './webhook.js'
import { workflowTrigger } from './workflow.js'

/**
 * Every rollback trigger by its strategy name. Adding one: its file here, one line below, its
 * line in settings/trigger-sections.ts, its schema definition and docs. The compiler fails when
 * a strategy of the settings has no trigger, or one under another strategy's name.
 */
const TRIGGERS = {
  none: noTrigger,
  workflow: workflowTrigger,
  'repository-dispatch': repositoryDispatchTrigger,
  deployment: deploymentTrigger,
  webhook: webhookTrigger
} as const satisfies { readonly [K in RollbackStrategy]: RollbackTrigger<K> }

/** The trigger of a strategy the settings validated. */
export function triggerFor(strategy: RollbackStrategy): RollbackTrigger {
  return TRIGGERS[strategy]
}

/** The trigger named in a ledger record (written by any version of the action); undefined when unknown. */
export function triggerNamed(name: string): RollbackTrigger | undefined {
  return Object.hasOwn(TRIGGERS, name) ? TRIGGERS[name as RollbackStrategy] : undefined
}

/** Pure: the request the strategy in force sends, with the names of PRODUCT.md section 5. */
export function planDelivery(f: PlanFacts): RollbackDelivery {
  return triggerFor(f.rollback.strategy).plan(f)
}
