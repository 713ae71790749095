// A repository and workflow run as an incident finds them: a last good deployment, commits
// since, and the jobs of run 4242 (the run test-support/run-action.mjs runs in) with their logs.

/** The run id and attempt runAction gives the action (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT). */
export const RUN_ID = 4242

/**
 * Seeds `gh` with: a good release `goodSha` deployed to `environment`, commits from it to
 * `sha` (each `{ message, author }`), and run 4242 with jobs build (success), deploy (success,
 * `deployLog`), integration (failure, `failedLog`) and verify (in progress: the guard's own job).
 * @param {import('./github-emulator/index.d.mts').GitHubEmulator} gh
 * `deployConclusion` makes the deploy job fail (with `deploy-result: failure`).
 * @param {{ sha: string, environment?: string, commits?: { message: string, author?: { name: string, email: string, login?: string } }[], deployLog?: any, failedLog?: any, extraJobs?: object[], deployConclusion?: string }} o
 */
export function seedIncidentScenario(
  gh,
  { sha, environment = 'production', commits = [], deployLog = 'deploying\n', failedLog = 'Error: boom\n', extraJobs = [], deployConclusion = 'success' }
) {
  const good = gh.seed.commit({ message: 'Release 1.4.0 (#40)', author: { name: 'Rel Eng', email: 'rel@example.com', login: 'releng' } })
  gh.seed.tag({ name: 'v1.4.0', sha: good.sha })
  gh.seed.deployment({ sha: good.sha, ref: 'v1.4.0', environment, statuses: ['in_progress', 'success'] })
  let parent = good.sha
  for (const c of commits) parent = gh.seed.commit({ parents: [parent], message: c.message, author: c.author }).sha
  gh.seed.commit({ sha, parents: [parent], message: 'Bump the cache size (#57)', author: { name: 'Dev One', email: 'dev1@example.com', login: 'devone' } })
  const run = gh.seed.workflowRun({ id: RUN_ID, head_sha: sha, status: 'in_progress' })
  const started = new Date(Date.now() - 10 * 60_000)
  gh.seed.job({ run_id: RUN_ID, name: 'build', conclusion: 'success', log: 'built\n', started_at: started })
  const deploy = gh.seed.job({
    run_id: RUN_ID,
    name: 'deploy',
    conclusion: deployConclusion,
    log: deployLog,
    started_at: started,
    completed_at: new Date(Date.now() - 2 * 60_000)
  })
  const failed = gh.seed.job({ run_id: RUN_ID, name: 'integration', conclusion: 'failure', log: failedLog, started_at: started })
  const own = gh.seed.job({ run_id: RUN_ID, name: 'verify', status: 'in_progress', started_at: new Date() })
  for (const j of extraJobs) gh.seed.job({ run_id: RUN_ID, ...j })
  return { run, good, deploy, failed, own }
}

/** Incident issues of the emulator, open ones by default. */
export function incidents(gh, state = 'open') {
  return gh.state.issues.filter((i) => (state === 'all' || i.state === state) && (i.body ?? '').includes('<!-- deploy-guard:incident '))
}

/** The comments of an issue, oldest first. */
export function commentsOf(gh, issue) {
  return gh.state.comments.filter((c) => c.issue_url === issue.url)
}
