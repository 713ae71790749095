import type { Clock } from '../engine/clock.js'
import type { VerificationResult } from '../engine/run-verification.js'
import { buildReport } from './build-report.js'
import { renderSummary } from './render-summary.js'
import { failedChecks, type ActionTaken, type Result, type VerifyReport } from '../facts/verify-report.js'
import type { ModeResult } from '../mode/mode.js'
import type { Log } from '../runner/log.js'
import type { Outputs } from '../runner/outputs.js'
import { runUrl } from '../settings/context.js'
import type { VerifyModeSettings } from '../settings/types.js'
import type { RollbackOutcome } from '../facts/outcomes.js'
import type { IncidentReport } from '../facts/incident-facts.js'

export interface VerifyFacts {
  readonly result: Result
  readonly reason: string
  readonly verification?: VerificationResult
  readonly startedAt: number
  readonly actions: readonly ActionTaken[]
  readonly deployment?: { readonly id: number; readonly url: string }
  readonly cancelled?: boolean
  readonly incident?: IncidentReport
  /** What the rollback step did, when it had something to say. */
  readonly rollback?: RollbackOutcome
}

/**
 * What the run knows as verify's result: the JSON report, the job summary rendered from it, the
 * outputs and the exit code. Made once when the verdict is in (verify.ts publishes it before
 * GitHub is told) and again when GitHub has been told, so a run stopped in between still leaves its verdict.
 */
export function verifyResult(s: VerifyModeSettings, clock: Clock, f: VerifyFacts): ModeResult<VerifyReport> {
  const report = buildReport(s, { ...f, endedAt: clock.now(), runUrl: runUrl(s.context) })
  const failsJob = report.result === 'failed' || (report.result === 'inconclusive' && (s.verify.inconclusiveFailsJob || f.cancelled === true))
  return { report, summarize: renderSummary, outputs: verifyOutputs(report), exitCode: failsJob ? 1 : 0 }
}

/** The outputs of PRODUCT.md section 3 from a verify report. */
function verifyOutputs(r: VerifyReport): Outputs {
  return {
    result: r.result,
    'failed-checks': JSON.stringify(failedChecks(r)),
    'rolled-back': String(r.rollback?.triggered === true),
    'rollback-version': r.rollback?.triggered ? (r.rollback.toVersion ?? '') : '',
    ...(r.incident?.number !== undefined && { 'incident-issue-number': String(r.incident.number), 'incident-issue-url': r.incident.url ?? '' })
  }
}

/**
 * Failed checks as errors, inconclusive ones as warnings, and one closing line: an error when it
 * fails the job and no check said so. From the report as published (redacted): titles are not redacted by the log.
 */
export function annotate(log: Log, report: VerifyReport, failsJob: boolean): void {
  for (const c of report.checks.filter((c) => c.status === 'failed' || c.status === 'inconclusive')) {
    const at = c.decidedBy ? `${c.decidedBy.detail}; ` : ''
    const text = `${c.name} ${c.status}: ${at}${c.reason}`
    if (c.status === 'failed') log.error(text, { title: `deploy-guard: ${c.name}` })
    else log.warning(text, { title: `deploy-guard: ${c.name}` })
  }
  const line = `deploy-guard: ${report.result}: ${report.reason}`
  if (failsJob && !report.checks.some((c) => c.status === 'failed')) log.error(line, { title: 'deploy-guard' })
  else log.info(line)
}
