// Writing the environment's incident issue: a new one (and the second look for a concurrent
// run's), or a comment on the open one with its title and labels following the latest failure.
// Each later write that fails is kept, never thrown: an issue that exists is always named.
import type { IncidentFacts } from '../facts/incident-facts.js'
import type { IncidentOutcome } from '../facts/outcomes.js'
import { environmentLabel } from '../facts/incident-marker.js'
import type { IncidentIssues, OpenIncident } from '../github/incidents.js'
import type { Severity } from '../settings/incident-settings.js'
import { messageOf } from '../values/message-of.js'
import { latestState } from './latest-state.js'
import type { RenderedIncident } from './render-incident.js'

/** An issue that exists, what this run posted to it, and each later write that failed (never thrown: the issue is still named). */
export type Posted = {
  number: number
  url: string
  action: IncidentOutcome['action']
  delivered: boolean
  failed: string[]
  detail?: string
  title?: string
  severity?: Severity
}

/**
 * A comment on the open incident; then its title and labels follow this failure (version,
 * verdict, severity: latest-state.ts), and a `recovered` mark from an earlier recovery goes.
 */
export async function update(
  issues: IncidentIssues,
  open: OpenIncident,
  r: RenderedIncident,
  facts: IncidentFacts,
  redact: (t: string) => string
): Promise<Posted> {
  const failed: string[] = []
  const next = latestState(open.labels, facts)
  const title = redact(next.title)
  const posted: Posted = { number: open.number, url: open.url, action: 'updated', delivered: true, failed, title, severity: next.severity }
  try {
    await issues.comment(open.number, r.body)
  } catch (e) {
    failed.push(messageOf(e))
    return { ...posted, delivered: false }
  }
  await moreComments(issues, open.number, r.comments, failed)
  if (title !== open.title) await issues.retitle(open.number, title).catch((e: unknown) => failed.push(messageOf(e)))
  if (next.addLabels.length || next.removeLabels.length)
    await issues.relabel(open.number, next.addLabels, next.removeLabels).catch((e: unknown) => failed.push(messageOf(e)))
  return posted
}

async function moreComments(issues: IncidentIssues, issue: number, comments: readonly string[], failed: string[]): Promise<void> {
  for (const c of comments) {
    try {
      await issues.comment(issue, c)
    } catch (e) {
      failed.push(messageOf(e))
      return
    }
  }
}

/**
 * A new issue, then a second look: two runs failing at once may both have opened one. The
 * oldest stays; a younger one this run opened is closed as its duplicate, and this run's
 * evidence goes to the survivor as a comment. Throws only when the issue itself was not opened.
 */
export async function open(
  issues: IncidentIssues,
  s: { readonly environment: string; readonly incident: { readonly labels: readonly string[]; readonly assignees: readonly string[] } },
  r: RenderedIncident,
  asUpdate: () => RenderedIncident,
  severity: Severity,
  facts: IncidentFacts,
  redact: (t: string) => string
): Promise<Posted> {
  const labels = [...new Set([...s.incident.labels, severity, environmentLabel(s.environment)])]
  const made = await issues.create({ title: r.title, body: r.body, labels, assignees: s.incident.assignees })
  const failed: string[] = []
  await moreComments(issues, made.number, r.comments, failed)
  const detail = made.assigneesDropped.length
    ? `GitHub refused the assignee${made.assigneesDropped.length === 1 ? '' : 's'} ${made.assigneesDropped.join(', ')} (not collaborators?)`
    : undefined
  const mine: Posted = { number: made.number, url: made.url, action: 'opened', delivered: true, failed, ...(detail && { detail }) }
  const now = await issues.findOpen(s.environment).catch(() => [])
  const survivor = now.find((i) => i.number < made.number)
  if (!survivor) return mine
  try {
    await issues.comment(
      made.number,
      `Duplicate of #${survivor.number}: another run opened the incident of this environment at the same time. This run's evidence is posted there.`
    )
    await issues.close(made.number, 'duplicate')
  } catch (e) {
    // Two open incidents are better named than one hidden: keep ours as the run's incident.
    failed.push(`closing #${made.number} as a duplicate of #${survivor.number}: ${messageOf(e)}`)
    return mine
  }
  const merged = await update(issues, survivor, asUpdate(), facts, redact)
  return { ...merged, detail: `a concurrent run had opened #${survivor.number}; #${made.number} was closed as its duplicate` }
}
