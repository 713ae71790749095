// Emulated operations, keyed by the spec's operationId. A valid request for an operationId that
// is missing here is answered 501 and recorded in gh.unhandled.
import { actionsHandlers } from './routes-actions.mjs'
import { deploymentHandlers } from './routes-deployments.mjs'
import { issueHandlers } from './routes-issues.mjs'
import { pullHandlers } from './routes-pulls.mjs'
import { repoHandlers } from './routes-repos.mjs'
import { historyHandlers } from './routes-history.mjs'

/**
 * Each handler receives ctx = { state, params, query, body, headers, apiVersion, docUrl, pathname,
 * searchParams, operationId } (params and query already coerced per the spec) and returns
 * { status, body, headers } or throws an HttpError.
 */
export const handlers = {
  ...repoHandlers,
  ...deploymentHandlers,
  ...issueHandlers,
  ...actionsHandlers,
  ...pullHandlers,
  ...historyHandlers
}
