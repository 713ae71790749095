// The report's reads from GitHub, each returning plain records (history.ts). Deployments and
// their statuses come through one GraphQL query per 100 deployments: REST would need a request
// per deployment for its statuses. Commits come from the compare API (100 per page, a few pages
// two at a time), merged PRs from one GraphQL query per 100, then commits-to-pulls (REST, as the
// incident uses) for what the list does not name, and incidents from the environment's label.
import type { GitHubClient } from '../github/client.js'
import { pullRequestsForCommit } from '../github/pull-requests.js'
import { guardPayload, type Repo } from '../github/deployments.js'
import { rollbackMark } from '../github/deployment-history.js'
import { explain } from '../github/errors.js'
import { IncidentIssues } from '../github/incidents.js'
import type { CommitRecord, DeploymentRecord, IncidentRecord, PullRecord } from './history.js'
import { compareCommits, type ComparedCommit } from '../github/compare.js'

const QUERY = `query deployGuardReportDeployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        databaseId commitOid createdAt task environment payload
        ref { name }
        statuses(first: 100) { nodes { state description createdAt logUrl } }
      }
    }
  }
}`

type GqlDeployment = {
  databaseId: number
  commitOid: string
  createdAt: string
  task: string | null
  environment: string | null
  payload: string | null
  ref: { name: string } | null
  statuses: { nodes: { state: string; description: string | null; createdAt: string; logUrl: string | null }[] }
}
type GqlPage = { repository: { deployments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlDeployment[] } } | null }

/** Counts requests by endpoint, for the summary's log line and the bench. */
export type CountRequest = (endpoint: string) => void

/**
 * The environment's deployments, newest first, back to `until` and one successful deployment
 * older than it (the base the first changes are compared from), at most `maxPages` pages.
 */
export async function readDeployments(
  gh: GitHubClient,
  repo: Repo,
  environment: string,
  until: number,
  maxPages = 30
): Promise<{ list: DeploymentRecord[]; truncated: boolean }> {
  const list: DeploymentRecord[] = []
  let after: string | null = null
  for (let page = 0; page < maxPages; page++) {
    let data: GqlPage
    try {
      data = await gh.graphql<GqlPage>(QUERY, { owner: repo.owner, name: repo.repo, environments: [environment], after })
    } catch (e) {
      throw explain(`reading the deployments of ${environment}`, e, 'deployments: read')
    }
    const conn = data.repository?.deployments
    if (!conn) return { list, truncated: false }
    list.push(...conn.nodes.map(slim))
    const older = list.filter((d) => d.createdAt < until)
    const baseFound = older.some((d) => d.statuses.some((s) => s.state === 'success'))
    if (!conn.pageInfo.hasNextPage || (older.length && baseFound)) return { list, truncated: false }
    after = conn.pageInfo.endCursor
  }
  return { list, truncated: true }
}

function slim(d: GqlDeployment): DeploymentRecord {
  const g = guardPayload(d.payload ?? undefined)
  const version = typeof g?.version === 'string' ? g.version : undefined
  const rollback = rollbackMark(g)
  return {
    id: d.databaseId,
    sha: d.commitOid,
    ref: d.ref?.name ?? d.commitOid,
    task: d.task ?? 'deploy',
    environment: d.environment ?? '',
    createdAt: Date.parse(d.createdAt),
    ...(version && { version }),
    ...(rollback && { rollback }),
    statuses: d.statuses.nodes.map((s) => ({
      state: s.state.toLowerCase(),
      description: s.description ?? '',
      createdAt: Date.parse(s.createdAt),
      logUrl: s.logUrl ?? ''
    }))
  }
}

/**
 * The commits of base...head, ahead side, 100 a page; the pages after the first go two at a
 * time, each made into slim records as it arrives (github/compare.ts). Null when GitHub knows
 * no common history.
 */
export async function readCommits(
  gh: GitHubClient,
  repo: Repo,
  base: string,
  head: string,
  maxPages: number
): Promise<{ commits: CommitRecord[]; truncated: boolean } | null> {
  try {
    const c = await compareCommits(
      gh,
      repo,
      { base, head },
      {
        action: `comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`,
        perPage: 100,
        record: commitRecord,
        more: (total) => Array.from({ length: Math.max(0, Math.min(Math.ceil(total / 100), maxPages) - 1) }, (_, i) => i + 2)
      }
    )
    return { commits: c.pages.flat(), truncated: c.total > maxPages * 100 }
  } catch (e) {
    if ((e as { status?: number }).status === 404) return null
    throw e
  }
}

