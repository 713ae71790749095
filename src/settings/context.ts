import type { Env } from './inputs.js'
import type { RunContext } from './types.js'
import { tmpdir } from 'node:os'

/** The workflow run's context, from the variables the runner sets for every step. */
export function readContext(env: Env): RunContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  return {
    repository: owner && repo ? { owner, repo } : undefined,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    serverUrl: (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, ''),
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    tempDir: env.RUNNER_TEMP || tmpdir(),
    workspace: env.GITHUB_WORKSPACE || process.cwd()
  }
}

/** Link to this workflow run (and attempt) on GitHub; '' outside a run. */
export function runUrl(ctx: RunContext): string {
  if (!ctx.repository || !ctx.runId) return ''
  const base = `${ctx.serverUrl}/${ctx.repository.owner}/${ctx.repository.repo}/actions/runs/${ctx.runId}`
  return ctx.runAttempt && ctx.runAttempt !== '1' ? `${base}/attempts/${ctx.runAttempt}` : base
}
