import { setOutput } from '../runner/commands.js'
import type { VerifyReport } from './verify-report.js'
import { failedChecks } from './verify-report.js'

/** Safe values first, so a later step sees every output even when the run dies half-way. */
export function setDefaultOutputs(): void {
  setOutput('failed-checks', '[]')
  setOutput('rolled-back', 'false')
  setOutput('rollback-version', '')
  setOutput('incident-issue-number', '')
  setOutput('incident-issue-url', '')
}

/** The outputs of PRODUCT.md section 3 from a finished verify report. */
export function setVerifyOutputs(r: VerifyReport, reportPath: string): void {
  setOutput('result', r.result)
  setOutput('failed-checks', JSON.stringify(failedChecks(r)))
  setOutput('report', reportPath)
}
