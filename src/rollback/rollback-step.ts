import type { GitHubConnection } from '../github/connect.js'
import { DeploymentHistory, type PastDeployment } from '../github/deployment-history.js'
import { commitOf, defaultBranch, listReleases, listTags } from '../github/releases.js'
import type { FollowUpInput } from '../verify/follow-up-input.js'
import type { RollbackOutcome } from '../facts/outcomes.js'
import type { ActionTaken } from '../facts/verify-report.js'
import { runUrl } from '../settings/context.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { decisionFor, type RollbackDecision } from './decide.js'
import { findLastGood, type HistoryFinding, type RollbackTarget } from './find-last-good.js'
import { pickRelease } from './judge.js'
import type { PlanFacts } from './rollback-plan.js'
import { planDelivery, triggerFor, triggerNamed } from './triggers/registry.js'
import type { RollbackDelivery, Restore } from '../facts/outcomes.js'
import { waitForRestore } from './wait-restore.js'
import { sendRollback } from './send-rollback.js'
import { RECORD_TEXT, delivered, recordState, type RecordState } from './rollback-ledger.js'
import { markDeployment } from '../github/deployments.js'
import { randomUUID } from 'node:crypto'
import { messageOf } from '../values/message-of.js'

/** What the rollback step did: the outcome the incident and the report read, and the actions for the summary. */
export interface RollbackStep {
  readonly outcome?: RollbackOutcome
  readonly actions: readonly ActionTaken[]
}

/**
 * The rollback of PRODUCT.md section 5, run by verify's follow-ups after the deployment status:
 * decide, find the last good release, make sure this release is not itself a rollback and this
 * run has not rolled it back already (both read from GitHub Deployments, never from memory),
 * then record and send, or in a dry run show exactly what would be sent. Never throws.
 */
export async function rollBack(input: FollowUpInput, decision: RollbackDecision = decisionFor(input)): Promise<RollbackStep> {
  const s = input.settings
  const base = { triggered: false, strategy: s.rollback.strategy, fromVersion: s.version, failed: false, rollbackOfRollback: false }
  if (!decision.go) return decision.quiet ? { actions: [] } : { outcome: { ...base, reason: decision.reason }, actions: [] }
  const step = await input.log.group(`Rolling back ${s.version} in ${s.environment} (${s.rollback.strategy})`, async () => {
    try {
      return await rollBackNow(input, base)
    } catch (e) {
      return {
        outcome: { ...base, failed: true, reason: `the rollback failed: ${messageOf(e)}` },
        actions: [{ what: 'could not roll back', ok: false, detail: messageOf(e) }]
      }
    }
  })
  const o = step.outcome
  if (o?.failed) input.log.warning(`Rollback of ${s.version} failed: ${o.reason}`, { title: 'deploy-guard: rollback' })
  else if (o) input.log.info(`Rollback: ${o.reason}`)
  return step
}

type Base = Omit<RollbackOutcome, 'reason'>

