import { dirname } from 'node:path'
import type { RunContext } from '../settings/types.js'

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
export async function uploadLogs(files: readonly string[], name: string, ctx: RunContext, o: { retentionDays: number; unavailable: string }): Promise<ArtifactResult> {
  if (!files.length) return { note: 'no log was downloaded, so no artifact was uploaded.' }
  const where = dirname(files[0])
  if (o.unavailable) return { note: `upload skipped: ${o.unavailable}. The redacted logs are in ${where} on the runner.` }
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    const { id } = await new DefaultArtifactClient().uploadArtifact(name, [...files], where, o.retentionDays > 0 ? { retentionDays: o.retentionDays } : {})
    const repo = ctx.repository
    const url = id && repo && ctx.runId ? `${ctx.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${ctx.runId}/artifacts/${id}` : undefined
    return { ...(url && { url }), note: `uploaded as artifact ${name}.` }
  } catch (e) {
    return { note: `upload failed: ${e instanceof Error ? e.message : String(e)}. The redacted logs are in ${where} on the runner.` }
  }
}

/** An artifact name unique to the run attempt and environment, in the characters artifacts allow. */
export function artifactName(environment: string, ctx: RunContext): string {
  return `deploy-guard-logs-${environment}-${ctx.runId || 'local'}-${ctx.runAttempt}`.replace(/[^\w.-]+/g, '_')
}
