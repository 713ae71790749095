// Incident issues through the bundled action against the OpenAPI-validated GitHub emulator: the
// first failure opens one, later failures comment on it, concurrent runs end with one, a
// passing verify resolves it; logs come through the 302 without the token.
import { jest } from '@jest/globals'
import { example, runAction, TEST_TOKEN } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'
import { commentsOf, incidents, seedIncidentScenario } from '../../test-support/incident-scenario.mjs'

jest.setTimeout(60_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const sha = push.after as string

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const failing = (more: Record<string, string> = {}, o: object = {}) =>
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, 'runbook-url': 'https://runbooks.example.com/checkout', ...more }, ...o })
const passing = (more: Record<string, string> = {}, o: object = {}) =>
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'health-urls': `${target.url}/ok`, ...more }, ...o })

const deployLog = [
  '2026-05-01T10:00:00.0000000Z ##[group]Run ./deploy.sh',
  '2026-05-01T10:00:01.0000000Z pushing image registry.example.com/checkout:abc',
  '2026-05-01T10:00:02.0000000Z rollout complete',
  ''
].join('\n')
const failedLog = [
  ...Array.from({ length: 300 }, (_, i) => `2026-05-01T10:01:${String(i % 60).padStart(2, '0')}.0000000Z test ${i} ok`),
  '2026-05-01T10:02:00.0000000Z Error: expected 200, got 503 from /checkout',
  '2026-05-01T10:02:00.0000000Z     at Context.<anonymous> (test/checkout.test.js:42:11)',
  '2026-05-01T10:02:01.0000000Z ##[error]Process completed with exit code 1.',
  ''
].join('\n')

describe('the first failure', () => {
  it('opens one incident whose first screen answers what, when, what changed, what was done, where and next', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog, commits: [{ message: 'Tune the checkout timeout (#55)', author: { name: 'Dev Two', email: 'dev2@example.com', login: 'devtwo' } }] })
    const r = await failing()
    expect(r.code).toBe(1)
    const open = incidents(gh)
    expect(open).toHaveLength(1)
    const issue = open[0]
    expect(issue.title).toBe(`[sev1] production: failed verifying ${sha.slice(0, 7)} (deploy-guard)`)
    expect(issue.labels.map((l: { name: string }) => l.name).sort()).toEqual(['env:production', 'incident', 'sev1'])
    const body = issue.body as string
    const top = body.slice(0, body.indexOf('### Logs'))
    // what failed: the check, what was observed, the bound
    expect(top).toMatch(/\| `health http:\/\/127\.0\.0\.1:\d+\/status\/503` \| failed \| `status 503[^`]*` \| `2xx` \|/)
    // when
    expect(top).toMatch(/\| deployed \| detected \| rollback sent \|\n\| --- \| --- \| --- \|\n\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \| .* UTC \(2m\d*s? after\) \| none sent \|/)
    // what changed: the commits since the last good deployment, PR links, authors named
    expect(top).toContain('2 commits from `v1.4.0` (last good) to')
    expect(top).toContain(`[#55](https://github.com/${owner}/${repo}/pull/55)`)
    expect(top).toMatch(/`Tune the checkout timeout \(#55\)` by `Dev Two` \(`devtwo`\)/)
    expect(top).not.toMatch(/@devtwo|@devone/)
    // what was done, where to look, next steps
    expect(top).toContain('**Rollback:** none sent: no rollback is configured for this run.')
    expect(top).toMatch(/\*\*Deployment:\*\* \[\d+\]\(https:\/\/github\.com\/.*\/deployments\/production\) of `[0-9a-f]{40}` set to `failure`/)
    expect(top).toContain(`[workflow run](https://github.com/${owner}/${repo}/actions/runs/4242)`)
    expect(top).toContain('[runbook](https://runbooks.example.com/checkout)')
    expect(top).toContain('- [ ] Decide whether to roll back to `v1.4.0`: no rollback was sent')
    expect(top).toContain('**Severity** sev1: rule 1 (production, failed: sev1)')
    // outputs, summary, report
    expect(r.outputs['incident-issue-number']).toBe(String(issue.number))
    expect(r.outputs['incident-issue-url']).toBe(issue.html_url)
    expect(r.summary).toContain(`[incident #${issue.number} opened](${issue.html_url})`)
    expect(r.report.incident).toMatchObject({ action: 'opened', number: issue.number, posted: true, severity: 'sev1' })
  })

  it('attaches the failed and deploy job logs: error lines first, the tail, collapsed; the log storage never sees the token', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    const r = await failing({ 'log-lines': '50' })
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    const logs = body.slice(body.indexOf('### Logs'))
    expect(logs).toMatch(/<details><summary>❌ integration \(failure\): 3 error lines, last 50 of 303 lines<\/summary>/)
    expect(logs).toMatch(/\*\*Error lines\*\*\n\n```text\n.*Error: expected 200, got 503 from \/checkout\n.*at Context.<anonymous> \(test\/checkout.test.js:42:11\)\n.*##\[error\]Process completed with exit code 1\.\n```/)
    expect(logs).toContain('**Last 50 lines** (from line 254)')
    expect(logs).toMatch(/<summary>✅ deploy \(success\): last 3 of 3 lines<\/summary>/)
    expect(logs).toContain('2026-05-01T10:00:02.0000000Z rollout complete')
    expect(logs).toMatch(/\[verify\]\(https:\/\/github\.com\/.*\/job\/\d+\) \(in_progress\)/)
    expect(logs).not.toContain('built')
    const downloads = gh.requests.filter((q) => q.operationId === 'emulator/job-log-download')
    expect(downloads).toHaveLength(2)
    for (const d of downloads) {
      expect(d.headers.authorization).toBeUndefined()
      expect(JSON.stringify(d.headers)).not.toContain(TEST_TOKEN)
    }
    const api = gh.requests.filter((q) => q.operationId === 'actions/download-job-logs-for-workflow-run')
    expect(api.every((q) => /^token /.test(String(q.headers.authorization)))).toBe(true)
    expect(r.summary).toMatch(/full job logs as an artifact.*upload skipped: ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set/)
  })
})

