import { describeVerdict, pushFacts, verdictFacts, type ApprovalReport } from '../approval/approval-report.js'
import { activeFreeze } from '../approval/freeze-windows.js'
import type { RuleResult } from '../approval/policy.js'
import type { GitHubConnection } from '../github/connect.js'
import { pullRequestsForCommit, resolveCommit, type CommitPull } from '../github/pull-requests.js'
import { runUrl } from '../settings/context.js'
import type { Settings } from '../settings/types.js'
import { redact } from '../text/redact.js'
import type { ApprovalDeps } from './approval.js'
import { judgePullRequest } from './policy-facts.js'
import { publishApproval } from './publish-approval.js'

/**
 * gate mode, before a deploy: the commit must have come through a pull request that the policy
 * approved as of its merge, and no freeze window may be on now (unless an approver added an
 * emergency label). It writes nothing on GitHub: the verdict is the job's result.
 */
export async function gate(s: Settings, deps: ApprovalDeps): Promise<number> {
  const { log } = deps
  const conn = await deps.github()
  if (!conn) {
    log.error('gate needs github-token and GITHUB_REPOSITORY to find the pull request of the commit; the deploy is refused.', { title: 'deploy-guard: gate' })
    return 1
  }
  const now = deps.clock.now()
  const sha = (await commitToDeploy(conn, s)) ?? s.context.sha
  const pulls = await pullRequestsForCommit(conn.client, conn.repo, sha)
  const chosen = pullOf(sha, pulls)
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
  if (!chosen) {
    const rules = directPushRules(s, sha, now)
    report = {
      ...base,
      result: rules.some((r) => r.status === 'fail') ? 'failed' : 'passed',
      reason: redact(describeVerdict(rules), s.secrets),
      rules,
      protectedFiles: []
    }
  } else {
    const judged = await log.group(`Judging pull request #${chosen.number}, which brought ${sha.slice(0, 7)}`, () =>
      judgePullRequest(conn, s.approval, chosen.number, { now, asOfMerge: chosen.mergedAt !== undefined })
    )
    const { pr, verdict } = judged
    report = {
      ...base,
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
        {
          rule: 'pull-request',
          status: 'info',
          detail: chosen.mergedAt
            ? `#${pr.number} merged ${sha.slice(0, 7)}; judged as of its merge`
            : `#${pr.number} is open with head ${sha.slice(0, 7)}; judged as of now`
        },
        ...verdict.rules
      ],
      changedFiles: pr.changedFiles,
      protectedFiles: verdict.protectedFiles,
      push: pushFacts(judged.push),
      ...verdictFacts(verdict)
    }
  }
  await publishApproval(s, log, report)
  const via = report.pullRequest ? `PR #${report.pullRequest.number}` : 'no pull request brought it'
  if (report.result === 'passed') {
    log.info(`deploy-guard gate: ${sha.slice(0, 7)} may deploy (${via}): ${report.reason}`)
    return 0
  }
  const subject = report.pullRequest ? `PR #${report.pullRequest.number} (commit ${sha.slice(0, 7)})` : `commit ${sha.slice(0, 7)}`
  log.error(`deploy refused: ${subject}: ${report.reason}`, { title: 'deploy-guard: gate' })
  return 1
}

/** `version` when it names a commit or tag, else the workflow's commit. */
async function commitToDeploy(conn: GitHubConnection, s: Settings): Promise<string | undefined> {
  return s.version ? resolveCommit(conn.client, conn.repo, s.version) : undefined
}

/** The merged PR that brought the commit (the one whose merge made it, else the latest merged into the default branch), else an open PR whose head it is. */
function pullOf(sha: string, pulls: readonly CommitPull[]): CommitPull | undefined {
  const merged = pulls.filter((p) => p.mergedAt !== undefined)
  const byMerge = merged.find((p) => p.mergeCommitSha?.toLowerCase() === sha.toLowerCase())
  if (byMerge) return byMerge
  const intoDefault = merged.filter((p) => !p.defaultBranch || p.baseRef === p.defaultBranch).sort((a, b) => (b.mergedAt ?? 0) - (a.mergedAt ?? 0))
  return intoDefault[0] ?? pulls.find((p) => p.state === 'open' && p.headSha.toLowerCase() === sha.toLowerCase())
}

/** A commit no pull request brought: refused unless approval.allow-direct-push, and never in a freeze (no PR can carry an emergency label). */
function directPushRules(s: Settings, sha: string, now: number): RuleResult[] {
  const pushRule: RuleResult = s.approval.allowDirectPush
    ? { rule: 'pull-request', status: 'pass', detail: `no pull request brought ${sha.slice(0, 7)}; direct pushes are allowed (approval.allow-direct-push)` }
    : {
        rule: 'pull-request',
        status: 'fail',
        detail: `no pull request brought ${sha.slice(0, 7)} (a direct push); set approval.allow-direct-push: true to allow that`,
        missing: 'no pull request brought it (a direct push)'
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
