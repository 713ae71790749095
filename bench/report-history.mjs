// The history of the report bench, seeded into the GitHub emulator: 90 days of a busy repository
// ending an hour ago: 5,000 commits on main brought by merged PRs (squash, merge commits with their
// branch commits, rebase merges), 500 deployments of production recorded as a job's environment
// and the guard record them (a success, then the guard's passed status), every 25th deployment
// failed by the guard with its incident issue, its rollback record and the rollback's deployment,
// and one good deployment 181 days ago (the base the first changes are compared from).
// Deterministic: the same counts and shapes on every run.

const HOUR = 3_600_000
const DAY = 24 * HOUR
export const REPORT_COMMITS = 5000
export const REPORT_DEPLOYMENTS = 500

/** Seeds `api` (startGitHubEmulator's result); returns what was seeded. */
export function seedReportHistory(api, now = Date.now()) {
  const s = api.state
  const iso = (t) => new Date(t).toISOString()
  const run = (id) => `https://github.com/octo-org/octo-repo/actions/runs/${id}`
  const start = now - 90 * DAY + HOUR
  const end = now - 2 * HOUR
  let head = s.branches.get('main')
  const base = api.seed.commit({ message: 'base', parents: [head], date: iso(now - 200 * DAY) }).sha
  head = base
  api.seed.deployment({
    sha: base,
    ref: base,
    environment: 'production',
    created_at: iso(now - 181 * DAY),
    statuses: [{ state: 'success', log_url: run(1), created_at: iso(now - 181 * DAY) }]
  })
  // PRs of 1 (squash), 5 (4 branch commits and the merge commit) or 3 (rebase) commits, 3.4 on average.
  const kinds = ['squash', 'merge', 'merge', 'rebase', 'squash', 'merge', 'merge', 'rebase', 'squash', 'merge']
  const size = { squash: 1, merge: 5, rebase: 3 }
  const plan = []
  for (let n = 0, i = 0; n < REPORT_COMMITS; i++) {
    const kind = kinds[i % kinds.length]
    const k = Math.min(size[kind], REPORT_COMMITS - n)
    plan.push(k === size[kind] ? kind : 'squash-tail')
    n += k
  }
  const step = (end - start) / plan.length
  const merges = []
  let commits = 0
  plan.forEach((kind, i) => {
    const mergedAt = start + (i + 1) * step
    const created = mergedAt - 6 * HOUR
    const commit = (parents, authored, message) => {
      commits++
      return api.seed.commit({ message, parents, date: iso(authored) }).sha
    }
    const before = head
    let mergeSha
    let headSha
    if (kind === 'merge') {
      let b = head
      for (let c = 0; c < 4; c++) b = commit([b], created - (4 - c) * HOUR, `work ${i}.${c}`)
      headSha = b
      mergeSha = commit([head, b], mergedAt, `Merge pull request #${i + 1}`)
    } else if (kind === 'rebase') {
      let b = head
      for (let c = 0; c < 3; c++) b = commit([b], created - (3 - c) * HOUR, `rebased ${i}.${c}`)
      headSha = mergeSha = b
    } else {
      headSha = mergeSha = commit([head], mergedAt, `Change ${i} (#${i + 1})`)
    }
    head = mergeSha
    if (kind === 'squash-tail') return
    merges.push({ before, headSha, mergeSha, created, mergedAt, i })
  })
  // The default branch as each PR saw it, so that a PR's commits are its own.
  for (const m of merges) {
    api.seed.branch({ name: 'main', sha: m.before })
    api.seed.pullRequest({
      title: `PR ${m.i}`,
      head: { ref: `pr-${m.i}`, sha: m.headSha },
      created_at: iso(m.created),
      merged_at: iso(m.mergedAt),
      merge_commit_sha: m.mergeSha
    })
  }
  api.seed.branch({ name: 'main', sha: head })
  // Deployments: the main head as of each deployment time.
  const mainline = []
  for (let c = head; c && c !== base; c = s.commits.get(c)?.parents[0]) mainline.push({ sha: c, at: Date.parse(s.commits.get(c).date) })
  mainline.reverse()
  const slots = REPORT_DEPLOYMENTS - Math.floor(REPORT_DEPLOYMENTS / 26)
  const dstep = (end - start) / slots
  let good = base
  let deployments = 0
  let runId = 1000
  for (let k = 0; k < slots; k++) {
    const t = start + (k + 1) * dstep - HOUR
    const sha = [...mainline].reverse().find((c) => c.at <= t)?.sha ?? base
    const r = ++runId
    const failing = k % 25 === 24 && deployments < REPORT_DEPLOYMENTS - 1
    const statuses = [
      { state: 'success', log_url: run(r), created_at: iso(t + 5 * 60_000) },
      failing
        ? { state: 'failure', description: 'deploy-guard: failed: error-rate failed', log_url: run(r), created_at: iso(t + 10 * 60_000) }
        : { state: 'success', description: 'deploy-guard: passed: 1 check passed', log_url: run(r), created_at: iso(t + 10 * 60_000) }
    ]
    const d = api.seed.deployment({ sha, ref: sha, environment: 'production', created_at: iso(t), statuses })
    deployments++
    if (!failing) {
      good = sha
      continue
    }
    const marker = JSON.stringify({ environment: 'production', version: sha, deployedAt: t, detectedAt: t + 10 * 60_000 })
    api.seed.issue({
      title: `Incident ${k}`,
      body: `<!-- deploy-guard:incident ${marker} -->`,
      labels: ['incident', 'env:production'],
      state: 'closed',
      created_at: iso(t + 10 * 60_000)
    })
    const payload = {
      deploy_guard: {
        version: good,
        rollback_of: sha,
        rollback_of_deployment: d.id,
        run_id: String(r),
        run_attempt: '1',
        job: 'verify',
        strategy: 'workflow',
        run_url: run(r)
      }
    }
    api.seed.deployment({
      sha: good,
      ref: good,
      environment: 'production',
      task: 'deploy-guard:rollback',
      payload,
      created_at: iso(t + 11 * 60_000),
      statuses: [{ state: 'queued', description: 'deploy-guard: rollback sent', log_url: run(r), created_at: iso(t + 11 * 60_000) }]
    })
    const rb = ++runId
    api.seed.deployment({
      sha: good,
      ref: good,
      environment: 'production',
      created_at: iso(t + 15 * 60_000),
      statuses: [
        { state: 'success', log_url: run(rb), created_at: iso(t + 20 * 60_000) },
        { state: 'success', description: 'deploy-guard: passed: 1 check passed', log_url: run(rb), created_at: iso(t + 25 * 60_000) }
      ]
    })
    deployments++
  }
  return { commits, pulls: merges.length, deployments }
}
