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
  runAction({
    apiUrl: gh.url,
    event: push,
    inputs: {
      duration: '0s',
      'failure-limit': '0',
      'health-urls': `${target.url}/status/503`,
      'runbook-url': 'https://runbooks.example.com/checkout',
      ...more
    },
    ...o
  })
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
    seedIncidentScenario(gh, {
      sha,
      deployLog,
      failedLog,
      commits: [{ message: 'Tune the checkout timeout (#55)', author: { name: 'Dev Two', email: 'dev2@example.com', login: 'devtwo' } }]
    })
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
    expect(top).toMatch(
      /\| deployed \| verified \| detected \| rollback sent \|\n\| --- \| --- \| --- \| --- \|\n\| \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \| \d+s window from .* UTC \| .* UTC \(2m\d*s? after deploy\) \| none sent \|/
    )
    // what changed: the commits since the last good deployment, PR links, authors named
    expect(top).toContain('2 commits from `v1.4.0` (last good) to')
    expect(top).toContain(`[#55](https://github.com/${owner}/${repo}/pull/55)`)
    expect(top).toMatch(/`Tune the checkout timeout \(#55\)` by `Dev Two` \(`devtwo`\)/)
    expect(top).not.toMatch(/@devtwo|@devone/)
    // what was done, where to look, next steps
    expect(top).toMatch(/\*\*Rollback:\*\* none sent \(`none`\): `no rollback strategy is configured/)
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
    expect(logs).toMatch(
      /\*\*Error lines\*\*\n\n```text\n.*Error: expected 200, got 503 from \/checkout\n.*at Context.<anonymous> \(test\/checkout.test.js:42:11\)\n.*##\[error\]Process completed with exit code 1\.\n```/
    )
    expect(logs).toContain('**Last 50 lines** (from line 254)')
    expect(logs).toMatch(/<summary>✅ deploy \(success\): last 3 of 3 lines<\/summary>/)
    expect(logs).toContain('2026-05-01T10:00:02.0000000Z rollout complete')
    expect(logs).toMatch(/\[`verify`\]\(https:\/\/github\.com\/.*\/job\/\d+\) \(in_progress\)/)
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

describe('nothing is lost', () => {
  it('when the issue cannot be created, the summary and the report hold the full incident and the error names issues: write', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    gh.failNext({ method: 'POST', operationId: 'issues/create', status: 403, body: { message: 'Resource not accessible by integration', status: '403' } })
    const r = await failing()
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(incidents(gh, 'all')).toHaveLength(0)
    expect(r.stdout).toMatch(
      /::warning title=deploy-guard%3A incident issue::Could not post the incident: opening the incident issue failed \(403\).*add `issues: write`/
    )
    expect(r.summary).toContain('### Incident (not posted)')
    expect(r.summary).toMatch(/could not be posted: opening the incident issue failed \(403\)/)
    for (const part of [
      '### What failed',
      '### When',
      '### What changed',
      '### What was done',
      '### Next steps',
      'Error: expected 200, got 503 from /checkout'
    ]) {
      expect(r.summary).toContain(part)
      expect(r.report.incident.text).toContain(part)
    }
    expect(r.report.incident).toMatchObject({ posted: false, severity: 'sev1' })
    expect(r.outputs['incident-issue-number']).toBe('')
  })

  it('names actions: read when the jobs cannot be listed, and still opens the incident', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    gh.failNext({
      operationId: 'actions/list-jobs-for-workflow-run-attempt',
      status: 403,
      body: { message: 'Resource not accessible by integration', status: '403' }
    })
    const r = await failing()
    expect(r.code).toBe(1)
    expect(incidents(gh)[0].body).toMatch(/The jobs of this run could not be listed: listing the jobs of this run failed \(403\).*add `actions: read`/)
  })

  it('says why a log is missing: not found (404), expired at the API (410) or at the log storage (410)', async () => {
    seedIncidentScenario(gh, {
      sha,
      deployLog: { status: 410 },
      failedLog,
      extraJobs: [
        { name: 'e2e', conclusion: 'failure' },
        { name: 'lint', conclusion: 'failure', log: 'x\n' }
      ]
    })
    const lint = gh.state.jobs.find((j) => j.name === 'lint')
    gh.failNext({
      operationId: 'actions/download-job-logs-for-workflow-run',
      path: new RegExp(`/jobs/${lint?.id}/logs$`),
      status: 410,
      body: { message: 'Gone', status: '410' }
    })
    const r = await failing()
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    expect(body).toMatch(
      /<summary>❌ e2e \(failure\): no log<\/summary>\n\nno log \(GitHub answered 404: expired, never written, or the token lacks `actions: read`\)/
    )
    expect(body).toMatch(/<summary>❌ lint \(failure\): no log<\/summary>\n\nthe log has expired \(GitHub answered 410 Gone\)/)
    expect(body).toMatch(/<summary>✅ deploy \(success\): no log<\/summary>\n\nthe log has expired or is gone \(the log storage answered 410\)/)
    expect(body).toContain('Error: expected 200, got 503 from /checkout')
  })

  it('streams a 200 MB job log: the tail and the error lines reach the issue', async () => {
    const line = '2026-05-01T10:00:00.0000000Z ' + 'x'.repeat(70) + ' step output\n'
    const block = line.repeat(Math.floor((1024 * 1024) / line.length))
    async function* huge() {
      for (let i = 0; i < 200; i++) {
        if (i === 100) yield '2026-05-01T10:05:00.0000000Z Error: out of memory in the middle\n'
        yield block
      }
      yield '2026-05-01T10:09:59.0000000Z ##[error]Process completed with exit code 137.\n'
    }
    seedIncidentScenario(gh, { sha, deployLog, failedLog: () => huge() })
    const r = await failing({}, { timeoutMs: 60_000 })
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    expect(body).toMatch(/<summary>❌ integration \(failure\): 2 error lines, last 200 of 1,872,402 lines<\/summary>/)
    expect(body).toContain('Error: out of memory in the middle')
    expect(body).toContain('##[error]Process completed with exit code 137.')
    expect(body.length).toBeLessThanOrEqual(65_536)
  })
})

