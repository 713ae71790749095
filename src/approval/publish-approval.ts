import * as core from '@actions/core'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ApprovalReport } from './approval-report.js'
import { renderApprovalSummary } from './render-approval.js'
import type { Log } from '../runner/log.js'
import { writeSummary } from '../runner/summary.js'
import type { Settings } from '../settings/types.js'
import { GitHubCallError } from '../github/errors.js'
import { inline } from '../text/markdown.js'
import { redact, redactValue } from '../text/redact.js'

/**
 * Writes the verdict of approval or gate: the JSON report, the job summary and the outputs
 * (`result`, `failed-checks` = the failed rules, `report`). Returns the report path.
 */
export async function publishApproval(s: Settings, log: Log, report: ApprovalReport, o: { logRules: boolean } = { logRules: true }): Promise<string> {
  const r = redactValue(report, s.secrets)
  const path = join(s.context.tempDir, `deploy-guard-${s.context.runId || 'local'}-${s.context.runAttempt}-${r.mode}.json`)
  await writeFile(path, JSON.stringify(r, null, 2), 'utf8')
  await writeSummary(redact(renderApprovalSummary(r), s.secrets))
  core.setOutput('result', r.result)
  core.setOutput('failed-checks', JSON.stringify(r.rules.filter((x) => x.status === 'fail').map((x) => x.rule)))
  core.setOutput('report', path)
  if (o.logRules) for (const rule of r.rules) log.info(`  ${rule.status.padEnd(4)} ${rule.rule}: ${rule.detail}`)
  return path
}

/**
 * Runs approval or gate; a GitHub call that failed (a missing permission, a rate limit) becomes
 * one `::error` saying what to do and a failed job, not a stack trace. No verdict: no status.
 */
export async function guardCalls<D extends { log: Log }>(s: Settings, deps: D, mode: (s: Settings, deps: D) => Promise<number>): Promise<number> {
  try {
    return await mode(s, deps)
  } catch (e) {
    if (!(e instanceof GitHubCallError)) throw e
    const message = redact(e.message, s.secrets)
    deps.log.error(`${message} Nothing was judged; the job fails.`, { title: `deploy-guard: ${s.mode}` })
    await writeSummary(`## ⛔ deploy-guard ${s.mode}: cannot judge\n\n${inline(message)}\n`)
    core.setOutput('result', 'failed')
    return 1
  }
}
