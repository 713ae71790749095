import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Clock } from '../engine/clock.js'
import type { VerificationResult } from '../engine/run-verification.js'
import { buildReport } from './build-report.js'
import { renderSummary } from './render-summary.js'
import type { ActionTaken, Result, VerifyReport } from '../facts/verify-report.js'
import type { Log } from '../runner/log.js'
import { setVerifyOutputs } from '../runner/outputs.js'
import { writeSummary } from '../runner/summary.js'
import { runUrl } from '../settings/context.js'
import type { Settings } from '../settings/types.js'
import type { RollbackOutcome } from '../facts/outcomes.js'
import { redact, redactValue } from '../text/redact.js'
import type { IncidentReport } from '../facts/incident-facts.js'

export interface VerifyOutcome {
  readonly report: VerifyReport
  readonly reportPath: string
  readonly exitCode: number
}

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
 * Writes what the run knows: the JSON report, the job summary and the outputs. Called once when
 * the verdict is in (`verdict`: also the annotations and the closing log line) and again when
 * GitHub has been told (`final`), so a run stopped in between still leaves its verdict.
 */
export async function publishVerify(s: Settings, deps: { log: Log; clock: Clock }, f: VerifyFacts, phase: 'verdict' | 'final'): Promise<VerifyOutcome> {
  // The report is redacted as an object, so it stays valid JSON; the summary, outputs and log
  // lines are made from it (the log also redacts itself: runner/redacting-log.ts).
  const report = redactValue(buildReport(s, { ...f, endedAt: deps.clock.now(), runUrl: runUrl(s.context) }), s.secrets)
  const reportPath = join(
    s.context.tempDir,
    `deploy-guard-${s.context.runId || 'local'}-${s.context.runAttempt}-${s.environment.replace(/[^\w.-]/g, '_')}.json`
  )
  await writeFile(reportPath, JSON.stringify(report, null, 2), 'utf8')
  await writeSummary(redact(renderSummary(report), s.secrets))
  setVerifyOutputs(report, reportPath)
  const failsJob = report.result === 'failed' || (report.result === 'inconclusive' && (s.verify.inconclusiveFailsJob || f.cancelled === true))
  if (phase === 'verdict' || f.result === 'skipped') annotate(deps.log, report, failsJob)
  return { report, reportPath, exitCode: failsJob ? 1 : 0 }
}

/** Failed checks as errors, inconclusive ones as warnings, and one closing line: an error when it fails the job and no check said so. */
function annotate(log: Log, report: VerifyReport, failsJob: boolean): void {
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
