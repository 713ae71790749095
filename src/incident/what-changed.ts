// "What changed" of the incident: the commits from the last good release to the version
// verified, the newest first, each with the pull request GitHub records for it (issue 14).
import type { GitHubConnection } from '../github/connect.js'
import { compareVersions, withPulls } from '../github/compare.js'
import { DeploymentHistory } from '../github/deployment-history.js'
import type { ChangeSet } from '../facts/incident-facts.js'
import { COMMITS_SHOWN } from './render-changes.js'
import { findLastGood } from '../rollback/find-last-good.js'
import type { FollowUpInput } from '../verify/follow-up-input.js'
import type { RollbackOutcome } from '../facts/outcomes.js'
import { messageOf } from '../values/message-of.js'

/** The commits between the last good release (the rollback's target, else the newest good deployment) and this one. */
export async function whatChanged(input: FollowUpInput, conn: GitHubConnection, rollback: RollbackOutcome | undefined): Promise<ChangeSet> {
  const s = input.settings
  const head = s.version
  try {
    const good =
      rollback?.toSha || rollback?.toVersion
        ? { sha: rollback.toSha ?? rollback.toVersion ?? '', version: rollback.toVersion ?? rollback.toSha ?? '' }
        : (
            await findLastGood(new DeploymentHistory(conn.client, conn.repo, s.environment), {
              version: s.version,
              ...(input.deployment && { deploymentId: input.deployment.id })
            })
          ).target
    if (!good)
      return { head, commits: [], total: 0, note: 'no earlier successful deployment of this environment was found, so there is nothing to compare with' }
    // The range ends at the version verified, not at the workflow's commit (a run on a newer
    // commit would list changes that are not in the release); a version that names no commit
    // (a semver number without a tag) falls back to the workflow's commit, and says so.
    const c = await compareVersions(conn.client, conn.repo, good.sha, head, COMMITS_SHOWN).catch(async (e: { status?: number }) => {
      const fallback = s.context.headSha
      if ((e.status !== 404 && e.status !== 422) || !fallback || fallback === head) throw e
      return { ...(await compareVersions(conn.client, conn.repo, good.sha, fallback, COMMITS_SHOWN)), fallback }
    })
    const commits = await withPulls(conn.client, conn.repo, c.commits)
    return { base: good.version, head, compareUrl: c.htmlUrl, commits, total: c.total, ...('fallback' in c && { headFallback: c.fallback }) }
  } catch (e) {
    return { head, commits: [], total: 0, note: `the commits could not be listed: ${messageOf(e)}` }
  }
}
