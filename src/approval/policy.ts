import type { ApprovalSettings } from '../settings/approval-settings.js'
import { activeFreeze, type FreezeHit } from './freeze-windows.js'
import { judgeLabel, labelState, type JudgedLabel } from './label-provenance.js'
import { protectedFiles } from './protected-files.js'
import type { ApproverCheck, ChangedFile, LabelEvent, PullFacts, PushTime } from '../facts/approval-facts.js'

/** What the policy is evaluated on; all plain data read from GitHub beforehand. */
export interface PolicyInput {
  readonly settings: ApprovalSettings
  readonly pr: PullFacts
  readonly files: readonly ChangedFile[]
  /** GitHub's count of changed files; above files.length when its 3,000-file list was cut. */
  readonly changedFiles: number
  /** The PR's labeled and unlabeled events. */
  readonly events: readonly LabelEvent[]
  /** Approval labels are judged as of the merge for gate (by the events); undefined: as GitHub has them now. */
  readonly approvalAsOf?: number
  /** Labels on the PR now, read live (block and emergency labels). */
  readonly labelsNow: readonly string[]
  readonly push: PushTime
  /** Approvers checked so far, by lower-case login. */
  readonly approvers: ReadonlyMap<string, ApproverCheck>
  /** The runner's clock, for freeze windows only: event times are the server's. */
  readonly now: number
}

export type RuleStatus = 'pass' | 'fail' | 'info'

/** One line of the summary: a rule, whether it held, why. */
export interface RuleResult {
  readonly rule: 'pull-request' | 'protected-paths' | 'approval' | 'block-labels' | 'freeze-windows'
  readonly status: RuleStatus
  readonly detail: string
  /** What is missing, in a few words, when it failed. */
  readonly missing?: string
}

export interface PolicyVerdict {
  readonly pass: boolean
  readonly rules: readonly RuleResult[]
  readonly protectedFiles: readonly string[]
  readonly approval?: JudgedLabel
  readonly freeze?: FreezeHit
  /** The emergency label that let the change through the freeze, when one did. */
  readonly override?: JudgedLabel
}

/** The logins whose approver status decides the verdict; the shell asks GitHub about them. */
export function loginsToCheck(input: PolicyInput): string[] {
  const judged = [...approvalJudgements(input), ...emergencyJudgements(input)]
  return [...new Set(judged.map((j) => j.checkLogin).filter((l): l is string => l !== undefined))]
}

/** The verdict of PRODUCT.md section 7. Pure: GitHub's answers and the clock are in `input`. */
export function evaluatePolicy(input: PolicyInput): PolicyVerdict {
  const s = input.settings
  const files = protectedFiles(input.files, s.protectedPaths, s.configFile)
  const cut = input.changedFiles > input.files.length
  const needed = files.length > 0 || cut
  const rules: RuleResult[] = [pathsRule(input, files, cut)]

  const approvals = approvalJudgements(input)
  const approval = approvals.find((j) => j.counts)
  if (!needed) rules.push({ rule: 'approval', status: 'pass', detail: 'not needed: the change touches no protected path' })
  else if (approval) rules.push({ rule: 'approval', status: 'pass', detail: approval.why })
  else rules.push(missingApproval(s, approvals))

  const blocking = input.labelsNow.filter((l) => has(s.blockLabels, l))
  rules.push(
    blocking.length
      ? {
          rule: 'block-labels',
          status: 'fail',
          detail: `blocked by label ${blocking.join(', ')}; remove it to let the change through`,
          missing: `blocked by label ${blocking.join(', ')}`
        }
      : {
          rule: 'block-labels',
          status: 'pass',
          detail: s.blockLabels.length ? `none of ${s.blockLabels.join(', ')} is on the PR` : 'no block labels configured'
        }
  )

  const freeze = activeFreeze(s.freezeWindows, input.now)
  const override = freeze && needed ? emergencyJudgements(input).find((j) => j.counts) : undefined
  rules.push(freezeRule(input, freeze, needed))
  return {
    pass: rules.every((r) => r.status !== 'fail'),
    rules,
    protectedFiles: files,
    ...(approval && { approval }),
    ...(freeze && { freeze }),
    ...(override && { override })
  }
}

