import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createProbe } from '../checks/create-probe.js'
import type { Clock } from '../engine/clock.js'
import { runVerification, type Sample, type VerificationResult } from '../engine/run-verification.js'
import { httpRequest } from '../net/http-request.js'
import { buildReport } from '../render/build-report.js'
import { redact, redactValue } from '../text/redact.js'
import { renderSummary } from '../render/render-summary.js'
import type { Result, VerifyReport } from '../render/verify-report.js'
import { appendSummary } from '../runner/commands.js'
import type { Log } from '../runner/log.js'
import { formatDuration } from '../settings/parse.js'
import { runUrl } from '../settings/context.js'
import type { Settings } from '../settings/types.js'
import { LedgerSession, type LedgerFactory } from './ledger-session.js'

export interface VerifyDeps {
  readonly log: Log
  readonly clock: Clock
  readonly openLedger: LedgerFactory
}

export interface VerifyOutcome {
  readonly report: VerifyReport
  readonly reportPath: string
  readonly exitCode: number
}

/** verify mode: the window over every check, the deployment record, the report. */
export async function verify(s: Settings, deps: VerifyDeps): Promise<VerifyOutcome> {
  const { log, clock } = deps
  const startedAt = clock.now()
  const url = runUrl(s.context)
  if (s.deployResult === 'cancelled' || s.deployResult === 'skipped') {
    return finish(s, deps, { result: 'skipped', reason: `the deploy job was ${s.deployResult}; nothing to verify`, startedAt, actions: [] })
  }
  // The probes go out first; the GitHub client loads and the deployment is recorded meanwhile.
  const probes = s.verify.checks.map((c) =>
    createProbe(c, {
      request: (r) => httpRequest({ maxBodyBytes: s.verify.maxBodyBytes, maxRedirects: s.verify.maxRedirects, ...r }),
      now: () => clock.now(),
      startedAt
    })
  )
  const running = s.deployResult === 'success' ? runVerification(probes, s.verify, clock, { onSample: (x) => logSample(log, x) }) : undefined
  const session = new LedgerSession(s, deps.openLedger, log, url)
  let verification: VerificationResult | undefined
  if (running) {
    verification = await log.group(`Verifying ${s.version} in ${s.environment}: ${plural(s.verify.checks.length, 'check')}, ${windowText(s)}`, () => running)
  }
  const { result, reason } = verdictOf(s, verification)
  const state = result === 'passed' ? 'success' : result === 'failed' ? 'failure' : 'error'
  // The description is posted to GitHub: a target's answer in the reason may echo a secret.
  const deployment = await session.finish(state, redact(`deploy-guard: ${result}${reason ? `: ${reason}` : ''}`, s.secrets))
  return finish(s, deps, { result, reason, verification, startedAt, actions: session.actions, deployment })
}

function verdictOf(s: Settings, v: VerificationResult | undefined): { result: Result; reason: string } {
  if (!v) return { result: 'failed', reason: `the deploy job reported ${s.deployResult}` }
  const bad = v.checks.filter((c) => c.status === v.verdict)
  if (v.verdict === 'passed') return { result: 'passed', reason: `${plural(v.checks.length, 'check')} passed` }
  const first = bad[0]
  const detail = first?.decidedBy ? `${first.decidedBy.detail}; ${first.reason}` : (first?.reason ?? '')
  return { result: v.verdict, reason: `${bad.map((c) => c.name).join(', ')} ${v.verdict}: ${detail}` }
}

async function finish(
  s: Settings,
  deps: VerifyDeps,
  f: { result: Result; reason: string; verification?: VerificationResult; startedAt: number; actions: VerifyReport['actions']; deployment?: { id: number; url: string } }
): Promise<VerifyOutcome> {
  // The report is redacted as an object, so it stays valid JSON; the summary, outputs and log
  // lines are made from it (the log also redacts itself: runner/redacting-log.ts).
  const report = redactValue(buildReport(s, { ...f, endedAt: deps.clock.now(), runUrl: runUrl(s.context) }), s.secrets)
  const reportPath = join(s.context.tempDir, `deploy-guard-${s.context.runId || 'local'}-${s.context.runAttempt}-${s.environment.replace(/[^\w.-]/g, '_')}.json`)
  await writeFile(reportPath, JSON.stringify(report, null, 2), 'utf8')
  appendSummary(redact(renderSummary(report), s.secrets))
  for (const c of report.checks.filter((c) => c.status === 'failed' || c.status === 'inconclusive')) {
    const at = c.decidedBy ? `${c.decidedBy.detail}; ` : ''
    const text = `${c.name} ${c.status}: ${at}${c.reason}`
    if (c.status === 'failed') deps.log.error(text, { title: `deploy-guard: ${c.name}` })
    else deps.log.warning(text, { title: `deploy-guard: ${c.name}` })
  }
  const line = `deploy-guard: ${report.result}: ${report.reason}`
  if (report.result === 'failed' && !report.checks.some((c) => c.status === 'failed')) deps.log.error(line, { title: 'deploy-guard' })
  else deps.log.info(line)
  const failsJob = report.result === 'failed' || (report.result === 'inconclusive' && s.verify.inconclusiveFailsJob)
  return { report, reportPath, exitCode: failsJob ? 1 : 0 }
}

function windowText(s: Settings): string {
  const v = s.verify
  return v.durationMs === 0 ? 'one round' : `every ${formatDuration(v.intervalMs)} for ${formatDuration(v.durationMs)}`
}

function logSample(log: Log, x: Sample): void {
  if (x.status !== 'pass') log.info(`  round ${x.round} ${x.check}: ${x.status}: ${x.detail}`)
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}
