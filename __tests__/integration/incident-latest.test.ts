// What the incident says, through the bundled action (issue 14): the PR of each commit as
// GitHub records it, the range ending at the version verified, newest first; the open
// incident's title and labels following the newest failure; one recovery comment per recovery
// when left open; and the input limits of labels, assignees and environment names.
import { jest } from '@jest/globals'
import { example, runAction } from '../../test-support/run-action.mjs'
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
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, ...more }, ...o })
const passing = (more: Record<string, string> = {}, o: object = {}) =>
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'health-urls': `${target.url}/ok`, ...more }, ...o })
const shaOf = (message: string): string => {
  const c = [...gh.state.commits.values()].find((x: { message: string }) => x.message === message)
  if (!c) throw new Error(`no commit ${message}`)
  return c.sha
}
const labelsOf = (issue: { labels: { name: string }[] }) => issue.labels.map((l) => l.name).sort()
const dev = { name: 'Dev', email: 'd@example.com', login: 'dev' }

describe('what changed', () => {
  it("names each commit's PR from GitHub's record: a rebase merge too, and not the PR a title names", async () => {
    seedIncidentScenario(gh, {
      sha,
      commits: [
        { message: 'Raise the pool timeout', author: dev },
        { message: 'Fix the cache (#99)', author: dev }
      ]
    })
    const rebased = shaOf('Raise the pool timeout')
    const squashed = shaOf('Fix the cache (#99)')
    const rebase = gh.seed.pullRequest({ title: 'Raise the pool timeout', head: { ref: 'pool', sha: rebased }, merged: true, commits: [rebased] })
    const squash = gh.seed.pullRequest({ title: 'Fix the cache', head: { ref: 'cache', sha: squashed }, merged: true, commits: [squashed] })
    // An open PR whose branch contains the commit is not the one that brought it.
    gh.seed.pullRequest({ title: 'WIP on top', head: { ref: 'wip', sha: squashed }, commits: [squashed] })
    const r = await failing()
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    const pull = (n: number) => `[#${n}](https://github.com/${owner}/${repo}/pull/${n})`
    expect(body).toMatch(new RegExp(`\`Raise the pool timeout\` by \`Dev\` \\(\`dev\`\\) · ${escape(pull(rebase.number))}\\n`))
    expect(body).toMatch(new RegExp(`\`Fix the cache \\(#99\\)\` by \`Dev\` \\(\`dev\`\\) · ${escape(pull(squash.number))}\\n`))
    expect(body).not.toContain(pull(99))
    // The release commit has no PR in GitHub's record: its title's number stands in, marked.
    expect(body).toContain(`${pull(57)} (named in the title; GitHub records no PR)`)
    // Newest first, one commits-to-pulls call per commit shown.
    expect(body.indexOf('Bump the cache size')).toBeLessThan(body.indexOf('Fix the cache'))
    expect(body.indexOf('Fix the cache')).toBeLessThan(body.indexOf('Raise the pool timeout'))
    expect(gh.requests.filter((q) => q.operationId === 'repos/list-pull-requests-associated-with-commit')).toHaveLength(3)
  })

  it('ends the range at the version verified when the workflow runs on a newer commit', async () => {
    seedIncidentScenario(gh, { sha, commits: [{ message: 'Release 1.5.0 (#50)', author: dev }] })
    const release = shaOf('Release 1.5.0 (#50)')
    const r = await failing({ version: release })
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    expect(body).toContain(`1 commit from \`v1.4.0\` (last good) to \`${release}\``)
    expect(body).toContain('`Release 1.5.0 (#50)`')
    // GITHUB_SHA's own commit came after the release: it is not in it.
    expect(body).not.toContain('Bump the cache size')
  })

  it.each([
    // 105: the last page of 100 holds 5, the first page completes the 20; 216: pages 2 and 3.
    [104, 86, 85],
    [215, 197, 196]
  ])('lists the newest 20 of a long range (%i commits and the release), newest first, and says how many are left out', async (n, oldestShown, left) => {
    seedIncidentScenario(gh, { sha, commits: Array.from({ length: n }, (_, i) => ({ message: `Change ${i + 1}`, author: dev })) })
    const r = await failing()
    expect(r.code).toBe(1)
    const body = incidents(gh)[0].body as string
    expect(body).toContain(`${n + 1} commits from \`v1.4.0\` (last good) to`)
    expect(body.indexOf('`Bump the cache size (#57)`')).toBeLessThan(body.indexOf(`\`Change ${n}\``))
    expect(body.indexOf(`\`Change ${n}\``)).toBeLessThan(body.indexOf(`\`Change ${oldestShown}\``))
    expect(body).not.toContain(`\`Change ${oldestShown - 1}\``)
    expect(body).toContain(`_${left} older commits are left out here: see the [comparison](`)
    expect(gh.requests.filter((q) => q.operationId === 'repos/list-pull-requests-associated-with-commit')).toHaveLength(20)
  })
})