async function rollBackNow(input: FollowUpInput, base: Base): Promise<RollbackStep> {
  const s = input.settings
  const done = (o: Partial<RollbackOutcome> & { reason: string }, actions: ActionTaken[] = []): RollbackStep => ({ outcome: { ...base, ...o }, actions })
  const gh = await input.github()
  if (!gh) return done({ reason: 'no github-token or repository: the last good release cannot be looked up; nothing was sent' })
  const history = new DeploymentHistory(gh.client, gh.repo, s.environment)
  const finding = await findLastGood(history, { version: s.version, ...(input.deployment && { deploymentId: input.deployment.id }) })
  const mark = finding.rollbackRecord?.rollback ?? finding.verified?.rollback
  if (mark) {
    const by =
      finding.rollbackRecord && finding.rollbackRecord.id !== input.deployment?.id ? ` (the guard's record, deployment ${finding.rollbackRecord.id})` : ''
    return done({
      rollbackOfRollback: true,
      reason: `${s.version} was itself the rollback of ${mark.of}${by} (sent by run ${mark.runId}); a failing rollback is not rolled back again: escalating`
    })
  }
  const mine = await recordOfThisRun(history, finding.rollbacks, s.context.runId)
  // The ref costs a request only when no input or event names it; asked once, when needed.
  const trigger = triggerFor(s.rollback.strategy)
  let knownRef: string | undefined
  const refOf = async (): Promise<string> =>
    (knownRef ??= trigger.usesRef ? s.rollback.ref || s.context.defaultBranch || (await defaultBranch(gh.client, gh.repo)) : '')
  let resume: PastDeployment | undefined
  if (mine) {
    const r = mine.record.rollback
    const already = (how: string) =>
      done({
        toVersion: mine.record.version ?? mine.record.sha,
        toSha: mine.record.sha,
        url: environmentUrl(s),
        reason: `already rolled back to ${mine.record.version ?? mine.record.sha} by attempt ${r?.runAttempt} of this run (job ${r?.job}, deployment ${mine.record.id}): ${how}; a re-run sends nothing twice`
      })
    if (delivered(mine.state)) return already(mine.state)
    // Claimed, but nothing says it went out: look for its effect before sending anything.
    let proof: string | undefined
    try {
      proof = await effectOf(gh, s, mine.record, await refOf())
    } catch (e) {
      const error = `attempt ${r?.runAttempt} recorded the rollback (deployment ${mine.record.id}) but not whether it went out, and looking for its effect failed: ${messageOf(e)}; nothing was sent, so as not to send it twice`
      return done({ failed: true, reason: error }, [{ what: 'could not tell whether the rollback went out', ok: false, detail: error }])
    }
    if (proof) {
      const bad = r?.of ?? s.version
      const good = mine.record.version ?? mine.record.sha
      await markDeployment(gh.client, gh.repo, mine.record.id, 'queued', RECORD_TEXT.confirmed(bad, good, proof), runUrl(s.context)).catch(() => {})
      return already(`confirmed by its effect: ${proof}`)
    }
    resume = mine.record
  }
  const target: RollbackTarget | undefined = resume
    ? { version: resume.version ?? resume.sha, sha: resume.sha, source: 'deployment', deploymentId: resume.id }
    : (finding.target ?? (await fallbackTarget(gh, s, finding)))
  if (!target) return done({ reason: noTargetReason(s, finding) })
  const delivery = resume?.rollback?.delivery ?? (trigger.deliveryId ? randomUUID() : undefined)
  const facts = planFacts(s, input, target, await refOf(), delivery)
  const planned = planDelivery(facts)
  const to = { toVersion: target.version, toSha: target.sha }
  const found = resume
    ? `recorded by attempt ${resume.rollback?.runAttempt} as deployment ${resume.id}, with no trace of a send`
    : target.source === 'deployment'
      ? `deployment ${target.deploymentId}`
      : `the newest ${target.source} in semver order`
  if (s.dryRun) {
    return done(
      { ...to, delivery: planned, dryRun: true, reason: `dry run: would roll back to ${target.version} (${found}) via ${planned.where}; nothing was sent` },
      [{ what: `dry run: would roll back ${s.version} to ${target.version} via ${planned.where}`, ok: true, detail: JSON.stringify(planned.payload) }]
    )
  }
  const result = await sendRollback(facts, planned, { gh, history, clock: input.clock, log: input.log }, resume && { recordId: resume.id })
  if (result.kind === 'lost') {
    return done({
      ...to,
      delivery: result.delivery,
      reason: `another job of this run recorded the same rollback first (deployment ${result.winner}); it sends it, this one sends nothing`
    })
  }
  if (result.kind === 'failed') {
    return done({ ...to, delivery: result.delivery, failed: true, reason: `could not roll back to ${target.version} via ${planned.where}: ${result.error}` }, [
      { what: `could not roll back ${s.version} to ${target.version} via ${planned.where}`, ok: false, detail: result.error }
    ])
  }
  const d = result.delivery
  // A trigger that is its own record is a deployment of the environment: its page is the link.
  const url = d.run?.url || (triggerFor(d.strategy).record ? environmentUrl(s) : '')
  const started = d.run ? `; started run ${d.run.id}` : d.webhook ? `; delivery ${d.webhook.delivery} (${d.webhook.attempts})` : ''
  const restore = s.rollback.wait ? await watch(input, gh, d) : undefined
  return done(
    {
      ...to,
      triggered: true,
      delivery: d,
      sentAt: result.sentAt,
      ...(url && { url }),
      ...(restore && { restore }),
      reason: `rolled back to ${target.version} (${found}) via ${d.where}${started}`
    },
    [{ what: `rolled back ${s.version} to ${target.version} via ${d.where}`, ok: true, ...(url && { url }), detail: JSON.stringify(d.payload) }]
  )
}

