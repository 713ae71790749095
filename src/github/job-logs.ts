import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain, GitHubCallError } from './errors.js'

const PERMISSION = 'actions: read'

import type { RunJob } from '../facts/incident-facts.js'

export type { RunJob }

/** The jobs of one attempt of a workflow run (a re-run's jobs, not the first attempt's). */
export async function listAttemptJobs(gh: GitHubClient, repo: Repo, runId: number, attempt: number): Promise<RunJob[]> {
  try {
    const { data } = await gh.rest.actions.listJobsForWorkflowRunAttempt({ ...repo, run_id: runId, attempt_number: attempt, per_page: 100 })
    return data.jobs.map((j) => ({
      id: j.id,
      name: j.name,
      status: j.status,
      conclusion: j.conclusion,
      url: j.html_url ?? '',
      ...(j.completed_at && { completedAt: Date.parse(j.completed_at) }),
      ...failedStep(j.steps)
    }))
  } catch (e) {
    throw explain('listing the jobs of this run', e, PERMISSION)
  }
}

function failedStep(steps: readonly { name: string; conclusion: string | null }[] | undefined): { failedStep?: string } {
  const step = steps?.find((x) => x.conclusion === 'failure' || x.conclusion === 'timed_out')
  return step ? { failedStep: step.name } : {}
}

/** Why a job's log cannot be had, in the reader's words. */
export class JobLogUnavailable extends Error {
  constructor(
    message: string,
    readonly status: number | undefined
  ) {
    super(message)
    this.name = 'JobLogUnavailable'
  }
}

/**
 * The signed URL of a job's log. GitHub answers 302 to blob storage; the redirect is not
 * followed here, so the token is never sent to the storage host: the caller downloads the URL
 * with no credentials. 404 and 410 mean the log is gone (expired, or never written).
 */
export async function jobLogUrl(gh: GitHubClient, repo: Repo, jobId: number): Promise<string> {
  let res
  try {
    res = await gh.rest.actions.downloadJobLogsForWorkflowRun({ ...repo, job_id: jobId, request: { redirect: 'manual' } })
  } catch (e) {
    const status = (e as { status?: number }).status
    if (status === 410) throw new JobLogUnavailable('the log has expired (GitHub answered 410 Gone)', 410)
    if (status === 404) throw new JobLogUnavailable('no log (GitHub answered 404: expired, never written, or the token lacks `actions: read`)', 404)
    const err = explain(`fetching the log of job ${jobId}`, e, PERMISSION)
    throw new JobLogUnavailable(err.message, err.status)
  }
  const location = (res.headers as Record<string, string | undefined>).location
  if (!location) throw new GitHubCallError(`fetching the log of job ${jobId}`, res.status, `GitHub answered ${res.status} without a log location`)
  return location
}
