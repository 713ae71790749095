import { clip } from '../text/clip.js'
import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'

/** The context branch protection requires. */
export const APPROVAL_CONTEXT = 'deploy-guard/change-approval'

export type StatusPosted = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly status?: number; readonly message: string }

/** Posts the approval verdict on a commit. A refusal is returned, not thrown: the job result still carries the verdict. */
export async function postApprovalStatus(
  gh: GitHubClient,
  repo: Repo,
  sha: string,
  state: 'success' | 'failure',
  description: string,
  targetUrl: string
): Promise<StatusPosted> {
  try {
    const { data } = await gh.rest.repos.createCommitStatus({
      ...repo,
      sha,
      state,
      context: APPROVAL_CONTEXT,
      description: clip(description),
      ...(targetUrl && { target_url: targetUrl })
    })
    return { ok: true, url: data.url }
  } catch (e) {
    const err = explain(`posting the ${APPROVAL_CONTEXT} status on ${sha.slice(0, 7)}`, e, 'statuses: write')
    return { ok: false, ...(err.status !== undefined && { status: err.status }), message: err.message }
  }
}
