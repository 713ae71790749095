// The pipeline's logs for the incident: the jobs of this run attempt, and the logs of the failed
// jobs and the deploy job streamed through a LogDigest (tail and error lines kept, redacted).
// For the artifact, each log is also copied as it streams to a raw file in the runner's temp
// directory, redacted after the issue is posted (incident-artifact.ts): the issue does not wait
// for a 200 MB log to be redacted whole.
import { once } from 'node:events'
import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { GitHubConnection } from '../github/connect.js'
import { jobLogUrl, JobLogUnavailable, listAttemptJobs, type RunJob } from '../github/job-logs.js'
import type { JobLog } from '../facts/incident-facts.js'
import { LogDigest } from './log-digest.js'
import type { LogExcerpt } from '../facts/incident-facts.js'
import { httpStream } from '../net/http-stream.js'
import { messageOf } from '../values/message-of.js'

/** Logs downloaded at most per incident: each costs an API call and a download. */
export const MAX_LOGS = 4
const DOWNLOAD_TIMEOUT_MS = 120_000

export interface LogRequest {
  readonly runId: number
  readonly attempt: number
  readonly deployJob: string
  readonly logLines: number
  readonly redact: (text: string) => string
  /** Where to copy the full logs for the artifact (raw: redacted later); none written when undefined. */
  readonly dir?: string
  readonly signal?: AbortSignal
}

export interface LogCollection {
  readonly jobs: readonly JobLog[]
  /** Raw copies of the full logs, to redact before the artifact is uploaded. */
  readonly files: readonly string[]
  /** The directory of the raw copies. */
  readonly dir?: string
  /** When the deploy job ended: the incident's "deployed" time. */
  readonly deployedAt?: number
  /** Set when the jobs could not be listed. */
  readonly note?: string
}

/** Lists the attempt's jobs and attaches the relevant logs; a log that cannot be had becomes a note, never an error. */
export async function collectJobLogs(conn: GitHubConnection, r: LogRequest): Promise<LogCollection> {
  let jobs: RunJob[]
  try {
    jobs = await listAttemptJobs(conn.client, conn.repo, r.runId, r.attempt)
  } catch (e) {
    return { jobs: [], files: [], note: `The jobs of this run could not be listed: ${messageOf(e)}` }
  }
  const isDeploy = (j: RunJob): boolean => j.name === r.deployJob || j.name.startsWith(`${r.deployJob} (`)
  const roleOf = (j: RunJob): JobLog['role'] =>
    j.status !== 'completed' ? undefined : ['failure', 'timed_out'].includes(j.conclusion ?? '') ? 'failed' : isDeploy(j) ? 'deploy' : undefined
  const wanted = jobs.filter((j) => roleOf(j)).slice(0, MAX_LOGS)
  if (r.dir) mkdirSync(r.dir, { recursive: true })
  const files: string[] = []
  const results = await Promise.all(
    jobs.map(async (j): Promise<JobLog> => {
      const role = roleOf(j)
      const base: JobLog = { ...j, ...(role && { role }) }
      if (j.status !== 'completed') return { ...base, note: 'still running: a log exists only once a job has finished (the guard reports its own job above)' }
      if (!wanted.includes(j)) return base
      const file = r.dir ? join(r.dir, `${j.id}-${j.name.replace(/[^\w.-]+/g, '_').slice(0, 60)}.raw`) : undefined
      try {
        const excerpt = await downloadLog(conn, j.id, r, file)
        if (file) files.push(file)
        return { ...base, excerpt }
      } catch (e) {
        return { ...base, note: e instanceof JobLogUnavailable ? e.message : `the log could not be read: ${messageOf(e)}` }
      }
    })
  )
  const deploy = jobs.find((j) => isDeploy(j) && j.completedAt !== undefined)
  return { jobs: results, files, ...(r.dir && { dir: r.dir }), ...(deploy?.completedAt !== undefined && { deployedAt: deploy.completedAt }) }
}

/** Streams one log: the API gives a signed URL, fetched without the token. */
async function downloadLog(conn: GitHubConnection, jobId: number, r: LogRequest, file: string | undefined): Promise<LogExcerpt> {
  const url = await jobLogUrl(conn.client, conn.repo, jobId)
  const res = await httpStream({ url, timeoutMs: DOWNLOAD_TIMEOUT_MS, maxRedirects: 3, ...(r.signal && { signal: r.signal }) })
  if (res.status === 404 || res.status === 410 || res.status === 403) {
    await drain(res.body)
    throw new JobLogUnavailable(`the log has expired or is gone (the log storage answered ${res.status})`, res.status)
  }
  if (res.status !== 200) {
    await drain(res.body)
    throw new JobLogUnavailable(`the log storage answered ${res.status}`, res.status)
  }
  const digest = new LogDigest({ lines: r.logLines, redact: r.redact })
  const out = file ? createWriteStream(file, { mode: 0o600 }) : undefined
  try {
    for await (const chunk of res.body) {
      digest.push(chunk)
      if (out && !out.write(chunk)) await once(out, 'drain')
    }
    return digest.end().excerpt
  } finally {
    if (out) await new Promise((resolve) => out.end(resolve))
  }
}

async function drain(body: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of body) void _
}
