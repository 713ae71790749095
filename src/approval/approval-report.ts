import type { ActionTaken } from '../facts/verify-report.js'
import { clip } from '../text/clip.js'
import { iso } from './label-provenance.js'
import type { PolicyVerdict, RuleResult } from './policy.js'
import type { PushTime } from '../facts/approval-facts.js'

/** Everything one approval or gate run decided; the JSON report file is this object. */
export interface ApprovalReport {
  readonly schemaVersion: 1
  readonly mode: 'approval' | 'gate'
  readonly result: 'passed' | 'failed'
  /** The verdict in at most 140 characters: the commit status description. */
  readonly reason: string
  /** The commit judged: the PR's head (approval) or the commit to deploy (gate). */
  readonly commit: string
  readonly pullRequest?: {
    readonly number: number
    readonly title: string
    readonly url: string
    readonly author: string
    readonly headSha: string
    readonly mergedAt?: string
  }
  readonly rules: readonly RuleResult[]
  /** Where the policy was read from, when not the workspace (pull-request events: the base branch). */
  readonly policySource?: string
  readonly changedFiles?: number
  readonly protectedFiles: readonly string[]
  readonly push?: { readonly at: string; readonly source: string } | { readonly unknown: string }
  readonly approvedBy?: { readonly label: string; readonly login: string; readonly at: string }
  readonly freeze?: { readonly window: string; readonly until: string }
  readonly evaluatedAt: string
  readonly runUrl: string
  readonly dryRun: boolean
  readonly actions: readonly ActionTaken[]
}

const ORDER: RuleResult['rule'][] = ['pull-request', 'block-labels', 'approval', 'freeze-windows']

/**
 * The commit status description: on a pass who approved, on a failure exactly what is missing,
 * the most blocking first, within GitHub's 140 characters.
 */
export function describeVerdict(rules: readonly RuleResult[], verdict?: PolicyVerdict): string {
  const failed = ORDER.flatMap((r) => rules.filter((x) => x.rule === r && x.status === 'fail'))
  if (failed.length) return clip(failed.map((r) => r.missing ?? r.detail).join('; '))
  const a = verdict?.approval
  const parts = [
    a?.event ? `approved: ${a.label} by @${a.event.actor.login}` : verdict && !verdict.protectedFiles.length ? 'no protected path touched' : 'passed'
  ]
  // Only an emergency label overrides a freeze; a change touching no protected path passes one untouched.
  if (verdict?.freeze && verdict.override) parts.push(`freeze ${verdict.freeze.window.name} overridden`)
  return clip(parts.join('; '))
}

/** The push time as the report shows it. */
export function pushFacts(p: PushTime): ApprovalReport['push'] {
  return 'unknown' in p ? { unknown: p.unknown } : { at: iso(p.at), source: p.source }
}

/** The approval and freeze facts of a verdict, for the report. */
export function verdictFacts(v: PolicyVerdict): Pick<ApprovalReport, 'approvedBy' | 'freeze'> {
  const e = v.approval?.event
  return {
    ...(v.approval && e && { approvedBy: { label: v.approval.label, login: e.actor.login, at: iso(e.at) } }),
    ...(v.freeze && { freeze: { window: v.freeze.window.name, until: v.freeze.untilText } })
  }
}
