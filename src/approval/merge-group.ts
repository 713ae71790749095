// approval on merge_group: the queue's group is a temporary branch with every queued PR merged
// on top of the base. Its head gets the deploy-guard/change-approval status, success only when
// every PR in it passes the policy: a queue whose required check never reports stalls.
import type { ApprovalReport } from './approval-report.js'
import { describeVerdict } from './approval-report.js'
import type { RuleResult } from './policy.js'
import { clip } from '../text/clip.js'
import { redact } from '../text/redact.js'
import { commitRange, firstParentLine, MAX_RANGE_COMMITS } from '../github/commit-range.js'
import { APPROVAL_CONTEXT, postApprovalStatus } from '../github/commit-status.js'
import { pullsOf } from '../github/compare.js'
import type { GitHubConnection } from '../github/connect.js'
import { pullRequestsForCommit } from '../github/pull-requests.js'
import { runUrl } from '../settings/context.js'
import type { Settings } from '../settings/types.js'
import type { ModeContext, ModeDeps, ModeResult } from '../mode/mode.js'
import { basePolicy, policySource, type ApprovalModeSettings } from './base-policy.js'
import { judgePullRequest } from './judge-pull.js'
import { approvalResult, logRules } from './approval-result.js'

/** The PR a queue branch is for: `gh-readonly-queue/<base>/pr-<N>-<sha>`. */
export function queuedPull(headRef: string): number | undefined {
  const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/i.exec(headRef)
  return m ? Number(m[1]) : undefined
}

/** Every PR of the event's merge group judged by the policy as GitHub has it now; the group passes when all do. */
export async function judgeGroup(
  s: ApprovalModeSettings,
  deps: ModeDeps,
  conn: GitHubConnection
): Promise<{ pass: boolean; rules: RuleResult[]; reason: string }> {
  const group = s.context.mergeGroup!
  const { numbers, unexplained } = await pullsInGroup(conn, group)
  const rules: RuleResult[] = []
  for (const sha of unexplained) {
    rules.push({
      rule: 'pull-request',
      status: 'fail',
      detail: `commit ${sha.slice(0, 7)} of the group names no pull request: it cannot be judged`,
      missing: `commit ${sha.slice(0, 7)}: no pull request`
    })
  }
  const policyFor = s.baseConfig ? basePolicy(s, conn) : undefined
  for (const n of numbers) {
    const judged = await deps.log.group(`Judging queued pull request #${n}`, () =>
      judgePullRequest(conn, s.approval, n, { now: deps.clock.now(), ...(policyFor && { policyFor }) })
    )
    const why = describeVerdict(judged.verdict.rules, judged.verdict)
    rules.push({
      rule: 'pull-request',
      status: judged.verdict.pass ? 'pass' : 'fail',
      detail: `#${n}: ${why}`,
      ...(!judged.verdict.pass && { missing: `#${n}: ${why}` })
    })
  }
  if (!numbers.length && !unexplained.length) {
    rules.push({
      rule: 'pull-request',
      status: 'fail',
      detail: 'no pull request found in the merge group',
      missing: 'no pull request found in the merge group'
    })
  }
  const pass = rules.every((r) => r.status !== 'fail')
  const list = numbers.map((n) => `#${n}`).join(', ')
  const reason = redact(pass ? clip(`all ${numbers.length} queued PR${numbers.length === 1 ? '' : 's'} approved (${list})`) : describeVerdict(rules), s.secrets)
  return { pass, rules, reason }
}

export async function mergeGroupApproval(ctx: ModeContext<ApprovalModeSettings>, conn: GitHubConnection): Promise<ModeResult<ApprovalReport>> {
  const { settings: s, log } = ctx
  const group = s.context.mergeGroup!
  const { pass, rules, reason } = await judgeGroup(s, ctx, conn)
  const url = runUrl(s.context)
  const report = (actions: ApprovalReport['actions']): ApprovalReport => ({
    schemaVersion: 1,
    mode: 'approval',
    result: pass ? 'passed' : 'failed',
    reason,
    commit: group.headSha,
    rules,
    ...(s.baseConfig && { policySource: policySource(s, group.baseRef) }),
    protectedFiles: [],
    evaluatedAt: new Date(ctx.clock.now()).toISOString(),
    runUrl: url,
    dryRun: s.dryRun,
    actions
  })
  const judgedOnly = approvalResult(report([]), pass ? 0 : 1)
  await ctx.publish(judgedOnly)
  logRules(log, judgedOnly.report!)
  if (pass) log.info(`deploy-guard: merge group ${group.headSha.slice(0, 7)} approved: ${reason}`)
  else log.error(`merge group ${group.headSha.slice(0, 7)}: ${reason}`, { title: 'deploy-guard: merge group not approved' })
  if (s.dryRun) return judgedOnly
  const state = pass ? 'success' : 'failure'
  const posted = await postApprovalStatus(conn.client, conn.repo, group.headSha, state, reason, url)
  const what = `${APPROVAL_CONTEXT} ${state} on ${group.headSha.slice(0, 7)} (merge group)`
  if (!posted.ok) log.error(`${posted.message} The merge queue waits for this status: the job fails.`, { title: 'deploy-guard: status not posted' })
  return approvalResult(report([{ what, ok: posted.ok, detail: posted.ok ? reason : posted.message }]), pass && posted.ok ? 0 : 1)
}

/**
 * The PRs of a group: the one its branch is named for, and those the merges on the first-parent
 * line from base to head name (`Merge pull request #N`, `Title (#N)`); a commit naming none is
 * looked up in commits-to-pulls, and left unexplained (which fails the group) when that finds none.
 */
async function pullsInGroup(conn: GitHubConnection, g: NonNullable<Settings['context']['mergeGroup']>): Promise<{ numbers: number[]; unexplained: string[] }> {
  const numbers = new Set<number>()
  const own = queuedPull(g.headRef)
  if (own !== undefined) numbers.add(own)
  const unexplained: string[] = []
  const range = await commitRange(conn.client, conn.repo, g.baseSha, g.headSha)
  if (range.total > MAX_RANGE_COMMITS) return { numbers: [...numbers], unexplained: [`${g.headSha} (more than ${MAX_RANGE_COMMITS} commits)`] }
  for (const c of firstParentLine(range.commits, g.headSha)) {
    const named = pullsOf(c.title)
    if (named.length) {
      for (const n of named) numbers.add(n)
      continue
    }
    const found = (await pullRequestsForCommit(conn.client, conn.repo, c.sha)).filter((p) => p.state === 'open')
    if (found.length) for (const p of found) numbers.add(p.number)
    else unexplained.push(c.sha)
  }
  return { numbers: [...numbers].sort((a, b) => a - b), unexplained }
}
