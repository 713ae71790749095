import type { Clock } from '../engine/clock.js'
import type { GitHubConnection } from '../github/connect.js'
import type { DeploymentHistory, PastDeployment } from '../github/deployment-history.js'
import { createDeployment, markDeployment, type NewDeployment } from '../github/deployments.js'
import type { Log } from '../runner/log.js'
import { versionKey } from './judge.js'
import { RECORD_TASK, ledgerPayload, type PlanFacts } from './rollback-plan.js'
import type { RollbackDelivery } from '../facts/outcomes.js'
import { triggerFor } from './triggers/registry.js'
import { RECORD_TEXT } from './rollback-ledger.js'
import { messageOf } from '../values/message-of.js'

/** How sending went: sent (with what it started), lost to another job of the run, or failed. */
export type SendResult =
  | { readonly kind: 'sent'; readonly delivery: RollbackDelivery; readonly sentAt: number }
  | { readonly kind: 'lost'; readonly winner: number; readonly delivery: RollbackDelivery }
  | { readonly kind: 'failed'; readonly error: string; readonly delivery: RollbackDelivery }

export interface SendDeps {
  readonly gh: GitHubConnection
  readonly history: DeploymentHistory
  readonly clock: Clock
  readonly log: Log
}

/**
 * Records the rollback in the ledger, then sends it. The record is a deployment of the good
 * release whose payload says what it replaces and which run sent it (for the `deployment`
 * strategy that deployment is the trigger itself). It doubles as a claim: two jobs of one
 * attempt that both got here re-read the newest deployments and only the lower id sends, so a
 * second job triggers nothing twice. A send that fails marks the record `error`, so a re-run
 * may try again; one that goes out marks it `queued` (sent, or confirmed when GitHub named the
 * run it started). `resume` sends for a record a run claimed without any trace of a send.
 */
export async function sendRollback(f: PlanFacts, planned: RollbackDelivery, deps: SendDeps, resume?: { recordId: number }): Promise<SendResult> {
  const { gh, log } = deps
  let recordId: number
  if (resume) recordId = resume.recordId
  else {
    try {
      recordId = await createDeployment(gh.client, gh.repo, recordOf(f, planned))
    } catch (e) {
      return { kind: 'failed', error: messageOf(e), delivery: planned }
    }
  }
  const withRecord = { ...planned, deploymentId: recordId }
  if (!resume) {
    log.info(`Recorded the rollback as deployment ${recordId}`)
    const winner = await firstClaim(f, deps.history).catch(() => undefined)
    if (winner !== undefined && winner !== recordId) {
      await markDeployment(gh.client, gh.repo, recordId, 'inactive', RECORD_TEXT.duplicate(winner), f.runUrl).catch(() => {})
      return { kind: 'lost', winner, delivery: withRecord }
    }
  }
  let sent: RollbackDelivery
  try {
    sent = await triggerFor(f.rollback.strategy).send(f, withRecord, { gh, clock: deps.clock })
  } catch (e) {
    const error = messageOf(e)
    // An outcome GitHub left unknown stays `claimed`: a re-run looks for its effect before sending.
    if ((e as { outcomeUnknown?: boolean }).outcomeUnknown)
      return { kind: 'failed', error: `${error}; a re-run looks for it before sending`, delivery: withRecord }
    await markDeployment(gh.client, gh.repo, recordId, 'error', RECORD_TEXT.failed(error), f.runUrl).catch(() => {})
    const webhook = (e as { webhook?: RollbackDelivery['webhook'] }).webhook
    return { kind: 'failed', error, delivery: { ...withRecord, ...(webhook && { webhook }) } }
  }
  const sentAt = deps.clock.now()
  // A trigger that is its own record was delivered when the record was created.
  if (!triggerFor(sent.strategy).record) {
    const description = sent.run
      ? RECORD_TEXT.confirmed(f.badVersion, f.target.version, `run ${sent.run.id}`)
      : RECORD_TEXT.sent(f.badVersion, f.target.version, sent.strategy)
    await markDeployment(gh.client, gh.repo, recordId, 'queued', description, sent.run?.url || f.runUrl).catch((e: unknown) =>
      log.warning(`The rollback was sent, but its record could not be updated (a re-run looks for its effect before sending again): ${messageOf(e)}`, {
        title: 'deploy-guard: rollback'
      })
    )
  }
  return { kind: 'sent', delivery: sent, sentAt }
}

/** The record deployment: the trigger itself when it is a deployment, a record with its own task for the others. */
function recordOf(f: PlanFacts, planned: RollbackDelivery): NewDeployment {
  const own = triggerFor(planned.strategy).record
  if (own) return own(f, planned)
  return {
    ref: f.target.sha,
    environment: f.environment,
    task: RECORD_TASK,
    description: `deploy-guard: rollback of ${f.badVersion} to ${f.target.version} via ${f.rollback.strategy}`,
    payload: ledgerPayload(f),
    requiredContexts: [],
    productionEnvironment: f.productionEnvironment
  }
}

/** The lowest-id record of a rollback of this bad release by this run attempt: the one that sends. */
async function firstClaim(f: PlanFacts, history: DeploymentHistory): Promise<number | undefined> {
  const bad = versionKey(f.badVersion)
  const mine = (d: PastDeployment): boolean =>
    !!d.rollback && d.rollback.runId === f.runId && d.rollback.runAttempt === f.runAttempt && versionKey(d.rollback.of) === bad
  const ids = (await history.page(1, 20)).filter(mine).map((d) => d.id)
  return ids.length ? Math.min(...ids) : undefined
}
