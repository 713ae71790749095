import { tmpdir } from 'node:os'
import type { Env } from './inputs.js'
import type { RunContext } from './types.js'

/** The fields of @actions/github's `context` this action reads; plain data so tests can build one. */
export interface ToolkitContext {
  readonly payload: Readonly<Record<string, unknown>>
  readonly eventName?: string
  readonly sha?: string
  readonly ref?: string
  readonly workflow?: string
  readonly job?: string
  readonly actor?: string
  readonly runId?: number
  readonly runAttempt?: number
  readonly serverUrl: string
  readonly apiUrl: string
  readonly graphqlUrl: string
}

type Payload = {
  action?: string
  pull_request?: { number?: number; head?: { sha?: string; ref?: string } }
  workflow_run?: { head_sha?: string }
  before?: string
  after?: string
  merge_group?: { head_sha?: string; head_ref?: string; base_sha?: string; base_ref?: string }
  repository?: { full_name?: string; default_branch?: string }
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']

/**
 * The workflow run's context from the toolkit's `context` plus the runner variables it does
 * not cover. On a pull-request event the runner checks out a merge commit that no one deploys:
 * the commit under test is the PR's head; on workflow_run it is the triggering run's head.
 */
export function readContext(ctx: ToolkitContext, env: Env): RunContext {
  const payload = ctx.payload as Payload
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? payload.repository?.full_name ?? '').split('/')
  const eventName = ctx.eventName ?? ''
  const sha = ctx.sha ?? ''
  const pr = PULL_REQUEST_EVENTS.includes(eventName) ? payload.pull_request : undefined
  const headSha =
    pr?.head?.sha ??
    (eventName === 'workflow_run' ? payload.workflow_run?.head_sha : undefined) ??
    (eventName === 'merge_group' ? payload.merge_group?.head_sha : undefined) ??
    sha
  return {
    repository: owner && repo ? { owner, repo } : undefined,
    eventName,
    sha,
    headSha,
    ...(pr?.number !== undefined && {
      pullRequest: { number: pr.number, headSha: pr.head?.sha ?? sha, ...(payload.action && { action: payload.action }) }
    }),
    ...(eventName === 'push' && payload.before && payload.after && { push: { before: payload.before, after: payload.after } }),
    ...(eventName === 'merge_group' && payload.merge_group?.head_sha && { mergeGroup: mergeGroupOf(payload.merge_group) }),
    ref: ctx.ref ?? '',
    ...(payload.repository?.default_branch && { defaultBranch: payload.repository.default_branch }),
    runId: ctx.runId && Number.isFinite(ctx.runId) ? String(ctx.runId) : '',
    runAttempt: ctx.runAttempt && Number.isFinite(ctx.runAttempt) ? String(ctx.runAttempt) : '1',
    serverUrl: ctx.serverUrl.replace(/\/$/, ''),
    apiUrl: ctx.apiUrl.replace(/\/$/, ''),
    graphqlUrl: ctx.graphqlUrl,
    workflow: ctx.workflow ?? '',
    job: ctx.job ?? '',
    actor: ctx.actor ?? '',
    // A runner always sets RUNNER_TEMP; a missing one (a hand-run step) must not lose the report.
    tempDir: env.RUNNER_TEMP || tmpdir(),
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  }
}

function mergeGroupOf(g: NonNullable<Payload['merge_group']>): NonNullable<RunContext['mergeGroup']> {
  const branch = (ref?: string) => (ref ?? '').replace(/^refs\/heads\//, '')
  return { headSha: g.head_sha ?? '', headRef: branch(g.head_ref), baseSha: g.base_sha ?? '', baseRef: branch(g.base_ref) }
}

/** Link to this workflow run (and attempt) on GitHub; '' outside a run. */
export function runUrl(ctx: RunContext): string {
  if (!ctx.repository || !ctx.runId) return ''
  const base = `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}/actions/runs/${ctx.runId}`
  return ctx.runAttempt && ctx.runAttempt !== '1' ? `${base}/attempts/${ctx.runAttempt}` : base
}
