// The incident step of runFollowUps on a failed or inconclusive verdict: gather the evidence
// (logs, changes), decide the severity, then open the environment's incident or comment on the
// open one. Whatever GitHub does, the full text reaches the summary and the report.
import { buildReport } from '../verify/build-report.js'
import type { ActionTaken } from '../facts/verify-report.js'
import type { GitHubConnection } from '../github/connect.js'
import { IncidentIssues } from '../github/incidents.js'
import { open, update } from './write-issue.js'
import type { ChangeSet, IncidentFacts, IncidentReport } from '../facts/incident-facts.js'
import { incidentChecks, logsWithheld, mentionsFor } from './facts-from-verify.js'
import { renderIncident, type RenderedIncident } from './render-incident.js'
import { decideSeverity } from './severity.js'
import { runUrl } from '../settings/context.js'
import { redactorFor } from '../text/redact.js'
import type { FollowUpInput } from '../verify/follow-up-input.js'
import type { IncidentOutcome, RollbackOutcome } from '../facts/outcomes.js'
import { artifactName, artifactPromise, redactLogFiles, uploadLogs } from './log-artifact.js'
import { whatChanged } from './what-changed.js'
import { collectJobLogs, type LogCollection } from './collect-logs.js'
import { notifyChat } from './notify-chat.js'
import { join } from 'node:path'

export interface IncidentStepResult {
  readonly outcome?: IncidentOutcome
  readonly actions: readonly ActionTaken[]
  readonly report?: IncidentReport
}

/**
 * Opens or updates the environment's incident, then uploads the redacted full logs; never
 * throws. The issue goes first: redacting a large log whole takes seconds it need not wait for.
 */
export async function openOrUpdateIncident(input: FollowUpInput, rollback: RollbackOutcome | undefined): Promise<IncidentStepResult> {
  const s = input.settings
  if (!s.incident.enabled || (input.result !== 'failed' && input.result !== 'inconclusive')) return { actions: [] }
  const raw: string[] = []
  const step = await postIncident(input, input.result, rollback, raw)
  if (!raw.length) return step
  const redactor = redactorFor(s.secrets)
  const name = artifactName(s.environment, s.context)
  const files = await redactLogFiles(raw, (t) => redactor.text(t)).catch((e: Error) => e)
  const artifact =
    files instanceof Error
      ? { note: `the logs could not be redacted for the artifact: ${files.message}` }
      : await uploadLogs(files, name, s.context, { retentionDays: s.incident.artifactRetentionDays, unavailable: s.incident.artifactUnavailable })
  const action: ActionTaken = {
    what: 'full job logs as an artifact',
    ok: artifact.url !== undefined,
    ...(artifact.url && { url: artifact.url }),
    detail: artifact.note
  }
  return { ...step, actions: [...step.actions, action], ...(step.report && { report: { ...step.report, artifact: artifact.note } }) }
}

