// The weeks before the demo's story, as deploy-guard would have recorded them: a release a week
// through a pull request, each verified by the guard, one of them bad (the guard's failure, its
// rollback record, the redeploy of the release before it, the incident issue) and fixed the next
// day. The delivery report of the last step reads this history: it counts the window up to the
// start of the current hour, so the story's own releases of today are not in it yet.

/** The incident issue's hidden marker, in the format of src/incident/marker.ts (the values here hold no `<`, `>` or `&`). */
const marker = (m) => `<!-- deploy-guard:incident ${JSON.stringify(m)} -->`

const DAY = 86_400_000
const HOUR = 3_600_000
const hex = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(2, '0')).join('')
const shaOf = (name) => (hex(name) + '0'.repeat(40)).slice(0, 40)

/** The releases before v1.3.0: [version, days before the story, the PR's title, hours from opening the PR to its merge, bad?]. */
const PAST = [
  ['v1.0.0', 70, 'Checkout: card payments', 30, false],
  ['v1.0.1', 63, 'Fix rounding of totals', 4, false],
  ['v1.1.0', 56, 'Saved addresses', 50, false],
  ['v1.1.1', 49, 'Database pool from config', 6, true],
  ['v1.1.2', 48, 'Database pool: production size', 3, false],
  ['v1.2.0', 42, 'Order history page', 26, false],
  ['v1.2.1', 35, 'Faster product search', 20, false],
  ['v1.2.2', 21, 'Gift cards', 44, false],
  ['v1.2.3', 14, 'Retry payment webhooks', 8, false]
]

/**
 * Seeds the history on the default branch of the emulator; returns the number of deployments
 * seeded. `now` is when the story starts.
 */
export function seedHistory(gh, { branch, owner, repo, now }) {
  const runUrl = (id) => `https://github.com/${owner}/${repo}/actions/runs/${id}`
  const guard = (state, at, run, text) => ({ state, description: `deploy-guard: ${text}`, log_url: runUrl(run), created_at: new Date(at).toISOString() })
  let count = 0
  let previous
  PAST.forEach(([version, daysAgo, title, review, bad], i) => {
    const deployed = now - daysAgo * DAY
    const merged = deployed - 2 * HOUR
    const opened = merged - review * HOUR
    const head = gh.seed.commit({ sha: shaOf(`${version}-head`), message: title, date: new Date(opened - HOUR).toISOString() }).sha
    const squash = shaOf(version)
    const pr = gh.seed.pullRequest({
      title,
      user: 'sam',
      head: { ref: `feature-${i + 1}`, sha: head },
      created_at: new Date(opened).toISOString(),
      merged_at: new Date(merged).toISOString(),
      merge_commit_sha: squash,
      commits: [head, squash]
    })
    gh.seed.commit({ sha: squash, message: `${title} (#${pr.number})`, date: new Date(merged).toISOString(), branch })
    gh.seed.tag({ name: version, sha: squash })
    const run = 4000 + i * 10
    const dep = gh.seed.deployment({
      sha: squash,
      ref: version,
      environment: 'production',
      payload: { deploy_guard: { version } },
      created_at: new Date(deployed).toISOString(),
      statuses: [
        { state: 'in_progress', description: 'deploy-guard: verifying', log_url: runUrl(run), created_at: new Date(deployed).toISOString() },
        bad ? guard('failure', deployed + 4 * 60_000, run, 'failed: error rate failed') : guard('success', deployed + 5 * 60_000, run, 'passed')
      ]
    })
    count++
    if (bad && previous) {
      // The guard's rollback record, then the dispatched run redeploys the release before it and verifies it.
      const sent = deployed + 4 * 60_000 + 3_000
      gh.seed.deployment({
        sha: previous.sha,
        ref: previous.version,
        environment: 'production',
        task: 'deploy-guard:rollback',
        payload: {
          deploy_guard: {
            version: previous.version,
            rollback_of: version,
            rollback_of_deployment: dep.id,
            run_id: String(run),
            run_attempt: '1',
            job: 'verify',
            strategy: 'workflow',
            run_url: runUrl(run)
          }
        },
        created_at: new Date(sent).toISOString(),
        statuses: [{ state: 'queued', description: 'deploy-guard: rollback sent', log_url: runUrl(run), created_at: new Date(sent).toISOString() }]
      })
      const redeployed = sent + 6 * 60_000
      gh.seed.deployment({
        sha: previous.sha,
        ref: previous.version,
        environment: 'production',
        payload: { deploy_guard: { version: previous.version } },
        created_at: new Date(redeployed).toISOString(),
        statuses: [guard('success', redeployed + 2 * 60_000, run + 1, 'passed')]
      })
      count++
      gh.seed.issue({
        title: `Incident: production failed verification of ${version} (sev1)`,
        body: `${marker({ environment: 'production', version, deployedAt: deployed, detectedAt: deployed + 4 * 60_000, rollbackSentAt: sent })}\n\nThe error rate of ${version} went over its bound.`,
        labels: ['incident', 'sev1', 'env:production'],
        state: 'closed',
        created_at: new Date(deployed + 4 * 60_000).toISOString()
      })
    }
    previous = { version, sha: squash }
  })
  return count
}
