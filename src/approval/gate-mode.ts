import { describeVerdict, pushFacts, verdictFacts, type ApprovalReport } from './approval-report.js'
import { activeFreeze } from './freeze-windows.js'
import type { RuleResult } from './policy.js'
import { commitRange, defaultBranchOf, isOnBranch, MAX_RANGE_COMMITS } from '../github/commit-range.js'
import type { GitHubConnection } from '../github/connect.js'
import { pullRequestsForCommit, resolveCommit, type CommitPull } from '../github/pull-requests.js'
import { runUrl } from '../settings/context.js'
import type { ModeContext, ModeDeps, ModeResult } from '../mode/mode.js'
import { redact } from '../text/redact.js'
import { UserError } from '../values/user-error.js'
import { policySource, type ApprovalModeSettings } from './base-policy.js'
import { judgeGroup } from './merge-group.js'
import { judgePullRequest, type JudgedPull } from './judge-pull.js'
import { approvalResult, logRules } from './approval-result.js'

/**
 * gate mode, before a deploy: every commit to deploy (each one a push brought) must be on the
 * default branch and have come through a pull request that the policy approved as of its merge,
 * and no freeze window may be on now (unless an approver added an emergency label). On
 * merge_group every queued PR must pass. It writes nothing on GitHub: the verdict is the job's result.
 */
export async function run(ctx: ModeContext<ApprovalModeSettings>): Promise<ModeResult<ApprovalReport>> {
  const { settings: s, log } = ctx
  const conn = await ctx.github()
  if (!conn) {
    log.error('gate needs github-token and GITHUB_REPOSITORY to find the pull request of the commit; the deploy is refused.', { title: 'deploy-guard: gate' })
    return { exitCode: 1 }
  }
  const now = ctx.clock.now()
  const sha = await commitToDeploy(conn, s)
  const base = {
    schemaVersion: 1 as const,
    mode: 'gate' as const,
    commit: sha,
    evaluatedAt: new Date(now).toISOString(),
    runUrl: runUrl(s.context),
    dryRun: s.dryRun,
    actions: []
  }
  let report: ApprovalReport
  if (s.context.mergeGroup && !versionGiven(s)) {
    // A queued merge is not a direct push: it is judged by the PRs in the group.
    const g = await judgeGroup(s, ctx, conn)
    report = {
      ...base,
      result: g.pass ? 'passed' : 'failed',
      reason: g.reason,
      // Each PR's verdict weighs the freeze windows (and its emergency labels) now.
      rules: g.rules,
      ...(s.baseConfig && { policySource: policySource(s, s.context.mergeGroup.baseRef) }),
      protectedFiles: []
    }
  } else {
    report = { ...base, ...(await judgeCommits(s, ctx, conn, sha, now)) }
  }
  const result = approvalResult(report, report.result === 'passed' ? 0 : 1)
  logRules(log, report)
  const via = report.pullRequest ? `PR #${report.pullRequest.number}` : 'no single pull request'
  if (report.result === 'passed') {
    log.info(`deploy-guard gate: ${sha.slice(0, 7)} may deploy (${via}): ${report.reason}`)
    return result
  }
  const subject = report.pullRequest ? `PR #${report.pullRequest.number} (commit ${sha.slice(0, 7)})` : `commit ${sha.slice(0, 7)}`
  log.error(`deploy refused: ${subject}: ${report.reason}`, { title: 'deploy-guard: gate' })
  return result
}

type Judgement = Pick<ApprovalReport, 'result' | 'reason' | 'rules' | 'protectedFiles' | 'pullRequest' | 'changedFiles' | 'push' | 'approvedBy' | 'freeze'>

/** The commit (and on a push, every commit the push brought) judged through the PRs that merged them. */
async function judgeCommits(s: ApprovalModeSettings, deps: ModeDeps, conn: GitHubConnection, sha: string, now: number): Promise<Judgement> {
  const fail = (rule: RuleResult): Judgement => ({ result: 'failed', reason: redact(describeVerdict([rule]), s.secrets), rules: [rule], protectedFiles: [] })
  const defaultBranch = s.context.defaultBranch ?? (await defaultBranchOf(conn.client, conn.repo))
  if (!(await isOnBranch(conn.client, conn.repo, sha, defaultBranch))) {
    return fail({
      rule: 'pull-request',
      status: 'fail',
      detail: `${sha.slice(0, 7)} is not on the default branch ${defaultBranch}: not merged (an open PR's head is not deployable, even approved)`,
      missing: `not merged: ${sha.slice(0, 7)} is not on ${defaultBranch}`
    })
  }
  const commits = await commitsToJudge(conn, s, sha)
  if (commits === undefined) {
    return fail({
      rule: 'pull-request',
      status: 'fail',
      detail: `the push brought more than ${MAX_RANGE_COMMITS} commits: too many to judge one by one`,
      missing: `more than ${MAX_RANGE_COMMITS} commits pushed at once`
    })
  }
  const byPull = new Map<number, { pull: CommitPull; commits: string[] }>()
  const direct: string[] = []
  for (const c of commits) {
    const pull = mergingPull(c, await pullRequestsForCommit(conn.client, conn.repo, c))
    if (!pull) direct.push(c)
    else byPull.set(pull.number, { pull, commits: [...(byPull.get(pull.number)?.commits ?? []), c] })
  }
  const rules: RuleResult[] = []
  if (direct.length) rules.push(...directPushRules(s, direct, sha, now))
  const judged: JudgedPull[] = []
  for (const { pull } of byPull.values()) {
    judged.push(
      await deps.log.group(`Judging pull request #${pull.number}, which merged ${commits.length === 1 ? sha.slice(0, 7) : 'commits of this push'}`, () =>
        judgePullRequest(conn, s.approval, pull.number, { now, asOfMerge: true })
      )
    )
  }
  if (judged.length === 1 && !direct.length) {
    const { pr, verdict } = judged[0]
    return {
      result: verdict.pass ? 'passed' : 'failed',
      reason: redact(describeVerdict(verdict.rules, verdict), s.secrets),
      pullRequest: {
        number: pr.number,
        title: pr.title,
        url: pr.url,
        author: pr.author,
        headSha: pr.headSha,
        ...(pr.mergedAt && { mergedAt: new Date(pr.mergedAt).toISOString() })
      },
      rules: [
        { rule: 'pull-request', status: 'info', detail: `#${pr.number} merged ${shortList(byPull.get(pr.number)!.commits)}; judged as of its merge` },
        ...verdict.rules
      ],
      changedFiles: pr.changedFiles,
      protectedFiles: verdict.protectedFiles,
      push: pushFacts(judged[0].push),
      ...verdictFacts(verdict)
    }
  }
  for (const j of judged) {
    const why = describeVerdict(j.verdict.rules, j.verdict)
    const brought = shortList(byPull.get(j.pr.number)!.commits)
    rules.push({
      rule: 'pull-request',
      status: j.verdict.pass ? 'pass' : 'fail',
      detail: `#${j.pr.number} (merged ${brought}): ${why}`,
      ...(!j.verdict.pass && { missing: `#${j.pr.number}: ${why}` })
    })
  }
  const pass = rules.every((r) => r.status !== 'fail')
  const reason = pass ? `all ${judged.length} pull requests of the push approved` : describeVerdict(rules)
  return { result: pass ? 'passed' : 'failed', reason: redact(reason, s.secrets), rules, protectedFiles: judged.flatMap((j) => j.verdict.protectedFiles) }
}

