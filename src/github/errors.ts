/** A GitHub call that failed, with what to do about it in the user's terms. */
export class GitHubCallError extends Error {
  constructor(
    readonly action: string,
    readonly status: number | undefined,
    message: string
  ) {
    super(message)
    this.name = 'GitHubCallError'
  }
}

/**
 * Turns an Octokit error into one sentence: what failed, the status, and for 403/404 from
 * missing permissions the line to add to the workflow's `permissions:` block.
 */
export function explain(action: string, e: unknown, permission: string): GitHubCallError {
  const err = e as { status?: number; message?: string; response?: { data?: { message?: string } } }
  const status = typeof err.status === 'number' ? err.status : undefined
  const apiMessage = err.response?.data?.message ?? err.message ?? String(e)
  let hint = ''
  if (status === 403 || status === 404) {
    hint = ` The token may lack a permission: add \`${permission}\` to the workflow's \`permissions:\` block.`
  } else if (status === 401) {
    hint = ' The token was refused: check the github-token input.'
  }
  return new GitHubCallError(action, status, `${action} failed${status ? ` (${status})` : ''}: ${apiMessage}.${hint}`)
}
