import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import type { ChangedCommit } from '../facts/incident-facts.js'

const PERMISSION = 'contents: read'

/** The commits from base to head, as many as `cap`, with the range's size and link. */
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

/** One compare API call: the first `cap` commits of base...head (oldest first) and the total. */
export async function compareVersions(gh: GitHubClient, repo: Repo, base: string, head: string, cap: number): Promise<Comparison> {
  try {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${base}...${head}`, per_page: cap, page: 1 })
    const commits = data.commits.slice(0, cap).map((c): ChangedCommit => {
      const title = c.commit.message.split('\n')[0]
      return {
        sha: c.sha,
        title,
        author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
        ...(c.author?.login && { login: c.author.login }),
        url: c.html_url,
        pulls: pullsOf(title)
      }
    })
    return { commits, total: data.total_commits, htmlUrl: data.html_url }
  } catch (e) {
    throw explain(`comparing ${base}...${head}`, e, PERMISSION)
  }
}
