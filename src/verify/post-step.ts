import * as core from '@actions/core'
import { createClient } from '../github/client.js'
import { DeploymentLedger } from '../github/deployments.js'
import type { Log } from '../runner/log.js'
import { runUrl } from '../settings/context.js'
import { readPostSettings } from '../settings/read-settings.js'
import type { Env } from '../settings/inputs.js'
import type { ToolkitContext } from '../settings/context.js'
import type { LedgerState } from './ledger-session.js'
import { messageOf } from '../values/message-of.js'

const STATE_KEY = 'deployment'
const POST_KEY = 'isPost'

/** Marks the main step as run, so the same bundle knows it runs as the `post:` step next time. */
export function markMainStep(): void {
  core.saveState(POST_KEY, 'true')
}

export function isPostStep(): boolean {
  return core.getState(POST_KEY) === 'true'
}

/** Remembers the deployment this run recorded and whether its verdict was posted. */
export function saveLedgerState(state: LedgerState): void {
  core.saveState(STATE_KEY, JSON.stringify(state))
}

/**
 * The `post:` step. The main step closes its deployment itself, including on SIGINT; this
 * covers a hard kill (the runner's SIGKILL after SIGTERM), which would otherwise leave the
 * deployment `in_progress` forever.
 */
export async function runPost(env: Env, context: ToolkitContext, log: Log): Promise<number> {
  const raw = core.getState(STATE_KEY)
  if (!raw) return 0
  let state: LedgerState
  try {
    state = JSON.parse(raw) as LedgerState
  } catch {
    return 0
  }
  if (state.finished) return 0
  const s = readPostSettings(env, context, (v) => core.setSecret(v))
  const repo = s.context.repository
  if (!s.token || !repo) return 0
  // A verdict that was reached but could not be posted is posted now; only a step stopped before
  // its verdict is "cancelled".
  const v = state.verdict
  const status = v ?? { state: 'error' as const, description: 'deploy-guard: cancelled; the step was stopped before it could record a verdict' }
  const what = v ? `the verdict (${v.state}) was reached, but the main step could not post it` : 'cancelled before a verdict'
  try {
    const gh = await createClient(s.token, s.context.apiUrl, log, { timeoutMs: 10_000, maxWaitMs: 5_000, writeBudgetMs: 30_000 })
    await new DeploymentLedger(gh, repo).setStatus(state.deploymentId, status.state, status.description, runUrl(s.context))
    log.info(`deploy-guard post: ${what}; deployment ${state.deploymentId} set to ${status.state}.`)
  } catch (e) {
    log.warning(`deploy-guard post: ${what}; could not set deployment ${state.deploymentId} to ${status.state}: ${messageOf(e)}`)
  }
  return 0
}
