import { createProbe } from '../checks/registry.js'
import { runVerification, type CheckResult, type Sample, type VerificationResult } from '../engine/run-verification.js'
import { httpRequest } from '../net/http-request.js'
import type { ActionTaken, Result } from '../facts/verify-report.js'
import { redact } from '../text/redact.js'
import type { Log } from '../runner/log.js'
import type { ModeContext, ModeResult } from '../mode/mode.js'
import type { VerifyReport } from '../facts/verify-report.js'
import { formatDuration } from '../values/parse.js'
import { runUrl } from '../settings/context.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { retriedWrites } from '../github/connect.js'
import { runFollowUps } from './follow-ups.js'
import { LedgerSession, ledgerOf } from './ledger-session.js'
import { saveLedgerState } from './post-step.js'
import { annotate, verifyResult, type VerifyFacts } from './verify-result.js'

/**
 * verify mode: the window over every check, the deployment record, the report. It takes the
 * whole `VerifyModeSettings`: its follow-ups (rollback, incident, recovery) read most of them.
 */
export async function run(ctx: ModeContext): Promise<ModeResult<VerifyReport>> {
  const { settings: s, log, clock } = ctx
  const startedAt = clock.now()
  const url = runUrl(s.context)
  if (s.deployResult === 'cancelled' || s.deployResult === 'skipped') {
    const skipped = { result: 'skipped' as const, reason: `the deploy job was ${s.deployResult}; nothing to verify`, startedAt }
    // A cancelled or skipped deploy rolls back only when rollback.on-deploy-* says so.
    const rollsBack = s.deployResult === 'cancelled' ? s.rollback.onDeployCancelled : s.rollback.onDeploySkipped
    const followUps = rollsBack
      ? await runFollowUps({ settings: s, log, clock, github: ctx.github, ...skipped, cancelled: false, decidedAt: clock.now() })
      : undefined
    return publishVerdict(ctx, { ...skipped, actions: followUps?.actions ?? [], ...(followUps?.rollback && { rollback: followUps.rollback }) })
  }
  // The probes go out first; the GitHub client loads and the deployment is recorded meanwhile.
  const probes = s.verify.checks.map((c) =>
    createProbe(c, {
      request: (r) => httpRequest({ maxBodyBytes: s.verify.maxBodyBytes, maxRedirects: s.verify.maxRedirects, ...r }),
      now: () => clock.now(),
      startedAt
    })
  )
  const session = new LedgerSession(s, ledgerOf(ctx.github), log, url, saveLedgerState)
  // The failure status goes out the moment a check fails; the report waits for the deciding round.
  let failureStatus: ReturnType<LedgerSession['finish']> | undefined
  const onFailed = (c: CheckResult): void => {
    const why = c.decidedBy ? `${c.decidedBy.detail}; ${c.reason}` : c.reason
    failureStatus = session.finish('failure', redact(`deploy-guard: failed: ${c.name} failed: ${why}`, s.secrets))
  }
  const hooks = { onSample: (x: Sample) => logSample(log, x), onFailed, ...(ctx.cancel && { cancel: ctx.cancel }) }
  const running = s.deployResult === 'success' ? runVerification(probes, s.verify, clock, hooks) : undefined
  let verification: VerificationResult | undefined
  if (running) {
    verification = await log.group(`Verifying ${s.version} in ${s.environment}: ${plural(s.verify.checks.length, 'check')}, ${windowText(s)}`, () => running)
  }
  const { result, reason } = verdictOf(s, verification)
  const decidedAt = clock.now()
  const cancelled = verification?.cancelled === true && result !== 'failed'
  const state = cancelled ? 'error' : result === 'passed' ? 'success' : result === 'failed' ? 'failure' : 'error'
  // The description is posted to GitHub: a target's answer in the reason may echo a secret.
  const description = redact(`deploy-guard: ${cancelled ? 'cancelled' : result}${reason ? `: ${reason}` : ''}`, s.secrets)
  // The verdict, summary, report and outputs are written before GitHub gets a say in how long
  // the run takes; the deployment status then follows, and the files are written again.
  const pending: ActionTaken = {
    what: `setting the deployment of ${s.version} to ${state}`,
    ok: true,
    detail: 'pending: the run stopped before GitHub answered'
  }
  const facts = { result, reason, startedAt, ...(verification && { verification }), ...(cancelled && { cancelled }) }
  const first = await publishVerdict(ctx, { ...facts, actions: s.dryRun ? session.actions : [...session.actions, pending] })
  // A dry run records nothing, but its follow-ups still show what they would send.
  if (!session.records && s.rollback.strategy === 'none') return first
  const deployment = !session.records ? undefined : failureStatus && state === 'failure' ? await failureStatus : await session.finish(state, description)
  const followUps = await runFollowUps({
    settings: s,
    log,
    clock,
    github: ctx.github,
    result,
    reason,
    cancelled,
    startedAt,
    decidedAt,
    ...(verification && { verification }),
    ...(deployment && { deployment })
  })
  const { rollback } = followUps
  const incident = followUps.incidentReport
  return verifyResult(s, clock, {
    ...facts,
    actions: [...session.actions, ...followUps.actions, ...(await retriedWrites(ctx.github))],
    ...(deployment && { deployment }),
    ...(rollback && { rollback }),
    ...(incident && { incident })
  })
}

/** Publishes the verdict now, before GitHub gets a say in how long the run takes, with its annotations and closing line. */
async function publishVerdict(ctx: ModeContext, f: VerifyFacts): Promise<ModeResult<VerifyReport>> {
  const result = verifyResult(ctx.settings, ctx.clock, f)
  const published = await ctx.publish(result)
  annotate(ctx.log, published.report!, result.exitCode !== 0)
  return result
}

function verdictOf(s: VerifyModeSettings, v: VerificationResult | undefined): { result: Result; reason: string } {
  if (!v) return { result: 'failed', reason: `the deploy job reported ${s.deployResult}` }
  if (v.cancelled && v.verdict !== 'failed') {
    return { result: 'inconclusive', reason: `the run was cancelled after ${v.roundsRun} of ${v.rounds} rounds` }
  }
  const bad = v.checks.filter((c) => c.status === v.verdict)
  if (v.verdict === 'passed') return { result: 'passed', reason: `${plural(v.checks.length, 'check')} passed` }
  const first = bad[0]
  const detail = first?.decidedBy ? `${first.decidedBy.detail}; ${first.reason}` : (first?.reason ?? '')
  return { result: v.verdict, reason: `${bad.map((c) => c.name).join(', ')} ${v.verdict}: ${detail}` }
}

function windowText(s: VerifyModeSettings): string {
  const v = s.verify
  return v.durationMs === 0 ? 'one round' : `every ${formatDuration(v.intervalMs)} for ${formatDuration(v.durationMs)}`
}

function logSample(log: Log, x: Sample): void {
  if (x.status !== 'pass') log.info(`  round ${x.round} ${x.check}: ${x.status}: ${x.detail}`)
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