function pathsRule(input: PolicyInput, files: string[], cut: boolean): RuleResult {
  const n = input.changedFiles
  const list = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '')
  if (cut && !files.length) {
    return {
      rule: 'protected-paths',
      status: 'info',
      detail: `${n} files changed; GitHub lists only the first ${input.files.length}, none protected: the rest cannot be checked, so approval is needed`
    }
  }
  if (!files.length)
    return {
      rule: 'protected-paths',
      status: 'info',
      detail: `none of ${n} changed file${n === 1 ? '' : 's'} matches ${input.settings.protectedPaths.join(', ')}: approval not needed`
    }
  return {
    rule: 'protected-paths',
    status: 'info',
    detail: `${files.length} of ${n} changed files match ${input.settings.protectedPaths.join(', ')} (${list}): approval needed`
  }
}

function missingApproval(s: ApprovalSettings, judged: JudgedLabel[]): RuleResult {
  const who = s.approvers.length ? `one of ${s.approvers.join(', ')}` : 'someone with maintain or admin permission'
  if (!judged.length) {
    return {
      rule: 'approval',
      status: 'fail',
      detail: `no approval label: ${who} must add ${s.labels.join(' or ')} after the latest push`,
      missing: `needs label ${s.labels[0]} from an approver`
    }
  }
  return { rule: 'approval', status: 'fail', detail: judged.map((j) => j.why).join('; '), missing: judged[0].missing }
}

function freezeRule(input: PolicyInput, freeze: FreezeHit | undefined, needed: boolean): RuleResult {
  const s = input.settings
  if (!freeze) {
    return {
      rule: 'freeze-windows',
      status: 'pass',
      detail: s.freezeWindows.length ? `not in a freeze window (${s.freezeWindows.map((w) => w.name).join(', ')})` : 'no freeze windows configured'
    }
  }
  const during = `freeze window ${freeze.window.name} until ${freeze.untilText}`
  if (!needed) return { rule: 'freeze-windows', status: 'pass', detail: `${during}, but the change touches no protected path` }
  const emergencies = emergencyJudgements(input)
  const override = emergencies.find((j) => j.counts)
  if (override) return { rule: 'freeze-windows', status: 'pass', detail: `${during}, overridden: ${override.why}` }
  if (!s.emergencyLabels.length) {
    // approval.emergency-labels: [] means no override exists: do not send people looking for one.
    return {
      rule: 'freeze-windows',
      status: 'fail',
      detail: `${during}: no emergency override is configured (approval.emergency-labels is empty); wait until the window ends`,
      missing: `${during}; no emergency override configured`
    }
  }
  const why = emergencies.length ? `; ${emergencies.map((j) => j.why).join('; ')}` : ''
  return {
    rule: 'freeze-windows',
    status: 'fail',
    detail: `${during}: needs ${s.emergencyLabels.join(' or ')} added by an approver after the latest push${why}`,
    missing: `${during}: needs label ${s.emergencyLabels[0]} from an approver`
  }
}

function approvalJudgements(input: PolicyInput): JudgedLabel[] {
  const asOf = input.approvalAsOf
  return judgements(input, input.settings.labels, asOf ?? Infinity, asOf === undefined ? input.labelsNow : undefined)
}

function emergencyJudgements(input: PolicyInput): JudgedLabel[] {
  return judgements(input, input.settings.emergencyLabels, Infinity, input.labelsNow)
}

/**
 * Judges each of `names` on the PR. Presence is what GitHub says now (`present`); as of an
 * earlier instant (gate: the merge) it is what the events say then.
 */
function judgements(input: PolicyInput, names: readonly string[], asOf: number, present: readonly string[] | undefined): JudgedLabel[] {
  const state = labelState(input.events, asOf)
  const on = present ?? [...state.values()].map((e) => e.label)
  const c = { settings: input.settings, pr: input.pr, push: input.push, approvers: input.approvers }
  return on.filter((l) => has(names, l)).map((l) => judgeLabel(l, state.get(l.toLowerCase()), c))
}

function has(list: readonly string[], label: string): boolean {
  return list.some((x) => x.toLowerCase() === label.toLowerCase())
}
