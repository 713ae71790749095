import type { ChangedFile, PullFacts } from '../facts/approval-facts.js'
import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import { readPages } from './paged.js'

/** GitHub lists at most 3,000 files of a pull request, 100 per page. */
export const MAX_LISTED_FILES = 3000
const PER_PAGE = 100

/** The pull request as approval and gate need it, read live. */
export interface PullRequestInfo extends PullFacts {
  readonly title: string
  readonly state: 'open' | 'closed'
  readonly merged: boolean
  readonly mergedAt?: number
  readonly createdAt: number
  readonly labels: readonly string[]
  readonly changedFiles: number
  /** The repository and branch the head commit is pushed to (a fork's for fork PRs; undefined when the fork is gone). */
  readonly head: { readonly repo?: Repo; readonly ref: string }
  /** Whether the head lives in another repository, whose workflow token cannot post statuses here. */
  readonly fromFork: boolean
  /** The branch the PR merges into: the policy is read from there, never from the PR. */
  readonly base: { readonly ref: string; readonly sha: string }
}

/** GET the pull request; its labels, head and author as GitHub has them now, not as the event payload had them. */
export async function readPullRequest(gh: GitHubClient, repo: Repo, number: number): Promise<PullRequestInfo> {
  try {
    const { data: p } = await gh.rest.pulls.get({ ...repo, pull_number: number })
    const headRepo = p.head.repo ? { owner: p.head.repo.owner.login, repo: p.head.repo.name } : undefined
    return {
      number: p.number,
      title: p.title,
      author: p.user.login,
      headSha: p.head.sha,
      url: p.html_url,
      state: p.state === 'closed' ? 'closed' : 'open',
      merged: p.merged || p.merged_at !== null,
      ...(p.merged_at && { mergedAt: Date.parse(p.merged_at) }),
      createdAt: Date.parse(p.created_at),
      labels: p.labels.map((l) => l.name),
      changedFiles: p.changed_files,
      head: { ...(headRepo && { repo: headRepo }), ref: p.head.ref },
      fromFork: !p.head.repo || p.head.repo.full_name.toLowerCase() !== p.base.repo.full_name.toLowerCase(),
      base: { ref: p.base.ref, sha: p.base.sha }
    }
  } catch (e) {
    throw explain(`reading pull request #${number}`, e, 'pull-requests: read')
  }
}

/** Every changed file GitHub lists (up to 3,000), both names of a rename; the pages are read at once. */
export async function listChangedFiles(gh: GitHubClient, repo: Repo, number: number, changedFiles: number): Promise<ChangedFile[]> {
  const expectedPages = Math.max(1, Math.ceil(Math.min(changedFiles, MAX_LISTED_FILES) / PER_PAGE))
  try {
    const files = await readPages((page) => gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page }), {
      expectedPages,
      maxPages: MAX_LISTED_FILES / PER_PAGE
    })
    return files.map((f) => ({ filename: f.filename, ...(f.previous_filename && { previousFilename: f.previous_filename }) }))
  } catch (e) {
    throw explain(`listing the files of pull request #${number}`, e, 'pull-requests: read')
  }
}

/** A pull request a commit belongs to, from the commits-to-pulls API. */
export interface CommitPull {
  readonly number: number
  readonly title: string
  readonly url: string
  readonly createdAt: number
  readonly state: string
  readonly mergedAt?: number
  readonly mergeCommitSha?: string
  readonly headSha: string
  readonly baseRef: string
  readonly defaultBranch?: string
}

/** The pull requests GitHub associates with a commit: for a commit on the default branch, the merged PR that brought it. */
export async function pullRequestsForCommit(gh: GitHubClient, repo: Repo, sha: string): Promise<CommitPull[]> {
  try {
    const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, per_page: 100 })
    return data.map((p) => ({
      number: p.number,
      title: p.title,
      url: p.html_url,
      createdAt: Date.parse(p.created_at),
      state: p.state,
      ...(p.merged_at && { mergedAt: Date.parse(p.merged_at) }),
      ...(p.merge_commit_sha && { mergeCommitSha: p.merge_commit_sha }),
      headSha: p.head.sha,
      baseRef: p.base.ref,
      ...(p.base.repo?.default_branch && { defaultBranch: p.base.repo.default_branch })
    }))
  } catch (e) {
    throw explain(`finding the pull request of commit ${sha.slice(0, 7)}`, e, 'pull-requests: read')
  }
}

/** The SHA a ref (tag, branch, short SHA) names, or undefined when it names no commit (a semver version, say). */
export async function resolveCommit(gh: GitHubClient, repo: Repo, ref: string): Promise<string | undefined> {
  if (/^[0-9a-f]{40}$/i.test(ref)) return ref.toLowerCase()
  try {
    const { data } = await gh.rest.repos.getCommit({ ...repo, ref, per_page: 1 })
    return data.sha
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 404 || status === 422) return undefined
    throw explain(`resolving ${ref} to a commit`, e, 'contents: read')
  }
}
