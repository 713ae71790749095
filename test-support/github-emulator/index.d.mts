// Types for the GitHub REST API emulator (index.mjs). Record types come from Octokit's own
// OpenAPI-generated types, so tests read gh.state with the same shapes the action receives.
import type { IncomingHttpHeaders } from 'node:http'
import type { RestEndpointMethodTypes as R } from '@octokit/rest'

export type Deployment = R['repos']['getDeployment']['response']['data']
export type DeploymentStatus = R['repos']['getDeploymentStatus']['response']['data']
export type CommitStatus = R['repos']['createCommitStatus']['response']['data']
export type Issue = R['issues']['get']['response']['data']
export type IssueComment = R['issues']['getComment']['response']['data']
export type Label = R['issues']['getLabel']['response']['data']
export type Workflow = R['actions']['getWorkflow']['response']['data']
export type WorkflowRun = R['actions']['getWorkflowRun']['response']['data']
export type Job = R['actions']['getJobForWorkflowRun']['response']['data']
export type Release = R['repos']['getRelease']['response']['data']
export type SimpleUser = NonNullable<Deployment['creator']>
export type Review = R['pulls']['getReview']['response']['data']
export type IssueEvent = R['issues']['listEvents']['response']['data'][number]
export type Activity = R['repos']['listActivities']['response']['data'][number]

/** A seeded pull request (responses are built from it); its issue holds title, body, labels and state. */
export interface PullRequestRecord {
  number: number
  id: number
  issue: Issue
  head: { ref: string; sha: string }
  base: { ref: string; sha: string }
  draft: boolean
  merged: boolean
  merged_at: string | null
  merge_commit_sha: string | null
  /** SHAs of the commits on head that base lacks, oldest first. */
  commits: string[]
  files: FileChange[]
  reviews: Review[]
  /** 'owner/repo' of the fork the head is in; null for a branch of this repository. */
  fork: string | null
}

/** A git commit known to the emulator. */
export interface CommitRecord {
  sha: string
  message: string
  parents: string[]
  author?: { name: string; email: string; login?: string }
  date: string
  files: FileChange[]
}

export interface FileChange {
  filename: string
  status?: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  additions?: number
  deletions?: number
  patch?: string
  previous_filename?: string
}

export interface RecordedRequest {
  method: string
  /** Path without the query string, as sent (percent-encoded). */
  path: string
  query: Record<string, string | string[]>
  /** Parsed JSON (or the raw text when it did not parse); null without a body. */
  body: unknown
  /** Status answered; 'destroyed' when a fault cut the connection, 'hung' when it never answered. */
  status: number | 'destroyed' | 'hung'
  /** True when an `afterWork` fault lost the answer of work the handler did. */
  workDone?: boolean
  operationId: string | null
  headers: IncomingHttpHeaders
}

export interface Violation {
  method: string
  path: string
  operationId?: string
  reason: string
}

export interface Unhandled {
  method: string
  path: string
  operationId: string
}

export interface Fault {
  /** Upper-case HTTP method; any when omitted. */
  method?: string
  /** RegExp tested against the path, or the exact path; any when omitted. */
  path?: RegExp | string
  /** Match by the spec's operationId instead of (or besides) the path, e.g. 'repos/create-deployment'. */
  operationId?: string
  /** Matches only requests this returns true for, e.g. `(q) => q.body?.state === 'failure'` (q.body is the parsed JSON). */
  when?: (request: RecordedRequest) => boolean
  /** Answer with this status instead of the handler (omit for a pure delay). */
  status?: number
  headers?: Record<string, string>
  /** Body to send (default: GitHub's { message, documentation_url, status }). */
  body?: unknown
  /** How many matching requests get the fault (default 1). */
  times?: number
  /** Wait this long before answering. */
  delayMs?: number
  /** Destroy the socket instead of answering (ECONNRESET in the client). */
  destroy?: boolean
  /** Never answer (the client's deadline ends the call); the work is not done unless `afterWork`. */
  hang?: boolean
  /**
   * Do the work (the handler runs and changes the state), then lose the answer: the fault's
   * `status`, `hang` or `destroy` replaces the handler's answer. A handler that refuses the
   * request (4xx) answers as usual. Without it a fault answers instead of the handler.
   */
  afterWork?: boolean
}

export interface HandlerContext {
  state: EmulatorState
  params: Record<string, string | number>
  query: Record<string, unknown>
  body: Record<string, unknown>
  headers: IncomingHttpHeaders
  apiVersion: string
  docUrl: string
  pathname: string
  searchParams: URLSearchParams
  operationId: string
}

