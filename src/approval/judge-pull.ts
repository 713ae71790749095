import { evaluatePolicy, loginsToCheck, type PolicyInput, type PolicyVerdict } from './policy.js'
import type { ApproverCheck, PushTime } from '../facts/approval-facts.js'
import { checkApprover } from '../github/approvers.js'
import type { GitHubConnection } from '../github/connect.js'
import { latestPush, readPullHistory, readPushTime, type PullHistory } from '../github/pr-history.js'
import { listChangedFiles, readPullRequest, type PullRequestInfo } from '../github/pull-requests.js'
import type { ApprovalSettings } from '../settings/approval-settings.js'

/** A pull request judged by the policy, with what it was judged on. */
export interface JudgedPull {
  readonly pr: PullRequestInfo
  readonly push: PushTime
  readonly verdict: PolicyVerdict
  /** The label and push history judged; a re-read before posting starts after it. */
  readonly history: PullHistory
  /** The settings judged with (from the base branch's config on pull-request events). */
  readonly settings: ApprovalSettings
}

export interface JudgeOptions {
  /** The runner's clock: freeze windows are judged at this instant. */
  readonly now: number
  /** gate: approval labels and pushes as of the merge; approval mode: as GitHub has them now. */
  readonly asOfMerge?: boolean
  /** The action of the run's pull_request event; synchronize is itself a push. */
  readonly runAction?: string
  /** The policy from the base branch's config, read alongside the PR's history; default: the settings given. */
  readonly policyFor?: (baseRef: string) => Promise<ApprovalSettings>
}

/**
 * Reads what the policy needs, live and in parallel (the PR, then its files, events and push
 * record at once), asks GitHub only about the people whose labels could decide, and judges.
 */
export async function judgePullRequest(conn: GitHubConnection, given: ApprovalSettings, number: number, o: JudgeOptions): Promise<JudgedPull> {
  const { client: gh, repo } = conn
  const pr = await readPullRequest(gh, repo, number)
  const asOf = o.asOfMerge && pr.mergedAt !== undefined ? pr.mergedAt : Infinity
  const [files, history, pushed, settings] = await Promise.all([
    listChangedFiles(gh, repo, number, pr.changedFiles),
    readPullHistory(gh, repo, number),
    readPushTime(gh, { ...pr.head, sha: pr.headSha }, asOf),
    o.policyFor ? o.policyFor(pr.base.ref) : given
  ])
  const s = settings
  const synchronizeAt = o.runAction === 'synchronize' ? Math.max(o.now, ...history.labels.map((e) => e.at)) : undefined
  const push = latestPush(pushed, history.forcePushes, asOf, synchronizeAt)
  const input: PolicyInput = {
    settings: s,
    pr,
    files,
    changedFiles: pr.changedFiles,
    events: history.labels,
    ...(asOf !== Infinity && { approvalAsOf: asOf }),
    labelsNow: pr.labels,
    push,
    approvers: new Map(),
    now: o.now
  }
  const logins = loginsToCheck(input)
  const checks = await Promise.all(logins.map(async (l) => [l.toLowerCase(), await checkApprover(gh, repo, l, s)] as [string, ApproverCheck]))
  return { pr, push, history, settings, verdict: evaluatePolicy({ ...input, approvers: new Map(checks) }) }
}
