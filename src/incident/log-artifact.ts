import { once } from 'node:events'
import { createReadStream, createWriteStream } from 'node:fs'
import { rm } from 'node:fs/promises'
import { dirname } from 'node:path'
import { LogDigest } from './log-digest.js'
import type { RunContext } from '../settings/types.js'
import { messageOf } from '../values/message-of.js'

/** The artifact holding the redacted full logs: its link, or why there is none. */
export interface ArtifactResult {
  readonly url?: string
  readonly note: string
}

/**
 * Uploads the redacted full logs as one workflow artifact. @actions/artifact is loaded only
 * here: it is large, and most runs never open an incident. A failed upload is reported, never
 * thrown: the incident goes on without the link.
 */
export async function uploadLogs(
  files: readonly string[],
  name: string,
  ctx: RunContext,
  o: { retentionDays: number; unavailable: string }
): Promise<ArtifactResult> {
  if (!files.length) return { note: 'no log was downloaded, so no artifact was uploaded.' }
  const where = dirname(files[0])
  if (o.unavailable) return { note: `upload skipped: ${o.unavailable}. The redacted logs are in ${where} on the runner.` }
  // The upload is the last thing the step does: its chunk loads only now.
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, [...files], where, o.retentionDays > 0 ? { retentionDays: o.retentionDays } : {})
    const repo = ctx.repository
    const url = id && repo && ctx.runId ? `${ctx.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${ctx.runId}/artifacts/${id}` : undefined
    return { ...(url && { url }), note: `uploaded as artifact ${name}.` }
  } catch (e) {
    return { note: `upload failed: ${messageOf(e)}. The redacted logs are in ${where} on the runner.` }
  }
}

/**
 * Redacts each raw log copy into a `.log` file beside it and deletes the raw copy: only redacted
 * logs are uploaded or left on the runner. Streams: memory stays flat whatever the log's size.
 */
export async function redactLogFiles(raw: readonly string[], redact: (text: string) => string): Promise<string[]> {
  const out: string[] = []
  for (const file of raw) {
    const target = file.replace(/\.raw$/, '.log')
    const digest = new LogDigest({ lines: 0, redact, full: true })
    const sink = createWriteStream(target, { mode: 0o600 })
    const write = async (text: string): Promise<void> => {
      if (text && !sink.write(text)) await once(sink, 'drain')
    }
    try {
      for await (const chunk of createReadStream(file, { highWaterMark: 64 * 1024 })) await write(digest.push(chunk as Buffer))
      await write(digest.end().rest)
    } finally {
      await new Promise((resolve) => sink.end(resolve))
      await rm(file, { force: true })
    }
    out.push(target)
  }
  return out
}

/** What the issue says about the full logs before they are uploaded. */
export function artifactPromise(name: string, runUrl: string, unavailable: string, dir: string): { url?: string; note: string } {
  if (unavailable) return { note: `no artifact: ${unavailable}. The redacted logs are kept in ${dir} on the runner.` }
  return {
    ...(runUrl && { url: `${runUrl}#artifacts` }),
    note: `artifact ${name}, uploaded after this issue was written (the job summary says if the upload failed).`
  }
}

/** An artifact name unique to the run attempt and environment, in the characters artifacts allow. */
export function artifactName(environment: string, ctx: RunContext): string {
  return `deploy-guard-logs-${environment}-${ctx.runId || 'local'}-${ctx.runAttempt}`.replace(/[^\w.-]+/g, '_')
}
