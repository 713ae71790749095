import { EMPTY_TALLY, failureLimitNote, roundCount } from '../engine/evaluate.js'
import type { CheckResult, Sample, VerificationResult } from '../engine/run-verification.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { describeCheck, type CheckSpec } from '../checks/registry.js'
import { samplesByCheck, type ActionTaken, type CheckReport, type ReportLimits, type Result, type VerifyReport } from '../facts/verify-report.js'
import type { IncidentReport } from '../facts/incident-facts.js'
import type { RollbackOutcome } from '../facts/outcomes.js'
import { rollbackReport } from './render-rollback.js'

/** What the report needs from a run besides settings; all plain data. */
export interface RunFacts {
  readonly result: Result
  readonly reason: string
  readonly verification?: VerificationResult
  readonly startedAt: number
  readonly endedAt: number
  readonly actions: readonly ActionTaken[]
  readonly runUrl: string
  readonly deployment?: { readonly id: number; readonly url: string }
  readonly cancelled?: boolean
  readonly incident?: IncidentReport
  readonly rollback?: RollbackOutcome
}

/** Pure: the report object from settings and what happened. */
export function buildReport(s: VerifyModeSettings, f: RunFacts): VerifyReport {
  const samples = f.verification?.samples ?? []
  const byCheck = samplesByCheck(samples)
  const results = new Map((f.verification?.checks ?? []).map((c) => [c.name, c]))
  const { checks } = s.verify
  return {
    schemaVersion: 1,
    mode: 'verify',
    result: f.result,
    reason: f.reason,
    environment: s.environment,
    version: s.version,
    deployResult: s.deployResult,
    dryRun: s.dryRun,
    startedAt: new Date(f.startedAt).toISOString(),
    endedAt: new Date(f.endedAt).toISOString(),
    limits: reportLimits(s),
    rounds: f.verification?.rounds ?? 0,
    roundsRun: f.verification?.roundsRun ?? 0,
    stoppedEarly: f.verification?.stoppedEarly ?? false,
    cancelled: f.cancelled === true,
    checks: f.verification ? checks.map((c) => checkReport(c, results.get(c.name), byCheck.get(c.name) ?? [])) : [],
    samples,
    actions: f.actions,
    runUrl: f.runUrl,
    ...(f.deployment && { deployment: f.deployment }),
    ...(f.incident && { incident: f.incident }),
    ...(f.rollback && { rollback: rollbackReport(f.rollback) })
  }
}

/** Pure: the limits in force, noting a failure-limit the window can never exceed. */
export function reportLimits(s: VerifyModeSettings): ReportLimits {
  const { checks: _checks, ...limits } = s.verify
  const note = failureLimitNote(limits.failureLimit, roundCount(limits.durationMs, limits.intervalMs))
  return { ...limits, failureLimitExceedable: note === undefined, ...(note && { failureLimitNote: note }) }
}

function checkReport(c: CheckSpec, r: CheckResult | undefined, own: readonly Sample[]): CheckReport {
  const last = own[own.length - 1]
  const warnings = [...new Set(own.flatMap((x) => x.warnings ?? []))]
  const base = r ?? { name: c.name, status: 'stopped' as const, reason: 'not sampled', tally: EMPTY_TALLY }
  const formula = [...own].reverse().find((x) => x.baseline)?.baseline?.formula
  return {
    ...base,
    type: c.type,
    ...describeCheck(c),
    ...(last?.value !== undefined && { lastValue: last.value }),
    ...(last && { lastDetail: last.detail }),
    ...(formula && { baselineFormula: formula }),
    warnings
  }
}
