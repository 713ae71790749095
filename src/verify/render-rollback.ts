import type { RollbackOutcome, RollbackReport } from '../facts/outcomes.js'
import { inline, link } from '../text/markdown.js'

/** Pure: the report's form of the rollback step's outcome. */
export function rollbackReport(o: RollbackOutcome): RollbackReport {
  return {
    triggered: o.triggered,
    strategy: o.strategy,
    fromVersion: o.fromVersion,
    ...(o.toVersion && { toVersion: o.toVersion }),
    ...(o.toSha && { toSha: o.toSha }),
    reason: o.reason,
    failed: o.failed,
    rollbackOfRollback: o.rollbackOfRollback,
    dryRun: o.dryRun === true,
    ...(o.sentAt !== undefined && { sentAt: new Date(o.sentAt).toISOString() }),
    ...(o.url && { url: o.url }),
    ...(o.delivery && { delivery: o.delivery }),
    ...(o.restore && { restore: o.restore })
  }
}

/** Pure: the job summary's rollback section: the outcome, what was sent where, the run it started, and the payload. */
export function renderRollback(r: RollbackReport | undefined): string {
  if (!r) return ''
  const lines = ['### Rollback', headline(r)]
  if (r.restore) lines.push(`${RESTORE_WORDS[r.restore.state]}: ${inline(r.restore.reason)}`)
  const d = r.delivery
  if (d) {
    const facts = [
      `**${r.dryRun ? 'Would send to' : 'Sent to'}:** ${inline(d.where)}`,
      d.run ? `**Run started:** ${link(`run ${d.run.id}`, d.run.url)}` : '',
      d.deploymentId !== undefined ? `**Recorded as** deployment ${d.deploymentId}` : '',
      d.webhook ? `**Delivery** \`${inline(d.webhook.delivery)}\`: ${inline(d.webhook.attempts)}` : ''
    ].filter(Boolean)
    lines.push(facts.join(' · '), `<details><summary>Payload</summary>\n\n${fenced(JSON.stringify(d.payload, null, 2))}\n\n</details>`)
  }
  return lines.join('\n\n')
}

function headline(r: RollbackReport): string {
  const to = r.toVersion ? ` \`${inline(r.fromVersion)}\` → \`${inline(r.toVersion)}\`` : ''
  if (r.rollbackOfRollback) return `🚨 **Not rolled back: ${inline(r.fromVersion)} was itself a rollback.** ${inline(r.reason)}`
  if (r.dryRun) return `🧪 **Dry run:** would roll back${to}. ${inline(r.reason)}`
  if (r.triggered) return `↩️ **Rolled back**${to}${r.url ? ` (${link('what it started', r.url)})` : ''}. ${inline(r.reason)}`
  if (r.failed) return `❌ **Rollback failed**${to}: ${inline(r.reason)}`
  return `⏸️ **No rollback:** ${inline(r.reason)}`
}

/** A code block whose fence no backtick run inside the text can close. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence}json\n${text}\n${fence}`
}

const RESTORE_WORDS = { restored: '💚 **Restored**', 'not restored': '🔴 **Not restored**', 'not watched': '⚪ **Not watched**' } as const
