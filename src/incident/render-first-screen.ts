// The top of an incident: what an on-call engineer must learn without scrolling (issue 8):
// what failed, when, what changed, what was done, where to look, what to do next.
import type { ChangeSet, IncidentFacts } from '../facts/incident-facts.js'
import { code } from './untrusted.js'
import { span, utc } from './times.js'

const ICON = { failed: '🔴', inconclusive: '🟠' } as const
/** Commits listed at most; the compare link has the rest. */
export const COMMITS_SHOWN = 20

/** The issue title: severity, environment, verdict and version; GitHub renders no markdown there. */
export function incidentTitle(f: IncidentFacts): string {
  return `[${f.severity.severity}] ${f.environment}: ${f.result} verifying ${shortVersion(f.version)} (deploy-guard)`.slice(0, 256)
}

/** Pure: the first screen in markdown; `closeOnRecovery` words the last step. */
export function renderFirstScreen(f: IncidentFacts, closeOnRecovery: boolean): string {
  return [headline(f), whatFailed(f), when(f), whatChanged(f.changes), whatWasDone(f), whereToLook(f), nextSteps(f, closeOnRecovery), escalation(f)]
    .filter(Boolean)
    .join('\n\n')
}

function headline(f: IncidentFacts): string {
  return `## ${ICON[f.result]} ${f.severity.severity} · ${code(f.environment)} ${f.result}: ${code(f.version, { max: 80 })}`
}

function whatFailed(f: IncidentFacts): string {
  const lines = [`### What failed\n\n${code(f.reason, { max: 300 })}`]
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

function when(f: IncidentFacts): string {
  const t = f.times
  const sent = t.rollbackSentAt !== undefined ? `${utc(t.rollbackSentAt)} (+${span(t.rollbackSentAt - t.detectedAt)})` : 'none sent'
  return [
    '### When\n',
    '| deployed | detected | rollback sent |',
    '| --- | --- | --- |',
    `| ${utc(t.deployedAt)} | ${utc(t.detectedAt)} (${span(t.detectedAt - t.deployedAt)} after) | ${sent} |`
  ].join('\n')
}

function whatChanged(c: ChangeSet): string {
  const range = c.base ? `from ${code(c.base, { max: 80 })} (last good) to ${code(c.head, { max: 80 })}` : `up to ${code(c.head, { max: 80 })}`
  const compare = c.compareUrl ? ` · [compare](${c.compareUrl})` : ''
  if (c.note) return `### What changed\n\n${range}: ${c.note}${compare}`
  const head = `### What changed\n\n${c.total} commit${c.total === 1 ? '' : 's'} ${range}${compare}`
  const lines = c.commits.slice(0, COMMITS_SHOWN).map((k) => {
    const who = k.login && k.login !== k.author ? `${code(k.author, { max: 60 })} (${code(k.login, { max: 40 })})` : code(k.author, { max: 60 })
    const pulls = k.pulls.map((n) => `[#${n}](${prUrl(k.url, n)})`).join(' ')
    return `- [${code(k.sha.slice(0, 7))}](${k.url}) ${code(k.title, { max: 120 })} by ${who}${pulls ? ` · ${pulls}` : ''}`
  })
  const more = c.total > lines.length ? [`- … and ${c.total - lines.length} more${c.compareUrl ? ` in the [comparison](${c.compareUrl})` : ''}`] : []
  return [head, '', ...lines, ...more].join('\n')
}

function whatWasDone(f: IncidentFacts): string {
  const lines = [`- **Rollback:** ${rollbackText(f)}`]
  if (f.deployment)
    lines.push(`- **Deployment:** [${f.deployment.id}](${f.deployment.url}) of ${code(f.version, { max: 80 })} set to ${code(f.deployment.state)}`)
  else lines.push('- **Deployment:** not recorded (no deployment status was set)')
  return `### What was done\n\n${lines.join('\n')}`
}

/** The rollback in one sentence; no RollbackOutcome means no rollback step ran. */
export function rollbackText(f: Pick<IncidentFacts, 'rollback'>): string {
  const r = f.rollback
  if (!r) return 'none sent: no rollback is configured for this run.'
  const to = r.toVersion ? ` to ${code(r.toVersion, { max: 80 })}` : ''
  const link = r.url ? ` ([rollback run](${r.url}))` : ''
  if (r.rollbackOfRollback)
    return `none sent: the release verified was itself a rollback, and a rollback is never rolled back; escalated. ${code(r.reason, { max: 200 })}`
  if (r.failed)
    return `**failed** (${code(r.strategy)}${to})${link}: ${code(r.reason, { max: 200 })}; the bad release may still be live, so the severity was raised.`
  if (r.triggered) return `sent by ${code(r.strategy)}${to}${r.sentAt !== undefined ? ` at ${utc(r.sentAt)}` : ''}${link}.`
  return `none sent (${code(r.strategy)}): ${code(r.reason, { max: 200 })}`
}

function whereToLook(f: IncidentFacts): string {
  const links = [
    f.runUrl ? `[workflow run](${f.runUrl})` : 'workflow run: not known outside Actions',
    f.deployment ? `[deployment](${f.deployment.url})` : undefined,
    f.runbookUrl ? `[runbook](${f.runbookUrl})` : 'runbook: none configured (set `runbook-url`)',
    f.artifact?.url ? `[full logs (artifact)](${f.artifact.url})` : undefined
  ].filter(Boolean)
  return `### Where to look\n\n${links.join(' · ')}`
}

function nextSteps(f: IncidentFacts, closeOnRecovery: boolean): string {
  const r = f.rollback
  const good = f.changes.base ? ` to ${code(f.changes.base, { max: 80 })}` : ''
  const steps = [
    r?.triggered && !r.failed
      ? `Follow the rollback to the end${r.url ? ` ([run](${r.url}))` : ''} and confirm the service recovered`
      : r?.failed || r?.rollbackOfRollback
        ? 'Roll back by hand or fix forward: the automatic rollback did not happen'
        : `Decide whether to roll back${good}: no rollback was sent`,
    f.result === 'inconclusive' ? 'Check the monitoring backend: an inconclusive check could not measure' : 'Read the error lines of the logs below',
    f.changes.total > 0
      ? `Look for the cause among the ${f.changes.total} change${f.changes.total === 1 ? '' : 's'} above`
      : 'Look for the cause in the configuration and the platform: no code change is listed',
    'Post what you find in this issue',
    closeOnRecovery
      ? `deploy-guard comments and closes this issue when a later verify of ${code(f.environment)} passes`
      : `deploy-guard comments when a later verify of ${code(f.environment)} passes; close the issue by hand`
  ]
  return `### Next steps\n\n${steps.map((s) => `- [ ] ${s}`).join('\n')}`
}

function escalation(f: IncidentFacts): string {
  const cc = f.mentions.length ? ` · cc ${f.mentions.map((h) => `@${h}`).join(' ')}` : ''
  return `**Severity** ${f.severity.severity}: ${f.severity.why}${cc}`
}

function shortVersion(v: string): string {
  return /^[0-9a-f]{40}$/i.test(v) ? v.slice(0, 7) : v.replace(/[\r\n]/g, ' ').slice(0, 80)
}

function prUrl(commitUrl: string, n: number): string {
  return commitUrl.replace(/\/commit\/[0-9a-f]+$/i, `/pull/${n}`)
}
