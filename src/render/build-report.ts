import { boundsText, fmt } from '../checks/bounds.js'
import type { CheckResult, Sample, VerificationResult } from '../engine/run-verification.js'
import type { CheckSpec, Settings } from '../settings/types.js'
import { urlText } from '../text/url-text.js'
import type { RollbackOutcome } from '../modes/follow-ups.js'
import { rollbackReport } from './render-rollback.js'
import { samplesByCheck, type ActionTaken, type CheckReport, type Result, type VerifyReport } from './verify-report.js'

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
  readonly rollback?: RollbackOutcome
}

/** Pure: the report object from settings and what happened. */
export function buildReport(s: Settings, f: RunFacts): VerifyReport {
  const samples = f.verification?.samples ?? []
  const byCheck = samplesByCheck(samples)
  const results = new Map((f.verification?.checks ?? []).map((c) => [c.name, c]))
  const { checks, ...limits } = s.verify
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
    limits,
    rounds: f.verification?.rounds ?? 0,
    roundsRun: f.verification?.roundsRun ?? 0,
    stoppedEarly: f.verification?.stoppedEarly ?? false,
    cancelled: f.cancelled === true,
    checks: f.verification ? checks.map((c) => checkReport(c, results.get(c.name), byCheck.get(c.name) ?? [])) : [],
    samples,
    actions: f.actions,
    runUrl: f.runUrl,
    ...(f.deployment && { deployment: f.deployment }),
    ...(f.rollback && { rollback: rollbackReport(f.rollback) })
  }
}

function checkReport(c: CheckSpec, r: CheckResult | undefined, own: readonly Sample[]): CheckReport {
  const last = own[own.length - 1]
  const warnings = [...new Set(own.flatMap((x) => x.warnings ?? []))]
  const base = r ?? { name: c.name, status: 'stopped' as const, reason: 'not sampled', tally: { pass: 0, fail: 0, error: 0, consecutiveErrors: 0 } }
  const formula = [...own].reverse().find((x) => x.baseline)?.baseline?.formula
  return {
    ...base,
    type: c.type,
    target: target(c),
    ...bound(c),
    ...(last?.value !== undefined && { lastValue: last.value }),
    ...(last && { lastDetail: last.detail }),
    ...(formula && { baselineFormula: formula }),
    warnings
  }
}

function target(c: CheckSpec): string {
  switch (c.type) {
    case 'http':
      return `${c.method} ${urlText(c.url, { query: false })}`
    case 'json':
      return `${c.method} ${urlText(c.url, { query: false })} ${c.path}`
    case 'prometheus':
    case 'datadog':
      return c.query
  }
}

function bound(c: CheckSpec): { bound: string; unit: string; threshold?: number } {
  if (c.type === 'http') {
    const status = c.expectStatus.length ? 'expected status' : '2xx'
    return c.maxLatencyMs !== undefined
      ? { bound: `${status}, <= ${c.maxLatencyMs} ms`, unit: 'ms', threshold: c.maxLatencyMs }
      : { bound: status, unit: 'ms' }
  }
  const threshold = c.max ?? c.min
  const text = c.type === 'prometheus' && c.baseline ? `${boundsText(c)}; baseline +${fmt(c.baseline.maxIncrease * 100)}%` : boundsText(c)
  return { bound: text, unit: '', ...(threshold !== undefined && { threshold }) }
}