function commitRecord(c: ComparedCommit): CommitRecord {
  const authored = Date.parse(c.commit.author?.date ?? '')
  return {
    sha: c.sha,
    parents: c.parents.map((p) => p.sha),
    authoredAt: authored,
    committedAt: Date.parse(c.commit.committer?.date ?? '') || authored,
    title: c.commit.message.split('\n', 1)[0] ?? '',
    author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
    url: c.html_url
  }
}

const PULLS_QUERY = `query deployGuardReportPulls($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [MERGED], first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title url createdAt mergedAt updatedAt
        mergeCommit { oid }
        commits(first: 1) { nodes { commit { authoredDate } } }
      }
    }
  }
}`

type GqlPull = {
  number: number
  title: string
  url: string
  createdAt: string
  mergedAt: string | null
  updatedAt: string
  mergeCommit: { oid: string } | null
  commits: { nodes: { commit: { authoredDate: string } }[] }
}
type GqlPulls = { repository: { pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: GqlPull[] } } | null }

/**
 * Merged PRs updated since `since`, most recently updated first, 100 a GraphQL request with the
 * fields the report uses and the PR's first commit (a squash merge leaves only its own commit on
 * the branch). The REST list answers ~15 KB a PR; this answers a few hundred bytes.
 */
export async function readMergedPulls(gh: GitHubClient, repo: Repo, since: number, maxPages: number): Promise<{ pulls: PullRecord[]; truncated: boolean }> {
  const pulls: PullRecord[] = []
  let after: string | null = null
  for (let page = 0; page < maxPages; page++) {
    let data: GqlPulls
    try {
      data = await gh.graphql<GqlPulls>(PULLS_QUERY, { owner: repo.owner, name: repo.repo, after })
    } catch (e) {
      throw explain('listing the merged pull requests', e, 'pull-requests: read')
    }
    const conn = data.repository?.pullRequests
    if (!conn) return { pulls, truncated: false }
    for (const p of conn.nodes) {
      const first = p.commits.nodes[0]?.commit.authoredDate
      pulls.push({
        number: p.number,
        title: p.title,
        url: p.url,
        createdAt: Date.parse(p.createdAt),
        ...(p.mergedAt && { mergedAt: Date.parse(p.mergedAt) }),
        ...(p.mergeCommit && { mergeCommitSha: p.mergeCommit.oid }),
        ...(first && { firstCommitAt: Date.parse(first) })
      })
    }
    if (!conn.pageInfo.hasNextPage || conn.nodes.some((p) => Date.parse(p.updatedAt) < since)) return { pulls, truncated: false }
    after = conn.pageInfo.endCursor
  }
  return { pulls, truncated: true }
}

/** The merged PR GitHub associates with a commit (commits-to-pulls), or null when there is none. */
export async function readCommitPull(gh: GitHubClient, repo: Repo, sha: string): Promise<PullRecord | null> {
  const merged = (await pullRequestsForCommit(gh, repo, sha)).filter((p) => p.mergedAt !== undefined).sort((a, b) => (a.mergedAt ?? 0) - (b.mergedAt ?? 0))
  const p = merged[0]
  if (!p) return null
  return {
    number: p.number,
    title: p.title,
    url: p.url,
    createdAt: p.createdAt,
    ...(p.mergedAt !== undefined && { mergedAt: p.mergedAt }),
    ...(p.mergeCommitSha && { mergeCommitSha: p.mergeCommitSha })
  }
}

/** The environment's incident issues (open and closed) updated since `since`, with their markers. */
export async function readIncidents(gh: GitHubClient, repo: Repo, environment: string, since: number, maxPages = 5): Promise<IncidentRecord[]> {
  const found = await new IncidentIssues(gh, repo).findSince(environment, since, maxPages)
  return found.map((i) => ({
    number: i.number,
    url: i.url,
    createdAt: i.createdAt,
    ...(i.closedAt !== undefined && { closedAt: i.closedAt }),
    marker: i.marker
  }))
}
