import * as core from '@actions/core'

/**
 * Replaces this step's job summary. The summary is written once as soon as the verdict is known
 * and again when the GitHub calls are done, so a run killed while GitHub makes it wait still
 * leaves the verdict behind. False when the runner gave no summary file.
 */
export async function writeSummary(markdown: string): Promise<boolean> {
  if (!process.env.GITHUB_STEP_SUMMARY) return false
  await core.summary.emptyBuffer().addRaw(markdown).write({ overwrite: true })
  return true
}
