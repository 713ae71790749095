import type { ApproverCheck } from '../facts/approval-facts.js'
import type { ApprovalSettings, TeamRef } from '../settings/approval-settings.js'
import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain, statusOf } from './errors.js'

const ORG_READ =
  'the token needs organization read access to see team membership (members: read); the workflow GITHUB_TOKEN never has it: pass a GitHub App token or a fine-grained token with it as github-token'

/**
 * Whether `login` may approve: listed as a user, an active member of a listed team, or, when
 * none are listed, a maintainer or admin of the repository. An answer GitHub refuses is
 * `unknown`, never a yes.
 */
export async function checkApprover(gh: GitHubClient, repo: Repo, login: string, s: ApprovalSettings): Promise<ApproverCheck> {
  if (!s.users.length && !s.teams.length) return repositoryRole(gh, repo, login)
  if (s.users.some((u) => u.toLowerCase() === login.toLowerCase())) return { approver: true, via: 'listed in approvers' }
  const unknown: string[] = []
  for (const team of s.teams) {
    const r = await teamMember(gh, team, login)
    if (r === true) return { approver: true, via: `member of ${team.org}/${team.slug}` }
    if (typeof r === 'string') unknown.push(r)
  }
  if (unknown.length) {
    const short = unknown.every((u) => u.startsWith('GitHub failed'))
      ? 'GitHub failed to answer the team membership; re-run the job'
      : `cannot see ${s.teams.map((t) => `${t.org}/${t.slug}`).join(', ')}: token lacks org read access`
    return { unknown: unknown.join('; '), short }
  }
  return { approver: false, why: `not listed in approvers (${s.approvers.join(', ')}) nor a member of a listed team` }
}

/** true, false, or why it cannot be told. A 404 is ambiguous (no such member, or a team the token cannot see); reading the team tells which. */
async function teamMember(gh: GitHubClient, team: TeamRef, login: string): Promise<boolean | string> {
  try {
    const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org: team.org, team_slug: team.slug, username: login })
    return data.state === 'active'
  } catch (e) {
    const status = statusOf(e)
    // A 5xx or no answer is GitHub failing, not a missing permission: say so, and the check can be re-run.
    if (status === undefined || status >= 500)
      return `GitHub failed to answer whether @${login} is in ${team.org}/${team.slug} (${status ?? 'no answer'}); re-run the job`
    if (status !== 404) return `cannot read membership of ${team.org}/${team.slug} (${status}): ${ORG_READ}`
  }
  try {
    await gh.rest.teams.getByName({ org: team.org, team_slug: team.slug })
    return false
  } catch (e) {
    const status = statusOf(e)
    if (status === 404 || status === 403) return `team ${team.org}/${team.slug} is not visible to the token (${status}): it does not exist, or ${ORG_READ}`
    return `cannot read team ${team.org}/${team.slug}: ${explain('reading the team', e, 'members: read').message}`
  }
}

/** The repository role (role_name: the legacy `permission` reports maintain as write). */
async function repositoryRole(gh: GitHubClient, repo: Repo, login: string): Promise<ApproverCheck> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login })
    const role = (data as { role_name?: string }).role_name ?? data.permission
    if (role === 'admin' || role === 'maintain') return { approver: true, via: `${role} on ${repo.owner}/${repo.repo}` }
    return { approver: false, why: `role ${role} on the repository; approvers is empty, so maintain or admin is needed` }
  } catch (e) {
    if (statusOf(e) === 404) return { approver: false, why: 'not a collaborator of the repository' }
    return { unknown: explain(`reading the permission of @${login}`, e, 'contents: read').message, short: `cannot read the permission of @${login}` }
  }
}