describe('later failures', () => {
  it('comment on the open incident instead of opening another', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    const first = await failing()
    const second = await failing()
    expect(second.code).toBe(1)
    const open = incidents(gh)
    expect(open).toHaveLength(1)
    const comments = commentsOf(gh, open[0])
    expect(comments).toHaveLength(1)
    expect(comments[0].body).toMatch(/^### 🔁 Failed again in \[this run\]/)
    expect(comments[0].body).toContain('### What failed')
    expect(second.outputs['incident-issue-number']).toBe(first.outputs['incident-issue-number'])
    expect(second.report.incident).toMatchObject({ action: 'updated', number: open[0].number })
  })

  it('two runs failing at once end with one open incident; the duplicate links the survivor', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    // Both runs look before either creates: the create calls are held until both have asked.
    gh.failNext({ method: 'POST', operationId: 'issues/create', delayMs: 1500, times: 2 })
    const [a, b] = await Promise.all([failing(), failing()])
    expect([a.code, b.code]).toEqual([1, 1])
    expect(gh.requests.filter((q) => q.operationId === 'issues/create')).toHaveLength(2)
    const open = incidents(gh)
    expect(open).toHaveLength(1)
    const closed = incidents(gh, 'closed')
    expect(closed).toHaveLength(1)
    expect(closed[0].state_reason).toBe('duplicate')
    expect(commentsOf(gh, closed[0])[0].body).toContain(`Duplicate of #${open[0].number}`)
    expect(commentsOf(gh, open[0]).some((c: { body: string }) => c.body.startsWith('### 🔁 Failed again'))).toBe(true)
    expect([a.outputs['incident-issue-number'], b.outputs['incident-issue-number']]).toEqual([String(open[0].number), String(open[0].number)])
  })
})

describe('recovery', () => {
  it('a later passing verify comments the timeline, figures and a post-mortem template, and closes the incident', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    await failing()
    const issue = incidents(gh)[0]
    const r = await passing()
    expect(r.code).toBe(0)
    expect(issue.state).toBe('closed')
    expect(issue.state_reason).toBe('completed')
    const text = commentsOf(gh, issue).at(-1).body as string
    expect(text).toMatch(/^### ✅ Recovered: `production` passed verification/)
    expect(text).toMatch(/\*\*Time to detect\*\* 2m\d*s? · \*\*time to restore\*\* \d+s \(detected to recovered\)/)
    expect(text).toMatch(/\| deployed \| .* \| \d{4}-.* UTC \| 0s \|\n\| detected \|/)
    for (const h of ['**Summary**', '**Impact**', '**Root cause**', '**What went well**', '**What went wrong**', '**Action items**']) expect(text).toContain(h)
    expect(r.outputs['incident-issue-number']).toBe('')
    expect(r.summary).toContain(`resolved and closed incident #\u200b${issue.number}`)
  })

  it('leaves the incident open when close-on-recovery is false', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    const files = { '.github/deploy-guard.yml': 'incident:\n  close-on-recovery: false\n' }
    await failing({}, { files })
    await passing({}, { files })
    const issue = incidents(gh)[0]
    expect(issue.state).toBe('open')
    expect(commentsOf(gh, issue).at(-1).body).toContain('Left open (`incident.close-on-recovery: false`)')
  })
})
