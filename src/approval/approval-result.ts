import type { ApprovalReport } from './approval-report.js'
import { renderApprovalSummary } from './render-approval.js'
import type { ModeResult } from '../mode/mode.js'
import type { Log } from '../runner/log.js'

/**
 * The result of approval or gate: the JSON report, the job summary rendered from it and the
 * outputs (`result`, `failed-checks` = the failed rules; `report` is the publisher's).
 */
export function approvalResult(report: ApprovalReport, exitCode: number): ModeResult<ApprovalReport> {
  return {
    report,
    summarize: renderApprovalSummary,
    outputs: { result: report.result, 'failed-checks': JSON.stringify(report.rules.filter((x) => x.status === 'fail').map((x) => x.rule)) },
    exitCode
  }
}

/** One log line per rule, once the verdict is published (the log redacts each line). */
export function logRules(log: Log, report: ApprovalReport): void {
  for (const rule of report.rules) log.info(`  ${rule.status.padEnd(4)} ${rule.rule}: ${rule.detail}`)
}