/** rollback.wait: only a workflow run GitHub named can be watched; anything else is left to the next verify. */
async function watch(input: FollowUpInput, gh: GitHubConnection, d: RollbackDelivery): Promise<Restore> {
  if (!d.run)
    return {
      state: 'not watched',
      reason: 'only a workflow run that GitHub names can be watched; the next verify of the environment closes the loop'
    }
  const run = d.run
  return input.log.group(`Waiting for rollback run ${run.id}`, () =>
    waitForRestore(input.settings, gh, run, input.clock, input.decidedAt).catch((e: unknown) => ({
      state: 'not restored' as const,
      reason: `the wait failed: ${messageOf(e)}`
    }))
  )
}

function planFacts(s: VerifyModeSettings, input: FollowUpInput, target: RollbackTarget, ref: string, delivery: string | undefined): PlanFacts {
  const c = s.context
  return {
    rollback: s.rollback,
    repository: c.repository ? `${c.repository.owner}/${c.repository.repo}` : '',
    environment: s.environment,
    productionEnvironment: s.productionEnvironment,
    badVersion: s.version,
    ...(input.deployment && { badDeploymentId: input.deployment.id }),
    target,
    ref,
    runUrl: runUrl(c),
    runId: c.runId,
    runAttempt: c.runAttempt,
    job: c.job,
    ...(delivery && { delivery })
  }
}

/** The newest rollback of the bad release this run recorded that did not fail, with its state (a few records read at most). */
async function recordOfThisRun(
  history: DeploymentHistory,
  rollbacks: readonly PastDeployment[],
  runId: string
): Promise<{ record: PastDeployment; state: RecordState } | undefined> {
  for (const d of rollbacks.filter((r) => runId && r.rollback?.runId === runId).slice(0, 3)) {
    const state = recordState(await history.statuses(d.id), d.rollback?.strategy ?? '')
    if (state !== 'failed' && state !== 'duplicate') return { record: d, state }
  }
  return undefined
}

/**
 * Where a claimed rollback's effect shows, when it went out, as the trigger named in the record
 * looks for it (the run it started since the record); undefined when nothing shows, e.g. a
 * webhook, resent under the delivery id in the record so the receiver can drop a copy.
 */
async function effectOf(gh: GitHubConnection, s: VerifyModeSettings, record: PastDeployment, ref: string): Promise<string | undefined> {
  const trigger = triggerNamed(record.rollback?.strategy ?? '')
  return trigger?.arrived(gh, s.rollback, ref, Date.parse(record.createdAt))
}

/** The releases/tags fallback (rollback.fallback): the newest semver release below the bad one not recorded bad. */
export async function fallbackTarget(
  gh: GitHubConnection,
  s: VerifyModeSettings,
  finding: Pick<HistoryFinding, 'recordedBad'>,
  badVersion = s.version
): Promise<RollbackTarget | undefined> {
  const source = s.rollback.fallback
  if (source === 'none') return undefined
  const list = source === 'releases' ? await listReleases(gh.client, gh.repo) : await listTags(gh.client, gh.repo)
  const pick = pickRelease(list, badVersion, finding.recordedBad)
  if (!pick) return undefined
  const sha = pick.sha ?? (await commitOf(gh.client, gh.repo, pick.tag))
  return { version: pick.tag, sha, source: source === 'releases' ? 'release' : 'tag' }
}

function noTargetReason(s: VerifyModeSettings, f: HistoryFinding): string {
  const read = f.complete ? `all ${f.examined} earlier deployment(s) of ${s.environment}` : `the newest ${f.examined} deployment(s) of ${s.environment}`
  const fallback = s.rollback.fallback === 'none' ? ' (rollback.fallback is none)' : ` nor among the ${s.rollback.fallback} in semver order`
  return `no good release to roll back to: none of ${read} reached success without being failed by deploy-guard${fallback}; nothing was sent`
}

function environmentUrl(s: VerifyModeSettings): string {
  const r = s.context.repository
  return r ? `${s.context.serverUrl}/${r.owner}/${r.repo}/deployments/${encodeURIComponent(s.environment)}` : ''
}
