import type { Restore } from '../facts/outcomes.js'
import type { GitHubConnection } from '../github/connect.js'
import { workflowRunState, type DispatchedRun } from '../github/rollback-triggers.js'
import type { Clock } from '../engine/clock.js'
import { formatDuration } from '../values/parse.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { sampleOnce } from './sample-once.js'

/**
 * Watches the rollback's workflow run until it completes or the wait's timeout, then samples
 * every check once: restored when the run succeeded and every check passes. Bounded by
 * `rollback.wait.timeout`; a run that GitHub cannot be asked about ends the wait, not the job.
 */
export async function waitForRestore(s: VerifyModeSettings, gh: GitHubConnection, run: DispatchedRun, clock: Clock, decidedAt: number): Promise<Restore> {
  const wait = s.rollback.wait
  if (!wait) throw new Error('waitForRestore without rollback.wait')
  const deadline = clock.now() + wait.timeoutMs
  let state = await workflowRunState(gh.client, gh.repo, run.id)
  while (state.status !== 'completed') {
    if (clock.now() + wait.pollMs > deadline) {
      return {
        state: 'not restored',
        reason: `the rollback run ${run.id} did not finish within ${formatDuration(wait.timeoutMs)} (rollback.wait.timeout); it is ${state.status}`
      }
    }
    await clock.sleep(wait.pollMs)
    state = await workflowRunState(gh.client, gh.repo, run.id)
  }
  const conclusion = state.conclusion ?? 'unknown'
  if (conclusion !== 'success') return { state: 'not restored', runConclusion: conclusion, reason: `the rollback run ${run.id} ended ${conclusion}` }
  const v = await sampleOnce(s, clock)
  const bad = v.checks.filter((c) => c.status !== 'passed')
  if (bad.length) {
    return {
      state: 'not restored',
      runConclusion: conclusion,
      reason: `the rollback run succeeded, but ${bad.map((c) => `${c.name} ${c.status}`).join(', ')} after it`
    }
  }
  const timeToRestoreMs = clock.now() - decidedAt
  return {
    state: 'restored',
    runConclusion: conclusion,
    timeToRestoreMs,
    reason: `every check passes after the rollback run; time to restore ${formatDuration(Math.round(timeToRestoreMs / 1000) * 1000)}`
  }
}
