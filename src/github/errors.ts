/** A GitHub call that failed, with what to do about it in the user's terms. */
export class GitHubCallError extends Error {
  constructor(
    readonly action: string,
    readonly status: number | undefined,
    message: string,
    /** True when GitHub may have done it: whoever records the write leaves its state unknown. */
    readonly outcomeUnknown = false
  ) {
    super(message)
    this.name = 'GitHubCallError'
  }
}

type OctokitError = {
  status?: number
  message?: string
  cause?: { name?: string; message?: string }
  response?: { data?: { message?: string }; headers?: Record<string, string | undefined> }
}

/** GitHub's own message of a failed call (the API's `message`), or the error's. */
export const apiMessage = (e: unknown): string => {
  const err = e as OctokitError | null | undefined
  return err?.response?.data?.message ?? err?.message ?? String(e)
}

/** The HTTP status of a failed call, when it got one. */
export const statusOf = (e: unknown): number | undefined => {
  const status = (e as OctokitError | null | undefined)?.status
  return typeof status === 'number' ? status : undefined
}

/**
 * Turns an Octokit error into one sentence: what failed and why, in the user's terms. A 403 or
 * 404 from a missing permission names the line to add to the workflow's `permissions:` block;
 * a rate limit and a timeout are said to be what they are.
 */
export function explain(action: string, e: unknown, permission: string): GitHubCallError {
  const err = (e ?? {}) as OctokitError
  const status = statusOf(e)
  const message = apiMessage(e)
  const headers = err.response?.headers ?? {}
  if ((e as { name?: string })?.name === 'WriteOutcomeUnknown') return new GitHubCallError(action, undefined, `${action}: ${message}.`, true)
  if (err.cause?.name === 'GitHubTimeoutError') {
    return new GitHubCallError(action, undefined, `${action} failed: timeout: ${err.cause.message}.`)
  }
  if (err.response === undefined && (status === undefined || status === 500)) {
    // No HTTP answer at all (DNS, refused, reset): Octokit labels it 500, which would mislead.
    return new GitHubCallError(action, undefined, `${action} failed: no answer from GitHub: ${message}.`)
  }
  if ((status === 403 || status === 429) && /secondary rate/i.test(message)) {
    return new GitHubCallError(
      action,
      status,
      `${action} failed (${status}): GitHub's secondary rate limit (too many requests at once); not a permission problem. ${message}`
    )
  }
  if ((status === 403 || status === 429) && (headers['x-ratelimit-remaining'] === '0' || /rate limit/i.test(message))) {
    const reset = Number(headers['x-ratelimit-reset'])
    const when = Number.isFinite(reset) && reset > 0 ? ` It resets at ${new Date(reset * 1000).toISOString()}.` : ''
    return new GitHubCallError(action, status, `${action} failed (${status}): the token's API rate limit is used up; not a permission problem.${when}`)
  }
  if (status === 429) return new GitHubCallError(action, status, `${action} failed (429): GitHub asked to slow down (rate limited). ${message}`)
  let hint = ''
  if (status === 403 || status === 404) {
    hint = ` The token may lack a permission: add \`${permission}\` to the workflow's \`permissions:\` block.`
  } else if (status === 401) {
    hint = ' The token was refused: check the github-token input.'
  }
  return new GitHubCallError(action, status, `${action} failed${status ? ` (${status})` : ''}: ${message}.${hint}`)
}
