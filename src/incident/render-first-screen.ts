// The top of an incident: what an on-call engineer and the coordinator must learn without
// scrolling (issues 8 and 14): what failed, how bad and where, when, what was done, where to
// look, the runbook, what to do next, and what changed. It fits the first 2,500 characters.
import type { IncidentFacts, JobLog } from '../facts/incident-facts.js'
import type { Severity } from '../settings/incident-settings.js'
import { renderChanges } from './render-changes.js'
import { code } from './untrusted.js'
import { span, utc } from './times.js'

const ICON = { failed: '🔴', inconclusive: '🟠' } as const

/** The issue title: severity, environment, verdict and version; GitHub renders no markdown there. */
export function incidentTitle(f: IncidentFacts, severity: Severity = f.severity.severity): string {
  return `[${severity}] ${f.environment}: ${f.result} verifying ${shortVersion(f.version)} (deploy-guard)`.replace(/[\r\n]+/g, ' ').slice(0, 256)
}

/** Pure: the first screen in markdown; `closeOnRecovery` words the last step. */
export function renderFirstScreen(f: IncidentFacts, closeOnRecovery: boolean): string {
  return [headline(f), whatFailed(f), when(f), whatWasDone(f), whereToLook(f), nextSteps(f, closeOnRecovery), renderChanges(f.changes)]
    .filter(Boolean)
    .join('\n\n')
}

function headline(f: IncidentFacts): string {
  const cc = f.mentions.length ? ` · cc ${f.mentions.map((h) => `@${h}`).join(' ')}` : ''
  return `## ${ICON[f.result]} ${f.severity.severity} · ${code(f.environment)} ${f.result}: ${code(f.version, { max: 80 })}\n\n**Severity** ${f.severity.severity}: ${f.severity.why}${cc}`
}

function whatFailed(f: IncidentFacts): string {
  const lines = [`### What failed\n\n${code(f.reason, { max: 300 })}`]
  // A check tagged private keeps the logs out of the issue: its first error line too.
  const job = f.logsWithheld ? undefined : failedJob(f.jobs)
  if (job) lines.push(failedJobLine(job, f.deployResult === 'failure'))
  if (f.checks.length) {
    lines.push(
      '| check | status | observed | bound | why |\n| --- | --- | --- | --- | --- |\n' +
        f.checks
          .map(
            (c) =>
              `| ${code(c.name, { cell: true })} | ${c.status} | ${code(c.observed, { cell: true })} | ${code(c.bound, { cell: true })} | ${code(c.reason, { cell: true })} |`
          )
          .join('\n')
    )
  }
  return lines.join('\n\n')
}

/** The failed job whose log says most: one with error lines first. */
export function failedJob(jobs: readonly JobLog[]): JobLog | undefined {
  const failed = jobs.filter((j) => j.role === 'failed')
  return failed.find((j) => j.excerpt?.errors.length) ?? failed[0]
}

