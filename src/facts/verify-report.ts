import { fmt } from '../checks/bounds.js'
import type { CheckResult, Sample } from '../engine/run-verification.js'
import type { CheckType, VerifySettings } from '../settings/types.js'
import type { IncidentReport } from './incident-facts.js'
import type { RollbackReport } from './outcomes.js'

export type Result = 'passed' | 'failed' | 'inconclusive' | 'skipped'

/** Something the action did (or, in dry-run, would have done) outside this process. */
export interface ActionTaken {
  readonly what: string
  readonly ok: boolean
  readonly url?: string
  readonly detail?: string
}

/** A check as the report shows it: its result plus what it measures against. */
export interface CheckReport extends CheckResult {
  readonly type: CheckType
  readonly target: string
  readonly bound: string
  /** The number drawn as the threshold line (max, else min, else max latency). */
  readonly threshold?: number
  readonly unit: string
  readonly lastValue?: number
  readonly lastDetail?: string
  readonly baselineFormula?: string
  readonly warnings: readonly string[]
}

/** The limits in force, with what they mean for this window. */
export interface ReportLimits extends Omit<VerifySettings, 'checks'> {
  /** False when failure-limit is not below the window's rounds: then it can never be exceeded. */
  readonly failureLimitExceedable: boolean
  /** Why failure-limit cannot fail a check, when it cannot; shown in the summary too. */
  readonly failureLimitNote?: string
}

/** Everything one verify run saw and did; the JSON report file is this object. */
export interface VerifyReport {
  readonly schemaVersion: 1
  readonly mode: 'verify'
  readonly result: Result
  readonly reason: string
  readonly environment: string
  readonly version: string
  readonly deployResult: string
  readonly dryRun: boolean
  readonly startedAt: string
  readonly endedAt: string
  readonly limits: ReportLimits
  readonly rounds: number
  readonly roundsRun: number
  readonly stoppedEarly: boolean
  /** The workflow was cancelled during the window; the verdict covers what ran before. */
  readonly cancelled: boolean
  readonly checks: readonly CheckReport[]
  readonly samples: readonly Sample[]
  readonly actions: readonly ActionTaken[]
  readonly runUrl: string
  readonly deployment?: { readonly id: number; readonly url: string }
  /** The incident opened, updated or resolved; its full text when it could not be posted. */
  readonly incident?: IncidentReport
  /** The rollback: what was (or would be) sent, where, with which payload, and the run it started. */
  readonly rollback?: RollbackReport
}

/** Samples by check name, in order; built once so reports stay linear in the sample count. */
export function samplesByCheck(samples: readonly Sample[]): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>()
  for (const s of samples) {
    const list = out.get(s.check)
    if (list) list.push(s)
    else out.set(s.check, [s])
  }
  return out
}

export function failedChecks(r: VerifyReport): string[] {
  return r.checks.filter((c) => c.status === 'failed').map((c) => c.name)
}

/**
 * What a check showed, in one phrase: the deciding sample's detail, an http check's last answer
 * (its detail already says status and latency), else the last value with its unit, and with
 * `detail` the last sample's own words after it.
 */
export function observedText(c: CheckReport, { detail = false }: { detail?: boolean } = {}): string {
  if (c.decidedBy) return c.decidedBy.detail
  if (c.type === 'http' && c.lastDetail) return c.lastDetail
  if (c.lastValue !== undefined) return `${fmt(c.lastValue)}${c.unit ? ` ${c.unit}` : ''}${detail && c.lastDetail ? ` (${c.lastDetail})` : ''}`
  return c.lastDetail ?? 'no sample'
}