describe('escalation and stakeholders', () => {
  it('a failed check tagged security mentions its team and keeps the logs out of the issue', async () => {
    seedIncidentScenario(gh, { sha, deployLog, failedLog })
    const config = `checks:
  - name: tls-config
    type: http
    url: ${target.url}/status/500
    tags: [security]
incident:
  mentions: { sev1: [acme/oncall] }
  tag-mentions: { security: [acme/security] }
`
    const r = await runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'failure-limit': '0' }, files: { '.github/deploy-guard.yml': config } })
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    expect(body).toContain('**Severity** sev1: rule 1 (production, failed: sev1) · cc @acme/oncall @acme/security')
    expect(body).toContain('Logs are kept out of this issue: a failed check is tagged `security`.')
    expect(body).not.toContain('<details>')
    expect(body).not.toContain('Error: expected 200')
  })

  it('severity comes from the config rules; an inconclusive verdict is sev3 by default', async () => {
    seedIncidentScenario(gh, { sha, environment: 'staging', deployLog, failedLog })
    const config = 'checks:\n  - { name: m, type: json, url: "http://127.0.0.1:9/m", path: $.v, max: 1 }\n'
    const r = await runAction({
      apiUrl: gh.url,
      event: push,
      inputs: { duration: '0s', environment: 'staging' },
      files: { '.github/deploy-guard.yml': config }
    })
    expect(r.outputs.result).toBe('inconclusive')
    const issue = incidents(gh)[0]
    expect(issue.labels.map((l: { name: string }) => l.name).sort()).toEqual(['env:staging', 'incident', 'sev3'])
    expect(issue.title).toMatch(/^\[sev3\] staging: inconclusive verifying/)
  })

  it('tells the chat webhook on open and recovery; a failing webhook never fails the guard', async () => {
    const { createServer } = await import('node:http')
    const received: { path: string; body: string }[] = []
    let status = 200
    const hook = createServer((req, res) => {
      let body = ''
      req.on('data', (c) => (body += c))
      req.on('end', () => {
        received.push({ path: req.url ?? '', body })
        res.writeHead(status).end()
      })
    })
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve))
    try {
      seedIncidentScenario(gh, { sha, deployLog, failedLog })
      const url = `http://127.0.0.1:${(hook.address() as { port: number }).port}/services/T000/B000/hooksecret0123456789`
      const files = { '.github/deploy-guard.yml': 'incident:\n  notify: { webhook-url: "${CHAT_WEBHOOK}" }\n' }
      const env = { CHAT_WEBHOOK: url }
      const first = await failing({}, { files, env })
      expect(first.code).toBe(1)
      expect(received).toHaveLength(1)
      const text = JSON.parse(received[0].body).text as string
      expect(text).toMatch(
        /^🔴 Incident opened \[sev1\]: production failed verifying [0-9a-f]{40}: health .* failed: status 503.*Issue #1: https:\/\/github\.com\/.*\/issues\/1$/
      )
      status = 500
      const second = await failing({}, { files, env })
      expect(second.code).toBe(1)
      expect(incidents(gh)).toHaveLength(1)
      expect(second.summary).toContain('could not notify the chat webhook: it answered 500; the incident is not affected')
      status = 200
      const recovered = await passing({}, { files, env })
      expect(recovered.code).toBe(0)
      expect(JSON.parse(received.at(-1)?.body ?? '{}').text).toMatch(/^✅ Recovered: production passed/)
      // add-mask lines tell the runner what to hide; it never shows them.
      const shown = (r: { stdout: string }) =>
        r.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n')
      for (const r of [first, second, recovered]) expect(shown(r) + r.summary + JSON.stringify(r.report)).not.toContain('hooksecret0123456789')
    } finally {
      await new Promise((resolve) => hook.close(resolve))
    }
  })
})
