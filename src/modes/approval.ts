import { describeVerdict, pushFacts, verdictFacts, type ApprovalReport } from '../approval/approval-report.js'
import { APPROVAL_CONTEXT, postApprovalStatus } from '../github/commit-status.js'
import type { GitHubConnector } from '../github/connect.js'
import type { ActionTaken } from '../facts/verify-report.js'
import type { Log } from '../runner/log.js'
import type { Clock } from '../engine/clock.js'
import { runUrl } from '../settings/context.js'
import type { Settings } from '../settings/types.js'
import { UserError } from '../values/user-error.js'
import { redact } from '../text/redact.js'
import { judgePullRequest } from './policy-facts.js'
import { publishApproval } from './publish-approval.js'

export interface ApprovalDeps {
  readonly log: Log
  readonly clock: Clock
  readonly github: GitHubConnector
}

/**
 * approval mode: judges the event's pull request as GitHub has it now and publishes the verdict
 * as the commit status `deploy-guard/change-approval` on its head, which branch protection can
 * require; the job fails with it. Returns the exit code.
 */
export async function approval(s: Settings, deps: ApprovalDeps): Promise<number> {
  const { log } = deps
  const number = s.context.pullRequest?.number
  if (number === undefined) {
    throw new UserError(
      'input mode',
      'approval',
      `a pull-request event (pull_request, pull_request_target, pull_request_review); this run is a ${s.context.eventName || 'non-pull-request'} event. Before a deploy, use mode: gate`
    )
  }
  const conn = await deps.github()
  if (!conn) {
    log.error('approval needs github-token and GITHUB_REPOSITORY to read the pull request; nothing was judged.', { title: 'deploy-guard: approval' })
    return 1
  }
  const judged = await log.group(`Judging pull request #${number} against the change-approval policy`, () =>
    judgePullRequest(conn, s.approval, number, { now: deps.clock.now(), ...(s.context.pullRequest?.action && { runAction: s.context.pullRequest.action }) })
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
    changedFiles: pr.changedFiles,
    protectedFiles: verdict.protectedFiles,
    push: pushFacts(judged.push),
    ...verdictFacts(verdict),
    evaluatedAt: new Date(deps.clock.now()).toISOString(),
    runUrl: url,
    dryRun: s.dryRun,
    actions
  })
  // The verdict is written before GitHub is asked to record it, so a slow or refused write loses nothing.
  await publishApproval(s, log, report([]))
  if (verdict.pass) log.info(`deploy-guard: change approved: ${description}`)
  else log.error(`PR #${pr.number}: ${description}`, { title: 'deploy-guard: change not approved' })
  if (s.dryRun) return verdict.pass ? 0 : 1

  const state = verdict.pass ? 'success' : 'failure'
  const posted = await postApprovalStatus(conn.client, conn.repo, pr.headSha, state, description, url)
  const what = `${APPROVAL_CONTEXT} ${state} on ${pr.headSha.slice(0, 7)}`
  let code = verdict.pass ? 0 : 1
  let action: ActionTaken
  if (posted.ok) {
    action = { what, ok: true, detail: description }
  } else if (pr.fromFork && (posted.status === 403 || posted.status === 404)) {
    const why =
      `a fork's pull_request run has a read-only token that cannot post statuses (${posted.status}): this job's result is the check for PR #${pr.number}. ` +
      "To post the status, run on pull_request_target: safe here, deploy-guard never checks out or runs the PR's code."
    log.warning(why, { title: 'deploy-guard: status not posted' })
    action = { what, ok: false, detail: why }
  } else {
    log.error(`${posted.message} Branch protection waits for this status: the job fails.`, { title: 'deploy-guard: status not posted' })
    action = { what, ok: false, detail: posted.message }
    code = 1
  }
  await publishApproval(s, log, report([action]), { logRules: false })
  return code
}
