import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import { compareCommits } from './compare.js'

/** A commit of a range, as merge queues and gate need it. */
export interface RangeCommit {
  readonly sha: string
  /** The first line of the message. */
  readonly title: string
  readonly parents: readonly string[]
}

/** GitHub's compare lists at most this many commits without paging. */
export const MAX_RANGE_COMMITS = 250

/** The commits of base...head (oldest first, up to 250) and how many there are; status says whether head contains base. */
export async function commitRange(
  gh: GitHubClient,
  repo: Repo,
  base: string,
  head: string
): Promise<{ commits: RangeCommit[]; total: number; status: string }> {
  const c = await compareCommits(
    gh,
    repo,
    { base, head },
    {
      action: `comparing ${base.slice(0, 12)}...${head.slice(0, 12)}`,
      record: (x): RangeCommit => ({ sha: x.sha, title: x.commit.message.split('\n')[0] ?? '', parents: x.parents.map((p) => p.sha) })
    }
  )
  return { commits: [...(c.pages[0] ?? [])], total: c.total, status: c.status }
}

/**
 * The commits on the first-parent line from head back to base: one per merge of a merge commit
 * or squash, leaving out the commits a merge brought in from its PR's branch.
 */
export function firstParentLine(commits: readonly RangeCommit[], head: string): RangeCommit[] {
  const bySha = new Map(commits.map((c) => [c.sha.toLowerCase(), c]))
  const line: RangeCommit[] = []
  for (let c = bySha.get(head.toLowerCase()); c; c = c.parents[0] ? bySha.get(c.parents[0].toLowerCase()) : undefined) line.push(c)
  return line.reverse()
}

/** Whether `sha` is on `branch` (an ancestor of its head or the head itself). */
export async function isOnBranch(gh: GitHubClient, repo: Repo, sha: string, branch: string): Promise<boolean> {
  try {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${sha}...${branch}`, per_page: 1, page: 1 })
    return data.status === 'identical' || data.status === 'ahead'
  } catch (e) {
    if ((e as { status?: number }).status === 404) return false
    throw explain(`checking whether ${sha.slice(0, 7)} is on ${branch}`, e, 'contents: read')
  }
}

/** The repository's default branch, for when the event payload does not say. */
export async function defaultBranchOf(gh: GitHubClient, repo: Repo): Promise<string> {
  try {
    return (await gh.rest.repos.get({ ...repo })).data.default_branch
  } catch (e) {
    throw explain('reading the repository', e, 'contents: read')
  }
}
