import * as core from '@actions/core'
import type { VerifyReport } from '../facts/verify-report.js'
import { failedChecks } from '../facts/verify-report.js'

/**
 * Safe values first, so a later step sees every output even when the run stops at an input
 * error or dies half-way: `result` says nothing passed until a verdict says so.
 */
export function setDefaultOutputs(): void {
  core.setOutput('result', 'inconclusive')
  core.setOutput('failed-checks', '[]')
  core.setOutput('rolled-back', 'false')
  core.setOutput('rollback-version', '')
  core.setOutput('incident-issue-number', '')
  core.setOutput('incident-issue-url', '')
  core.setOutput('report', '')
}

/** The outputs of PRODUCT.md section 3 from a finished verify report. */
export function setVerifyOutputs(r: VerifyReport, reportPath: string): void {
  core.setOutput('result', r.result)
  core.setOutput('failed-checks', JSON.stringify(failedChecks(r)))
  core.setOutput('rolled-back', String(r.rollback?.triggered === true))
  core.setOutput('rollback-version', r.rollback?.triggered ? (r.rollback.toVersion ?? '') : '')
  core.setOutput('report', reportPath)
  if (r.incident?.number !== undefined) {
    core.setOutput('incident-issue-number', String(r.incident.number))
    core.setOutput('incident-issue-url', r.incident.url ?? '')
  }
}

/** drill's outputs: `result` passed (ready to recover) or failed, the release a rollback would redeploy, the report. */
export function setDrillOutputs(result: 'passed' | 'failed', rollbackVersion: string, reportPath: string): void {
  core.setOutput('result', result)
  core.setOutput('rollback-version', rollbackVersion)
  core.setOutput('report', reportPath)
}