async function postIncident(
  input: FollowUpInput,
  result: 'failed' | 'inconclusive',
  rollback: RollbackOutcome | undefined,
  raw: string[]
): Promise<IncidentStepResult> {
  const s = input.settings
  const redactor = redactorFor(s.secrets)
  const conn = await input.github().catch(() => undefined)
  const issues = conn && new IncidentIssues(conn.client, conn.repo)
  // The lookup, the logs and the changes are independent: they go out together.
  const [existing, logs, changes] = await Promise.all([
    issues ? issues.findOpen(s.environment).catch((e: Error) => e) : [],
    conn
      ? gatherLogs(input, conn, (t) => redactor.text(t))
      : Promise.resolve<LogCollection>({ jobs: [], files: [], note: 'No GitHub connection: the jobs of this run were not listed.' }),
    conn
      ? whatChanged(input, conn, rollback)
      : Promise.resolve<ChangeSet>({ head: s.version, commits: [], total: 0, note: 'not known without a GitHub connection' })
  ])
  raw.push(...logs.files)
  const artifact = logs.files.length
    ? artifactPromise(artifactName(s.environment, s.context), runUrl(s.context), s.incident.artifactUnavailable, logs.dir ?? '')
    : undefined
  const report = buildReport(s, {
    result,
    reason: input.reason,
    startedAt: input.startedAt,
    endedAt: input.decidedAt,
    actions: [],
    runUrl: runUrl(s.context),
    ...(input.verification && { verification: input.verification })
  })
  const checks = incidentChecks(report.checks, s.verify.checks)
  const severity = decideSeverity(s.incident.severityRules, {
    environment: s.environment,
    production: s.productionEnvironment,
    result,
    tags: checks.flatMap((c) => c.tags),
    rollbackFailed: rollback?.failed === true || rollback?.rollbackOfRollback === true,
    notRestored: rollback?.restore?.state === 'not restored'
  })
  const withheld = logsWithheld(s.incident, checks)
  const told: IncidentFacts = {
    environment: s.environment,
    version: s.version,
    result,
    reason: input.reason,
    deployResult: s.deployResult,
    severity,
    mentions: mentionsFor(s.incident, severity.severity, checks),
    checks,
    times: {
      deployedAt: Math.min(logs.deployedAt ?? input.startedAt, input.decidedAt),
      detectedAt: input.decidedAt,
      windowStartedAt: input.startedAt,
      ...(rollback?.sentAt !== undefined && { rollbackSentAt: rollback.sentAt })
    },
    ...(rollback && { rollback }),
    ...(input.deployment && { deployment: { ...input.deployment, state: result === 'failed' ? 'failure' : 'error' } }),
    runUrl: report.runUrl,
    runbookUrl: s.incident.runbookUrl,
    playbookUrl: s.incident.playbookUrl,
    repoUrl: repoUrl(input),
    changes,
    jobs: logs.jobs,
    ...(withheld && { logsWithheld: withheld }),
    ...(artifact && { artifact }),
    ...(logs.note && { jobsNote: logs.note })
  }
  // Nothing leaves unredacted: the facts are redacted whole before the renderer cuts any of
  // them to fit (a cut first could leave half a secret no pattern knows), and the result again.
  const facts = redactor.value(told)
  const redact = (r: RenderedIncident): RenderedIncident => ({
    title: redactor.text(r.title),
    body: redactor.text(r.body),
    comments: r.comments.map((c) => redactor.text(c))
  })
  const asNew = redact(renderIncident(facts, 'open', s.incident.closeOnRecovery))
  let asComment: RenderedIncident | undefined
  // Rendered when needed, once: for the comment on an open incident and again for the report's text.
  const asUpdate = (): RenderedIncident => (asComment ??= redact(renderIncident(facts, 'update', s.incident.closeOnRecovery)))
  const base = { title: asNew.title, severity: severity.severity }
  const fullText = (r: RenderedIncident): string => [r.body, ...r.comments].join('\n\n---\n\n')
  if (!issues) return notPosted(input, asNew, fullText, base, 'no GitHub connection (github-token or GITHUB_REPOSITORY missing)')
  // A lookup that failed is no reason to leave the failure without an incident: open one, and
  // the second look after creating closes it as a duplicate if one was open after all.
  const lookupFailed = existing instanceof Error ? `listing open incidents failed (${existing.message}); opened one anyway` : undefined
  const openNow = existing instanceof Error ? [] : existing
  const posted = openNow.length
    ? await update(issues, openNow[0], asUpdate(), facts, redactor.text.bind(redactor))
    : await open(issues, input.settings, asNew, asUpdate, severity.severity, facts, redactor.text.bind(redactor)).catch((e: unknown) =>
        e instanceof Error ? e : new Error(String(e))
      )
  if (posted instanceof Error) return notPosted(input, asNew, fullText, base, posted.message)
  const outcome: IncidentOutcome = { number: posted.number, url: posted.url, action: posted.action }
  const failed = posted.failed.join('; ')
  if (failed) input.log.warning(`Incident #${posted.number}: ${failed}`, { title: 'deploy-guard: incident issue' })
  const detail = [posted.detail, lookupFailed, failed && `not done: ${failed}`].filter(Boolean).join('; ')
  const verb = posted.action === 'opened' ? 'opened' : posted.delivered ? 'commented on' : 'could not comment on'
  const actions: ActionTaken[] = [
    { what: `${verb} incident #${posted.number} (${severity.severity})`, ok: !failed, url: posted.url, ...(detail && { detail }) }
  ]
  const chat = await notifyChat(s, redactor, {
    event: posted.action === 'opened' ? 'opened' : 'updated',
    environment: s.environment,
    version: s.version,
    result,
    severity: severity.severity,
    reason: input.reason,
    issueUrl: posted.url,
    issueNumber: posted.number,
    runUrl: report.runUrl
  })
  if (chat) actions.push(chat)
  return {
    outcome,
    actions,
    report: {
      ...base,
      ...(posted.title && { title: posted.title }),
      ...(posted.severity && { severity: posted.severity }),
      action: posted.action,
      number: posted.number,
      url: posted.url,
      // The issue exists and is named; `error` says what of this run's text did not reach it.
      posted: posted.delivered,
      text: fullText(posted.action === 'opened' ? asNew : asUpdate()),
      ...(failed && { error: failed })
    }
  }
}

async function notPosted(
  input: FollowUpInput,
  r: RenderedIncident,
  fullText: (r: RenderedIncident) => string,
  base: Omit<IncidentReport, 'posted' | 'text'>,
  error: string
): Promise<IncidentStepResult> {
  const s = input.settings
  const message = `Could not post the incident: ${error} The full incident text is in the job summary and the JSON report.`
  input.log.warning(message, { title: 'deploy-guard: incident issue' })
  const actions: ActionTaken[] = [{ what: 'could not post the incident issue', ok: false, detail: error }]
  const chat = await notifyChat(s, redactorFor(s.secrets), {
    event: 'not posted',
    environment: s.environment,
    version: s.version,
    result: input.result,
    ...(base.severity && { severity: base.severity }),
    reason: input.reason,
    runUrl: runUrl(s.context)
  })
  if (chat) actions.push(chat)
  return { actions, report: { ...base, posted: false, text: fullText(r), error } }
}

async function gatherLogs(input: FollowUpInput, conn: GitHubConnection, redact: (t: string) => string): Promise<LogCollection> {
  const s = input.settings
  const runId = Number(s.context.runId)
  if (!runId) return { jobs: [], files: [], note: 'Not running in a workflow run (no GITHUB_RUN_ID): no job logs.' }
  const dir = s.incident.artifact ? join(s.context.tempDir, `deploy-guard-logs-${runId}-${s.context.runAttempt}`) : undefined
  return collectJobLogs(conn, {
    runId,
    attempt: Number(s.context.runAttempt) || 1,
    deployJob: s.incident.deployJob,
    logLines: s.incident.logLines,
    redact,
    ...(dir && { dir })
  })
}

function repoUrl(input: FollowUpInput): string {
  const c = input.settings.context
  return c.repository ? `${c.serverUrl}/${c.repository.owner}/${c.repository.repo}` : ''
}