describe('the first screen (2,500 characters)', () => {
  it('for a failed deploy: the failed job, its first error line, the window, the playbook and the coordinator steps', async () => {
    const deployLog = [
      '2026-05-01T10:00:00.0000000Z helm upgrade',
      '2026-05-01T10:00:09.0000000Z Error: UPGRADE FAILED: timed out waiting for the condition',
      '##[error]Process completed with exit code 1.',
      ''
    ].join('\n')
    seedIncidentScenario(gh, { sha, deployLog, failedLog: 'all fine\n', deployConclusion: 'failure' })
    const r = await runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'deploy-result': 'failure', 'health-urls': `${target.url}/ok` } })
    expect(r.code).toBe(1)
    const top = (incidents(gh)[0].body as string).slice(0, 2500)
    expect(top).toMatch(
      /\*\*Failed deploy job\*\* \[`deploy`\]\(https:\/\/github\.com\/[^)]*\/job\/\d+\), step `deploy`: `Error: UPGRADE FAILED: timed out waiting for the condition`/
    )
    expect(top).toMatch(/sev1 · `production` failed/)
    expect(top).toContain('| not verified: the deploy job failed |')
    expect(top).toContain('[incident playbook](https://github.com/deploy-guard/deploy-guard/blob/main/docs/playbooks/incident-response.md)')
    for (const w of ['incident commander', 'dashboards', 'stakeholders', '**Rollback:**', '**Deployment:**', '[workflow run](', '### What changed'])
      expect(top).toContain(w)
  })
})

describe('the latest state', () => {
  it('retitles and relabels the open incident after a second failure with a higher severity', async () => {
    seedIncidentScenario(gh, { sha, commits: [{ message: 'Release 1.5.0', author: dev }] })
    const first = shaOf('Release 1.5.0')
    // The first run cannot measure (inconclusive: sev3); the second fails (production: sev1).
    const config = { '.github/deploy-guard.yml': 'checks:\n  - { name: m, type: json, url: "http://127.0.0.1:9/m", path: $.v, max: 1 }\n' }
    const r1 = await runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', version: first }, files: config })
    expect(r1.outputs.result).toBe('inconclusive')
    const issue = incidents(gh)[0]
    expect(issue.title).toBe(`[sev3] production: inconclusive verifying ${first.slice(0, 7)} (deploy-guard)`)
    const r2 = await failing()
    expect(r2.code).toBe(1)
    expect(incidents(gh)).toHaveLength(1)
    expect(issue.title).toBe(`[sev1] production: failed verifying ${sha.slice(0, 7)} (deploy-guard)`)
    expect(labelsOf(issue)).toEqual(['env:production', 'incident', 'sev1'])
    expect(r2.report.incident).toMatchObject({ action: 'updated', title: issue.title, severity: 'sev1' })
    // A later, milder failure keeps the incident at sev1 but names its version and verdict.
    await runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', version: first }, files: config })
    expect(issue.title).toBe(`[sev1] production: inconclusive verifying ${first.slice(0, 7)} (deploy-guard)`)
    expect(labelsOf(issue)).toEqual(['env:production', 'incident', 'sev1'])
  })

  it('left open on recovery, comments once per recovery, not on every passing run', async () => {
    seedIncidentScenario(gh, { sha })
    const files = { '.github/deploy-guard.yml': 'incident:\n  close-on-recovery: false\n' }
    const recoveries = () => commentsOf(gh, incidents(gh)[0]).filter((c: { body: string }) => c.body.startsWith('### ✅ Recovered'))
    await failing({}, { files })
    await passing({}, { files })
    await passing({}, { files })
    expect(recoveries()).toHaveLength(1)
    await failing({}, { files })
    expect(labelsOf(incidents(gh)[0])).not.toContain('incident:recovered')
    await passing({}, { files })
    await passing({}, { files })
    expect(recoveries()).toHaveLength(2)
  })
})

describe('input limits', () => {
  it('a label longer than 50 characters is an input error before anything is written', async () => {
    const r = await failing({ 'incident-labels': `incident,${'x'.repeat(51)}` })
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/::error[^\n]*input incident-labels\[1\]: got "x{51}"; expected a label of at most 50 characters/)
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
  })

  it('assignees are logins; one GitHub refuses is dropped and the others stay', async () => {
    expect((await failing({ 'incident-assignees': 'alice,acme/oncall' })).stdout).toMatch(/::error[^\n]*input incident-assignees\[1\]: got "acme\/oncall"/)
    seedIncidentScenario(gh, { sha })
    gh.seed.collaborator({ login: 'alice' })
    const r = await failing({ 'incident-assignees': '@alice,ghost-user' })
    expect(r.code).toBe(1)
    const issue = incidents(gh)[0]
    expect(issue.assignees.map((a: { login: string }) => a.login)).toEqual(['alice'])
    expect(JSON.stringify(r.report.actions)).toContain('GitHub refused the assignee ghost-user (not collaborators?)')
  })

  it('an environment name with a comma finds its open incident', async () => {
    seedIncidentScenario(gh, { sha, environment: 'eu,west' })
    await failing({ environment: 'eu,west' })
    await failing({ environment: 'eu,west' })
    expect(incidents(gh)).toHaveLength(1)
    expect(commentsOf(gh, incidents(gh)[0])).toHaveLength(1)
  })

  it('log-lines has an upper bound', async () => {
    const r = await failing({ 'log-lines': '100000' })
    expect(r.stdout).toMatch(/::error[^\n]*input log-lines/)
  })
})

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