export interface HandlerResult {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>

export interface EmulatorOptions {
  owner?: string
  repo?: string
  defaultBranch?: string
  /** Listen on this port (default: a free one). */
  port?: number
  /** Base of html_url fields (default https://github.com). */
  serverUrl?: string
  /** Login that owns the token (default github-actions[bot]). */
  actor?: string
  /** 'Organization' (default) or 'User'. */
  ownerType?: string
  /** Clock for created_at/updated_at (default Date.now). */
  now?: () => Date | number | string
  private?: boolean
  hasIssues?: boolean
  /** Primary rate limit (default 5000); once gh.state.rateLimit.used reaches it, requests get 403. */
  rateLimit?: number
  /** Check every emulated response against the spec into gh.responseErrors (default true). */
  validateResponses?: boolean
  /** Extra or replacement handlers by operationId. */
  handlers?: Record<string, Handler>
  /** Called after a workflow dispatch created its (queued) run; mutate the run to move it along. */
  onWorkflowDispatch?: (run: WorkflowRun, dispatch: { workflow: Workflow; ref: string; inputs: Record<string, unknown> }, state: EmulatorState) => void
}

export interface EmulatorState {
  owner: string
  repo: string
  defaultBranch: string
  apiUrl: string
  serverUrl: string
  readonly repoApi: string
  readonly repoHtml: string
  actor: SimpleUser
  /** login -> permission; these users can be assigned issues. */
  collaborators: Map<string, string>
  commits: Map<string, CommitRecord>
  branches: Map<string, string>
  tags: Map<string, string>
  deployments: Deployment[]
  /** deployment id -> statuses, oldest first */
  deploymentStatuses: Map<number, DeploymentStatus[]>
  commitStatuses: { sha: string; status: CommitStatus }[]
  issues: Issue[]
  comments: IssueComment[]
  /** lower-cased name -> label */
  labels: Map<string, Label>
  workflows: Workflow[]
  workflowRuns: WorkflowRun[]
  jobs: Job[]
  jobLogs: Map<number, string>
  releases: Release[]
  pulls: PullRequestRecord[]
  /** team slug -> (login -> 'member' | 'maintainer') */
  teams: Map<string, Map<string, string>>
  /** Issue events in creation order, with the issue number. */
  issueEvents: { issue: number; event: IssueEvent }[]
  /** Repository activity (pushes with the server's time), by lower-cased 'owner/repo'. */
  activities: { repo: string; activity: Activity }[]
  /** Lower-cased full names of forks whose activity the emulator answers for. */
  forks: Set<string>
  /** path -> (ref or '*' -> text) */
  files: Map<string, Map<string, string>>
  fileAt(path: string, ref: string): string | null
  repositoryDispatches: { event_type: string; client_payload: Record<string, unknown> }[]
  workflowDispatches: { workflow_id: number; path: string; ref: string; inputs: Record<string, unknown>; run_id: number }[]
  /** Primary rate limit for everything but search; once used reaches limit, requests get 403. */
  rateLimit: RateLimitBucket
  searchRateLimit: RateLimitBucket
  now(): Date
  timestamp(): string
  resolveRef(ref: string): string | null
  commit(sha: string): CommitRecord
  findDeployment(id: number | string): Deployment | null
  statusesOf(deploymentId: number): DeploymentStatus[]
  findIssue(number: number | string): Issue | null
  findPull(number: number | string): PullRequestRecord | null
  findWorkflow(idOrFile: number | string): Workflow | null
  findRun(id: number | string): WorkflowRun | null
  findJob(id: number | string): Job | null
}

export interface RateLimitBucket {
  resource: string
  limit: number
  used: number
  /** epoch seconds */
  reset: number
}

type Status =
  | string
  | {
      state: string
      description?: string
      log_url?: string
      environment_url?: string
      environment?: string
      created_at?: string | Date
      auto_inactive?: boolean
    }

export interface Seed {
  commit(o?: {
    sha?: string
    message?: string
    parents?: string[]
    branch?: string
    author?: { name: string; email: string; login?: string }
    date?: string | Date
    files?: FileChange[]
  }): CommitRecord
  branch(o: { name: string; sha?: string }): string
  tag(o: { name: string; sha?: string }): string
  deployment(o?: {
    sha?: string
    ref?: string
    environment?: string
    task?: string
    payload?: Record<string, unknown> | string
    description?: string | null
    statuses?: Status[]
    created_at?: string | Date
    creator?: string
    transient_environment?: boolean
    production_environment?: boolean
  }): Deployment
  deploymentStatus(deployment: Deployment | number, o: Status): DeploymentStatus
  commitStatus(o: {
    sha?: string
    ref?: string
    state: 'error' | 'failure' | 'pending' | 'success'
    context?: string
    description?: string | null
    target_url?: string | null
    created_at?: string | Date
    creator?: string
  }): CommitStatus
  issue(o?: {
    title?: string
    body?: string | null
    labels?: (string | { name: string; color?: string; description?: string | null })[]
    state?: 'open' | 'closed'
    state_reason?: string
    assignees?: string[]
    user?: string
    created_at?: string | Date
    comments?: (string | { body: string; user?: string; created_at?: string | Date })[]
  }): Issue
  comment(o: { issue_number: number; body: string; user?: string; created_at?: string | Date }): IssueComment
  label(o: { name: string; color?: string; description?: string | null }): Label
  collaborator(o: { login: string; permission?: string }): SimpleUser
  workflow(o?: {
    path?: string
    file?: string
    name?: string
    id?: number
    state?: string
    dispatchable?: boolean
    /** Listens on repository_dispatch: each dispatch event starts a run of it on the default branch. */
    repositoryDispatch?: boolean
    inputs?: Record<string, { required?: boolean }>
    created_at?: string | Date
    content?: string
  }): Workflow
  /** A repository file served by get-content, at `ref` (default: every ref). */
  file(o: { path: string; content: string; ref?: string }): string
  workflowRun(o?: {
    id?: number
    workflow_id?: number | string
    path?: string
    name?: string
    head_sha?: string
    head_branch?: string
    event?: string
    status?: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending'
    conclusion?: string | null
    created_at?: string | Date
    run_attempt?: number
    run_number?: number
    actor?: string
    display_title?: string
    jobs?: Parameters<Seed['job']>[0][]
  }): WorkflowRun
  job(o?: {
    run_id?: number
    id?: number
    name?: string
    status?: string
    conclusion?: string | null
    log?: string | (() => AsyncIterable<string | Uint8Array>) | { status: number }
    steps?: unknown[]
    labels?: string[]
    started_at?: string | Date
    completed_at?: string | Date
    created_at?: string | Date
    run_attempt?: number
  }): Job
  pullRequest(o?: {
    title?: string
    body?: string | null
    head?: string | { ref: string; sha: string }
    base?: string
    user?: string
    labels?: string[]
    draft?: boolean
    state?: 'open' | 'closed'
    merged?: boolean
    merged_at?: string | Date
    merge_commit_sha?: string
    /** The SHAs commits-to-pulls associates with the PR (a rebase merge's rewritten commits); default the head's commits that base lacks. */
    commits?: string[]
    /** Login owning the fork the head branch is in. */
    fork?: string
    /** When the head was pushed (its activity record); default created_at. */
    pushed_at?: string | Date
    files?: FileChange[]
    reviews?: {
      user?: string
      state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
      body?: string
      submitted_at?: string | Date
      commit_id?: string
    }[]
    created_at?: string | Date
  }): PullRequestRecord
  review(
    pullNumber: number,
    o?: {
      user?: string
      state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING'
      body?: string
      submitted_at?: string | Date
      commit_id?: string
    }
  ): Review
  labeled(o: { issue_number: number; label: string; actor?: string; created_at?: string | Date; app?: string }): IssueEvent
  unlabeled(o: { issue_number: number; label: string; actor?: string; created_at?: string | Date; app?: string }): IssueEvent
  issueEvent(o: { issue_number: number; event: string; actor?: string; created_at?: string | Date; commit_id?: string; label?: string }): IssueEvent
  push(o: {
    pull_number: number
    sha?: string
    force?: boolean
    actor?: string
    at?: string | Date
    files?: FileChange[]
    message?: string
    commitDate?: string | Date
  }): CommitRecord
  activity(o: {
    repo?: string
    ref: string
    before?: string
    after: string
    activity_type?: Activity['activity_type']
    actor?: string
    timestamp?: string | Date
  }): Activity
  teamMember(o: { team: string; login: string; role?: 'member' | 'maintainer' }): SimpleUser
  release(o: {
    tag_name: string
    name?: string | null
    body?: string | null
    draft?: boolean
    prerelease?: boolean
    target_commitish?: string
    created_at?: string | Date
    published_at?: string | Date
    author?: string
  }): Release
}

export interface GitHubEmulator {
  /** http://127.0.0.1:PORT, to use as GITHUB_API_URL (routes are at the root, like api.github.com). */
  url: string
  requests: RecordedRequest[]
  violations: Violation[]
  unhandled: Unhandled[]
  /** Emulated responses that do not match the spec (emulator bugs or odd seeds); assertClean fails on them too. */
  responseErrors: Violation[]
  state: EmulatorState
  seed: Seed
  /** Handlers by operationId that replace the emulator's own (set them between runs to change one answer). */
  handlers: Record<string, Handler>
  /** The next `times` (default 1) matching requests get this answer instead of the handler's (still validated and recorded). */
  /** Injected faults not yet taken (each with `remaining`); empty it to clear them. */
  faults: (Fault & { remaining: number })[]
  failNext(fault: Fault): void
  /** Throws an Error listing violations, unhandled requests and off-spec responses, if any. */
  assertClean(): void
  close(): Promise<void>
}

export function startGitHubEmulator(options?: EmulatorOptions): Promise<GitHubEmulator>

export function loadSpec(): { doc: Record<string, unknown>; apiVersions: Set<string>; loadMs: number }

export const handlers: Record<string, Handler>

export class HttpError extends Error {
  constructor(status: number, body?: unknown, headers?: Record<string, string>)
  status: number
  body: unknown
  headers: Record<string, string>
}

export function errorBody(status: number, message: string, documentationUrl?: string, extra?: Record<string, unknown>): Record<string, unknown>