/** The first error line of a job that says something: the runner's closing `exit code` line only when it is all there is. */
export function firstErrorLine(j: JobLog): string | undefined {
  const errors = j.excerpt?.errors.map((e) => e.text.replace(/^\S+Z /, '')) ?? []
  return errors.find((t) => !/^##\[error\]Process completed with exit code/.test(t)) ?? errors[0]
}

function failedJobLine(j: JobLog, deployFailed: boolean): string {
  const step = j.failedStep ? `, step ${code(j.failedStep, { max: 80 })}` : ''
  const first = firstErrorLine(j)
  const said = first ? `: ${code(first, { max: 240 })}` : j.note ? ` (no error line: ${j.note})` : ''
  return `**${deployFailed ? 'Failed deploy job' : 'Failed job'}** ${jobLink(j)}${step}${said}`
}

function when(f: IncidentFacts): string {
  const t = f.times
  const window =
    f.deployResult === 'failure'
      ? 'not verified: the deploy job failed'
      : t.windowStartedAt !== undefined
        ? `${span(t.detectedAt - t.windowStartedAt)} window from ${utc(t.windowStartedAt)}`
        : 'no window'
  const sent = t.rollbackSentAt !== undefined ? `${utc(t.rollbackSentAt)} (+${span(t.rollbackSentAt - t.detectedAt)})` : 'none sent'
  return [
    '### When\n',
    '| deployed | verified | detected | rollback sent |',
    '| --- | --- | --- | --- |',
    `| ${utc(t.deployedAt)} | ${window} | ${utc(t.detectedAt)} (${span(t.detectedAt - t.deployedAt)} after deploy) | ${sent} |`
  ].join('\n')
}

function whatWasDone(f: IncidentFacts): string {
  const lines = [`- **Rollback:** ${rollbackText(f)}`]
  if (f.deployment)
    lines.push(`- **Deployment:** [${f.deployment.id}](${f.deployment.url}) of ${code(f.version, { max: 80 })} set to ${code(f.deployment.state)}`)
  else lines.push('- **Deployment:** not recorded (no deployment status was set)')
  return `### What was done\n\n${lines.join('\n')}`
}

/** The rollback in one sentence, with what `rollback.wait` found; no RollbackOutcome means no rollback step ran. */
export function rollbackText(f: Pick<IncidentFacts, 'rollback'>): string {
  const r = f.rollback
  if (!r) return 'none sent: no rollback is configured for this run.'
  const to = r.toVersion ? ` to ${code(r.toVersion, { max: 80 })}` : ''
  const link = r.url ? ` ([rollback run](${r.url}))` : ''
  if (r.rollbackOfRollback)
    return `none sent: the release verified was itself a rollback, and a rollback is never rolled back; escalated. ${code(r.reason, { max: 500 })}`
  if (r.failed)
    return `**failed** (${code(r.strategy)}${to})${link}: ${code(r.reason, { max: 500 })}; the bad release may still be live, so the severity was raised.`
  if (r.triggered) return `sent by ${code(r.strategy)}${to}${r.sentAt !== undefined ? ` at ${utc(r.sentAt)}` : ''}${link}.${restoreText(r.restore)}`
  return `none sent (${code(r.strategy)}): ${code(r.reason, { max: 500 })}`
}

function restoreText(restore: NonNullable<IncidentFacts['rollback']>['restore']): string {
  if (!restore) return ''
  if (restore.state === 'restored')
    return ` **Restored**${restore.timeToRestoreMs !== undefined ? ` in ${span(restore.timeToRestoreMs)} (time to restore)` : ''}: ${code(restore.reason, { max: 300 })}`
  if (restore.state === 'not watched') return ` Not watched: ${code(restore.reason, { max: 300 })}`
  return ` **Not restored**: ${code(restore.reason, { max: 300 })}; the severity was raised.`
}

function whereToLook(f: IncidentFacts): string {
  const runbook = f.runbookUrl
    ? `[runbook](${f.runbookUrl})`
    : f.playbookUrl
      ? `[incident playbook](${f.playbookUrl}) (no \`runbook-url\` set)`
      : 'runbook: none configured (set `runbook-url`)'
  const links = [
    f.runUrl ? `[workflow run](${f.runUrl})` : 'workflow run: not known outside Actions',
    f.deployment ? `[deployment](${f.deployment.url})` : undefined,
    runbook,
    f.artifact?.url ? `[full logs (artifact)](${f.artifact.url})` : undefined
  ].filter(Boolean)
  return `### Where to look\n\n${links.join(' · ')}`
}

function nextSteps(f: IncidentFacts, closeOnRecovery: boolean): string {
  const r = f.rollback
  const good = f.changes.base ? ` to ${code(f.changes.base, { max: 80 })}` : ''
  const steps = [
    'Name an incident commander: assign this issue to them',
    r?.triggered && !r.failed
      ? r.restore?.state === 'restored'
        ? 'Confirm the service stays healthy on the rolled-back release'
        : `Follow the rollback to the end${r.url ? ` ([run](${r.url}))` : ''} and confirm the service recovered`
      : r?.failed || r?.rollbackOfRollback
        ? 'Roll back by hand or fix forward: the automatic rollback did not happen'
        : `Decide whether to roll back${good}: no rollback was sent`,
    `Check the dashboards of ${code(f.environment)} for impact${f.result === 'inconclusive' ? ', and the monitoring backend: a check could not measure' : ''}`,
    'Tell stakeholders that updates are posted in this issue',
    f.changes.total > 0
      ? `Look for the cause among the ${f.changes.total} change${f.changes.total === 1 ? '' : 's'} below and in the error lines of the logs`
      : 'Look for the cause in the error lines of the logs, the configuration and the platform: no code change is listed',
    closeOnRecovery
      ? `deploy-guard comments and closes this issue when a later verify of ${code(f.environment)} passes`
      : `deploy-guard comments when a later verify of ${code(f.environment)} passes; close the issue by hand`
  ]
  return `### Next steps\n\n${steps.map((s) => `- [ ] ${s}`).join('\n')}`
}

function shortVersion(v: string): string {
  return /^[0-9a-f]{40}$/i.test(v) ? v.slice(0, 7) : v.replace(/[\r\n]/g, ' ').slice(0, 80)
}

/** A job's name, as code, linked to its log page when GitHub gave one. */
export function jobLink(j: Pick<JobLog, 'name' | 'url'>): string {
  const name = code(j.name, { max: 80 })
  return j.url ? `[${name}](${j.url})` : name
}
