import { observedText, type CheckReport } from '../facts/verify-report.js'
import type { CheckSpec, VerifyModeSettings } from '../settings/types.js'
import type { IncidentCheck } from '../facts/incident-facts.js'
import type { Severity } from '../settings/incident-settings.js'

/** Pure: the failed and inconclusive checks of a report, with what was observed and their tags. */
export function incidentChecks(reports: readonly CheckReport[], specs: readonly CheckSpec[]): IncidentCheck[] {
  const tags = new Map(specs.map((c) => [c.name, c.tags]))
  return reports
    .filter((c) => c.status === 'failed' || c.status === 'inconclusive')
    .map((c) => ({ name: c.name, status: c.status, type: c.type, observed: observedText(c), bound: c.bound, reason: c.reason, tags: tags.get(c.name) ?? [] }))
}

/** Pure: who the escalation rules notify: the severity's handles, then those of the failed checks' tags. */
export function mentionsFor(s: VerifyModeSettings['incident'], severity: Severity, checks: readonly IncidentCheck[]): string[] {
  const byTag = [...new Set(checks.flatMap((c) => c.tags))].flatMap((t) => s.tagMentions[t] ?? [])
  return [...new Set([...(s.mentions[severity] ?? []), ...byTag])]
}

/** Pure: the reason logs stay out of the issue, when a failed check carries a private tag. */
export function logsWithheld(s: VerifyModeSettings['incident'], checks: readonly IncidentCheck[]): string | undefined {
  const hit = checks.find((c) => c.tags.some((t) => s.privateTags.includes(t)))
  if (!hit) return undefined
  const tag = hit.tags.find((t) => s.privateTags.includes(t))
  return `Logs are kept out of this issue: a failed check is tagged \`${tag}\`. They are in the artifact, for those with access to the run.`
}
