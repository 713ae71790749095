import type { SeverityDecision } from '../facts/incident-facts.js'
import { SEVERITIES, type Severity, type SeverityRule } from '../settings/incident-settings.js'

/** What the severity rules look at. */
export interface SeverityFacts {
  readonly environment: string
  readonly production: boolean
  readonly result: 'failed' | 'inconclusive'
  /** Tags of the checks that failed or were inconclusive. */
  readonly tags: readonly string[]
  /** The rollback was attempted and failed, or the release was itself a rollback: one level up. */
  readonly rollbackFailed: boolean
  /** `rollback.wait` found the service not restored after the rollback: one level up, as for a failed rollback. */
  readonly notRestored?: boolean
}

/**
 * Pure: the first rule whose conditions all hold gives the level (failed: sev2 and inconclusive:
 * sev3 when none does); a failed rollback, or one that did not restore the service, raises it
 * one level, since the bad release (or the outage) then stays.
 */
export function decideSeverity(rules: readonly SeverityRule[], f: SeverityFacts): SeverityDecision {
  const index = rules.findIndex((r) => matches(r, f))
  const rule = rules[index]
  const base: Severity = rule?.severity ?? (f.result === 'failed' ? 'sev2' : 'sev3')
  const why = rule ? `rule ${index + 1} (${describe(rule)})` : `no rule matched; ${f.result} defaults to ${base}`
  if (!f.rollbackFailed && !f.notRestored) return { severity: base, why }
  const raised = raise(base)
  const cause = f.rollbackFailed ? 'the rollback failed' : 'the rollback did not restore the service'
  const more = raised === base ? `; ${cause}, and ${base} is already the highest level` : `; raised from ${base} because ${cause}`
  return { severity: raised, why: why + more, ...(raised !== base && { raisedFrom: base }) }
}

/** One level more severe, or the same at the top. */
export function raise(s: Severity): Severity {
  return SEVERITIES[Math.max(0, SEVERITIES.indexOf(s) - 1)]
}

/** True when `a` is more severe than `b`. */
export function moreSevere(a: Severity, b: Severity): boolean {
  return SEVERITIES.indexOf(a) < SEVERITIES.indexOf(b)
}

function matches(r: SeverityRule, f: SeverityFacts): boolean {
  return (
    (r.environment === undefined || r.environment === f.environment) &&
    (r.production === undefined || r.production === f.production) &&
    (r.result === undefined || r.result === f.result) &&
    (r.tag === undefined || f.tags.includes(r.tag))
  )
}

function describe(r: SeverityRule): string {
  const parts = [
    r.environment !== undefined && `environment ${r.environment}`,
    r.production !== undefined && (r.production ? 'production' : 'not production'),
    r.result !== undefined && r.result,
    r.tag !== undefined && `tag ${r.tag}`
  ].filter(Boolean)
  return `${parts.length ? parts.join(', ') : 'any'}: ${r.severity}`
}