/** `version` when given (it must name a commit or tag), else the workflow's commit. */
async function commitToDeploy(conn: GitHubConnection, s: ApprovalModeSettings): Promise<string> {
  if (!versionGiven(s)) return s.context.sha
  const sha = await resolveCommit(conn.client, conn.repo, s.version)
  if (!sha)
    throw new UserError(
      'input version',
      s.version,
      `a commit SHA, tag or branch of ${conn.repo.owner}/${conn.repo.repo}: gate judges the commit to deploy, and this names none`
    )
  return sha
}

/** Whether `version` names something other than the run's commit (its default). */
function versionGiven(s: ApprovalModeSettings): boolean {
  return s.version !== s.context.headSha
}

/** On a push whose head is the commit to deploy, every commit it brought (before..after); else the commit alone. undefined: too many. */
async function commitsToJudge(conn: GitHubConnection, s: ApprovalModeSettings, sha: string): Promise<string[] | undefined> {
  const p = s.context.push
  if (versionGiven(s) || !p || /^0+$/.test(p.before) || p.after.toLowerCase() !== sha.toLowerCase()) return [sha]
  const range = await commitRange(conn.client, conn.repo, p.before, p.after)
  if (range.total > MAX_RANGE_COMMITS) return undefined
  return range.commits.length ? range.commits.map((c) => c.sha) : [sha]
}

/**
 * The pull request that merged `sha` into the default branch: the one whose merge commit it is,
 * else the earliest merged into the default branch (later PRs that contain it did not bring
 * it). An open PR never did: its head on the default branch came by another way.
 */
export function mergingPull(sha: string, pulls: readonly CommitPull[]): CommitPull | undefined {
  const merged = pulls.filter((p) => p.mergedAt !== undefined && (!p.defaultBranch || p.baseRef === p.defaultBranch))
  const byMerge = merged.find((p) => p.mergeCommitSha?.toLowerCase() === sha.toLowerCase())
  return byMerge ?? [...merged].sort((a, b) => (a.mergedAt ?? 0) - (b.mergedAt ?? 0))[0]
}

function shortList(shas: readonly string[]): string {
  const shown = shas.slice(0, 3).map((x) => x.slice(0, 7))
  return shown.join(', ') + (shas.length > 3 ? ` and ${shas.length - 3} more` : '')
}

/** Commits no pull request brought: refused unless approval.allow-direct-push, and never in a freeze (no PR can carry an emergency label). */
function directPushRules(s: ApprovalModeSettings, shas: readonly string[], deploying: string, now: number): RuleResult[] {
  const list = shortList(shas)
  const pushRule: RuleResult = s.approval.allowDirectPush
    ? { rule: 'pull-request', status: 'pass', detail: `no pull request brought ${list}; direct pushes are allowed (approval.allow-direct-push)` }
    : {
        rule: 'pull-request',
        status: 'fail',
        detail: `no pull request brought ${list} (a direct push); set approval.allow-direct-push: true to allow that`,
        missing: shas.length === 1 && shas[0] === deploying ? 'no pull request brought it (a direct push)' : `no pull request brought ${list} (a direct push)`
      }
  const freeze = activeFreeze(s.approval.freezeWindows, now)
  const freezeRule: RuleResult = freeze
    ? {
        rule: 'freeze-windows',
        status: 'fail',
        detail: `freeze window ${freeze.window.name} until ${freeze.untilText}; a direct push has no PR to carry an emergency label`,
        missing: `freeze window ${freeze.window.name} until ${freeze.untilText}`
      }
    : { rule: 'freeze-windows', status: 'pass', detail: s.approval.freezeWindows.length ? 'not in a freeze window' : 'no freeze windows configured' }
  return [pushRule, freezeRule]
}
