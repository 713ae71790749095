import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import { pullRequestsForCommit } from './pull-requests.js'
import type { ChangedCommit } from '../facts/incident-facts.js'

const PERMISSION = 'contents: read'
// The compare API pages its commits oldest first, 100 at most a page.
const PER_PAGE = 100

/** The newest commits from base to head (newest first), as many as `cap`, with the range's size and link. */
export interface Comparison {
  readonly commits: readonly ChangedCommit[]
  readonly total: number
  readonly htmlUrl: string
}

/** Pull request numbers a commit title names: `Title (#12)` of a squash, `Merge pull request #12` of a merge. */
export function pullsOf(title: string): number[] {
  const found = [...title.matchAll(/\(#(\d+)\)|^Merge pull request #(\d+)\b/g)].map((m) => Number(m[1] ?? m[2]))
  return [...new Set(found)]
}

/**
 * The newest `cap` commits of base...head, newest first, and the range's size. The API lists
 * oldest first: one call when the range fits a page, else the last page (and the one before
 * when the last holds fewer than `cap`), so the release commit itself is never cut off.
 */
export async function compareVersions(gh: GitHubClient, repo: Repo, base: string, head: string, cap: number): Promise<Comparison> {
  const basehead = `${base}...${head}`
  const page = (n: number) => gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, per_page: PER_PAGE, page: n })
  try {
    const { data } = await page(1)
    const total = data.total_commits
    let listed = data.commits
    if (total > listed.length) {
      const last = Math.ceil(total / PER_PAGE)
      // The last page may hold fewer than `cap`: the page before it completes them (page 1 is here already).
      const short = total % PER_PAGE !== 0 && total % PER_PAGE < cap
      const wanted = short && last - 1 > 1 ? [last - 1, last] : [last]
      const fetched = (await Promise.all(wanted.map(page))).flatMap((r) => r.data.commits)
      listed = short && last - 1 === 1 ? [...listed, ...fetched] : fetched
    }
    const commits = listed
      .slice(-cap)
      .reverse()
      .map((c): ChangedCommit => {
        const title = c.commit.message.split('\n')[0]
        return {
          sha: c.sha,
          title,
          author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
          ...(c.author?.login && { login: c.author.login }),
          url: c.html_url,
          pulls: []
        }
      })
    return { commits, total, htmlUrl: data.html_url }
  } catch (e) {
    throw explain(`comparing ${basehead}`, e, PERMISSION)
  }
}

/**
 * Each commit with the pull request that brought it as GitHub records it (commits-to-pulls,
 * one call per commit, all at once): the merged PRs, so a rebase merge is named too and a
 * title cannot name a PR it was not part of. Only when GitHub names none (a direct push, or
 * the call failed) does the title's `(#N)` stand in, marked as such.
 */
export async function withPulls(gh: GitHubClient, repo: Repo, commits: readonly ChangedCommit[]): Promise<ChangedCommit[]> {
  return Promise.all(
    commits.map(async (c): Promise<ChangedCommit> => {
      const found = await pullRequestsForCommit(gh, repo, c.sha).catch(() => [])
      const merged = found.filter((p) => p.mergedAt !== undefined).map((p) => p.number)
      if (merged.length) return { ...c, pulls: [...new Set(merged)], pullsFrom: 'github' }
      const named = pullsOf(c.title)
      return { ...c, pulls: named, ...(named.length && { pullsFrom: 'title' as const }) }
    })
  )
}
