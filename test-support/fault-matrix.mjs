// The faults of issue 12's matrix, shared by __tests__/integration/failure-faults.test.ts and
// bench/scenario-faults.mjs: each is a partial `failNext` fault for the GitHub emulator.

/** Short deadline and backoff so "no answer within the deadline" costs 2 s, not 30 s. */
export const FAST_GITHUB = {
  DEPLOY_GUARD_GITHUB_TIMEOUT: '2s',
  DEPLOY_GUARD_GITHUB_BACKOFF: '100ms',
  DEPLOY_GUARD_GITHUB_RETRY_BUDGET: '20s'
}

const SECONDARY = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
}

/** [name, fault] pairs: GitHub's ways of answering badly once. */
export const FAULTS = [
  ['500 once', { status: 500 }],
  ['502 once', { status: 502 }],
  ['no answer within the deadline (not done)', { hang: true }],
  ['done, answer lost (502)', { status: 502, afterWork: true }],
  ['done, answer lost (no answer)', { hang: true, afterWork: true }],
  ['403 secondary rate limit', { status: 403, body: SECONDARY, headers: { 'retry-after': '1' } }]
]

/** Rollbacks that reached the deployer, by strategy: dispatched runs, dispatch events, or rollback deployments (task deploy). */
export function deliveredRollbacks(gh, strategy) {
  if (strategy === 'repository-dispatch') return gh.state.repositoryDispatches.length
  if (strategy === 'deployment') return gh.state.deployments.filter((d) => d.task === 'deploy' && d.payload?.deploy_guard?.rollback_of).length
  return gh.state.workflowDispatches.length
}
