import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import { pullRequestsForCommit } from './pull-requests.js'
import type { ChangedCommit } from '../facts/incident-facts.js'
import { limitConcurrency } from '../engine/limit-concurrency.js'

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

/** A commit as the compare API lists it: the fields deploy-guard reads. */
export interface ComparedCommit {
  readonly sha: string
  readonly html_url: string
  readonly parents: readonly { readonly sha: string }[]
  readonly author: { readonly login?: string } | null
  readonly commit: {
    readonly message: string
    readonly author: { readonly name?: string; readonly date?: string } | null
    readonly committer: { readonly date?: string } | null
  }
}

/** One compare of base...head: the range's size and status, and the pages read, each as the caller's records. */
export interface ComparePages<T> {
  readonly total: number
  /** `ahead`, `behind`, `diverged` or `identical`: whether head contains base. */
  readonly status: string
  readonly htmlUrl: string
  /** Page 1 first, then the pages `more` named, in that order. */
  readonly pages: readonly (readonly T[])[]
}

/**
 * The one reader of the compare API (incident, gate, merge queue and report). Page 1, then the
 * pages `more(total)` names, two at a time; each page is made into the caller's
 * records as it arrives and the answer dropped, since a page of 100 commits is ~300 KB of JSON
 * and the first one carries the range's files with their patches. Without `perPage`, GitHub's
 * default (250 commits on page 1) applies. Errors are explained with `action` and the permission.
 */
export async function compareCommits<T>(
  gh: GitHubClient,
  repo: Repo,
  range: { readonly base: string; readonly head: string },
  o: {
    readonly action: string
    readonly record: (c: ComparedCommit) => T
    readonly perPage?: number
    readonly more?: (total: number) => readonly number[]
  }
): Promise<ComparePages<T>> {
  const basehead = `${range.base}...${range.head}`
  const page = async (n: number) => {
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, ...(o.perPage !== undefined && { per_page: o.perPage, page: n }) })
    return { total: data.total_commits, status: data.status, htmlUrl: data.html_url, records: (data.commits as ComparedCommit[]).map(o.record) }
  }
  try {
    const first = await page(1)
    const wanted = o.more?.(first.total) ?? []
    const limit = limitConcurrency(2)
    const rest = await Promise.all(wanted.map((n) => limit(async () => (await page(n)).records)))
    return { total: first.total, status: first.status, htmlUrl: first.htmlUrl, pages: [first.records, ...rest] }
  } catch (e) {
    throw explain(o.action, e, PERMISSION)
  }
}

/**
 * The newest `cap` commits of base...head, newest first, and the range's size. The API lists
 * oldest first: one call when the range fits a page, else the last page (and the one before
 * when the last holds fewer than `cap`), so the release commit itself is never cut off.
 */
export async function compareVersions(gh: GitHubClient, repo: Repo, base: string, head: string, cap: number): Promise<Comparison> {
  // The pages that hold the newest `cap` commits: the last, and the one before when the last holds fewer.
  const tail = (total: number): number[] => {
    const last = Math.max(1, Math.ceil(total / PER_PAGE))
    const short = total % PER_PAGE !== 0 && total % PER_PAGE < cap
    return short && last > 1 ? [last - 1, last] : [last]
  }
  const c = await compareCommits(
    gh,
    repo,
    { base, head },
    {
      action: `comparing ${base}...${head}`,
      perPage: PER_PAGE,
      record: changedCommit,
      more: (total) => tail(total).filter((n) => n !== 1)
    }
  )
  // Page 1 comes first and the tail pages after it, so the newest `cap` (at most a page) are the last ones.
  return { commits: c.pages.flat().slice(-cap).reverse(), total: c.total, htmlUrl: c.htmlUrl }
}

function changedCommit(c: ComparedCommit): ChangedCommit {
  const title = c.commit.message.split('\n')[0] ?? ''
  return {
    sha: c.sha,
    title,
    author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
    ...(c.author?.login && { login: c.author.login }),
    url: c.html_url,
    pulls: []
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
