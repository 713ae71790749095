import { describeVerdict, pushFacts, verdictFacts, type ApprovalReport } from './approval-report.js'
import { APPROVAL_CONTEXT, postApprovalStatus } from '../github/commit-status.js'
import type { GitHubConnection } from '../github/connect.js'
import { readNewHistory } from '../github/pr-history.js'
import { readPullRequest } from '../github/pull-requests.js'
import type { ActionTaken } from '../facts/verify-report.js'
import { runUrl } from '../settings/context.js'
import type { ModeContext, ModeResult } from '../mode/mode.js'
import { UserError } from '../values/user-error.js'
import { redact } from '../text/redact.js'
import { judgePullRequest, type JudgedPull } from './judge-pull.js'
import { approvalResult, logRules } from './approval-result.js'
import { basePolicy, policySource, type ApprovalModeSettings } from './base-policy.js'

/**
 * approval mode: judges the event's pull request as GitHub has it now and publishes the verdict
 * as the commit status `deploy-guard/change-approval` on its head, which branch protection can
 * require; the job fails with it. On merge_group the queued group is judged (merge-group.ts).
 */
export async function run(ctx: ModeContext<ApprovalModeSettings>): Promise<ModeResult<ApprovalReport>> {
  const { settings: s, log } = ctx
  const number = s.context.pullRequest?.number
  if (number === undefined && !s.context.mergeGroup) {
    throw new UserError(
      'input mode',
      'approval',
      `a pull-request event (pull_request, pull_request_target, pull_request_review, merge_group); this run is a ${s.context.eventName || 'non-pull-request'} event. Before a deploy, use mode: gate`
    )
  }
  const conn = await ctx.github()
  if (!conn) {
    log.error('approval needs github-token and GITHUB_REPOSITORY to read the pull request; nothing was judged.', { title: 'deploy-guard: approval' })
    return { exitCode: 1 }
  }
  if (number === undefined) return (await import('./merge-group.js')).mergeGroupApproval(ctx, conn)
  const judged = await log.group(`Judging pull request #${number} against the change-approval policy`, () =>
    judgePullRequest(conn, s.approval, number, {
      now: ctx.clock.now(),
      ...(s.context.pullRequest?.action && { runAction: s.context.pullRequest.action }),
      ...(s.baseConfig && { policyFor: basePolicy(s, conn) })
    })
  )
  const { pr, verdict } = judged
  const description = redact(describeVerdict(verdict.rules, verdict), s.secrets)
  const url = runUrl(s.context)
  const report = (actions: ActionTaken[]): ApprovalReport => ({
    schemaVersion: 1,
    mode: 'approval',
    result: verdict.pass ? 'passed' : 'failed',
    reason: description,
    commit: pr.headSha,
    pullRequest: { number: pr.number, title: pr.title, url: pr.url, author: pr.author, headSha: pr.headSha },
    rules: verdict.rules,
    ...(s.baseConfig && { policySource: policySource(s, pr.base.ref) }),
    changedFiles: pr.changedFiles,
    protectedFiles: verdict.protectedFiles,
    push: pushFacts(judged.push),
    ...verdictFacts(verdict),
    evaluatedAt: new Date(ctx.clock.now()).toISOString(),
    runUrl: url,
    dryRun: s.dryRun,
    actions
  })
  // The verdict is written before GitHub is asked to record it, so a slow or refused write loses nothing.
  const judgedOnly = approvalResult(report([]), verdict.pass ? 0 : 1)
  await ctx.publish(judgedOnly)
  logRules(log, judgedOnly.report!)
  if (verdict.pass) log.info(`deploy-guard: change approved: ${description}`)
  else log.error(`PR #${pr.number}: ${description}`, { title: 'deploy-guard: change not approved' })
  if (s.dryRun) return judgedOnly

  const state = verdict.pass ? 'success' : 'failure'
  const what = `${APPROVAL_CONTEXT} ${state} on ${pr.headSha.slice(0, 7)}`
  const moved = await movedOn(conn, judged)
  if (moved) {
    // A later run judges the PR as it is now; posting this older verdict could overwrite it.
    const detail = `not posted: PR #${pr.number} changed after this run read it (${moved}); the run for that change posts the verdict`
    log.notice(detail, { title: 'deploy-guard: status not posted' })
    return approvalResult(report([{ what, ok: true, detail }]), verdict.pass ? 0 : 1)
  }
  const posted = await postApprovalStatus(conn.client, conn.repo, pr.headSha, state, description, url)
  let code = verdict.pass ? 0 : 1
  let action: ActionTaken
  if (posted.ok) {
    action = { what, ok: true, detail: description }
  } else {
    const why =
      pr.fromFork && (posted.status === 403 || posted.status === 404)
        ? `a fork's pull_request run has a read-only token that cannot post statuses (${posted.status}), and its result cannot stand in for the status: ` +
          "on pull_request the fork's author controls the workflow that runs. Run deploy-guard on pull_request_target: safe here, it never checks out or runs the PR's code."
        : `${posted.message} Branch protection waits for this status: the job fails.`
    log.error(why, { title: 'deploy-guard: status not posted' })
    action = { what, ok: false, detail: why }
    code = 1
  }
  return approvalResult(report([action]), code)
}

/** What changed on the PR since it was judged (a new head, a label or push event), or undefined. */
async function movedOn(conn: GitHubConnection, judged: JudgedPull): Promise<string | undefined> {
  const { pr, history } = judged
  const [now, events] = await Promise.all([readPullRequest(conn.client, conn.repo, pr.number), readNewHistory(conn.client, conn.repo, pr.number, history)])
  if (now.headSha !== pr.headSha) return `its head is now ${now.headSha.slice(0, 7)}`
  if (events.length) return events.slice(0, 3).join('; ')
  const key = (l: readonly string[]) =>
    [...l]
      .map((x) => x.toLowerCase())
      .sort()
      .join(',')
  if (key(now.labels) !== key(pr.labels)) return `its labels are now ${now.labels.join(', ') || 'none'}`
  return undefined
}
