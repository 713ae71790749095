// The open incident tells the latest state (PRODUCT.md section 6): when a new failure is added
// to it, its title and labels follow that failure. The severity never drops while the issue is
// open: an inconclusive run after a sev1 failure does not make the incident less urgent.
import type { IncidentFacts } from '../facts/incident-facts.js'
import { SEVERITIES, type Severity } from '../settings/incident-settings.js'
import { incidentTitle } from './render-first-screen.js'
import { moreSevere } from './severity.js'

/** The label an incident left open after a recovery carries, so the next passing run does not comment again. */
export const RECOVERED_LABEL = 'incident:recovered'

/** What to change on the open incident when this failure is added to it. */
export interface LatestState {
  /** The incident's severity: this failure's, or the open issue's when that is higher. */
  readonly severity: Severity
  readonly title: string
  readonly addLabels: readonly string[]
  readonly removeLabels: readonly string[]
}

/** Pure: the open incident's new title and label changes after this failure. */
export function latestState(openLabels: readonly string[], f: IncidentFacts): LatestState {
  const current = SEVERITIES.find((x) => openLabels.includes(x))
  const severity = current && moreSevere(current, f.severity.severity) ? current : f.severity.severity
  const stale = openLabels.filter((l) => (l !== severity && (SEVERITIES as readonly string[]).includes(l)) || l === RECOVERED_LABEL)
  return {
    severity,
    title: incidentTitle(f, severity),
    addLabels: openLabels.includes(severity) ? [] : [severity],
    removeLabels: stale
  }
}
