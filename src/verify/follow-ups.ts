import type { ActionTaken } from '../facts/verify-report.js'
import type { IncidentOutcome, RollbackOutcome } from '../facts/outcomes.js'
import type { FollowUpInput } from './follow-up-input.js'
import { decisionFor } from '../rollback/decide.js'
import type { IncidentReport } from '../facts/incident-facts.js'

/** What the follow-ups did, for the report, the summary and the outputs. */
export interface FollowUpOutcome {
  readonly actions: readonly ActionTaken[]
  readonly rollback?: RollbackOutcome
  readonly incident?: IncidentOutcome
  /** The incident's full text and fate, for the summary and the report (kept when it could not be posted). */
  readonly incidentReport?: IncidentReport
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
  // The steps load on first use: a passing smoke check never pays for the rollback and incident code.
  const decision = decisionFor(input)
  const rollback = !decision.go && decision.quiet ? { actions: [] } : await (await import('../rollback/rollback-step.js')).rollBack(input, decision)
  actions.push(...rollback.actions)
  const rolled = rollback.outcome ? { rollback: rollback.outcome } : {}
  if (input.result === 'skipped') return { actions, ...rolled }
  if (input.settings.dryRun) {
    const what = input.result === 'passed' ? 'resolve an open incident' : 'open or update the incident issue'
    actions.push({ what: `dry run: would ${what} of ${input.settings.environment}`, ok: true })
    return { actions, ...rolled }
  }
  const incident =
    input.result === 'passed'
      ? await (await import('../incident/recovery-step.js')).resolveIncident(input)
      : await (await import('../incident/incident-step.js')).openOrUpdateIncident(input, rollback.outcome)
  actions.push(...incident.actions)
  const report = 'report' in incident ? incident.report : undefined
  return { actions, ...rolled, ...(incident.outcome && { incident: incident.outcome }), ...(report && { incidentReport: report }) }
}
