// mode report through the bundled action against the GitHub emulator: the fixture history of
// __tests__/unit/delivery-fixture.ts seeded as GitHub would hold it (commits, merged PRs, the
// deployments and statuses of a job's environment and of the guard, the rollback record, the
// incident issue with its marker), and the figures worked out there by hand come out.
import { jest } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'
import { renderMarker } from '../../src/facts/incident-marker.js'
import { BASE, COMMITS, DEPLOYMENTS, H, INCIDENT, PULLS, SHA } from '../unit/delivery-fixture.js'

jest.setTimeout(60_000)

const DAY = 24 * H
let gh: GitHubEmulator
// The fixture's T0 moved to the first midnight inside a 28-day window ending now: the same hours apart.
const T0 = Math.ceil((Date.now() - 28 * DAY) / DAY) * DAY
const at = (hours: number) => new Date(T0 + hours * H).toISOString()
const runUrl = (id: number) => `https://github.com/octo-org/octo-repo/actions/runs/${id}`

function seedFixture(): { incident: number; ids: Record<string, number> } {
  const root = gh.state.branches.get('main') as string
  gh.seed.commit({ sha: BASE, message: 'base', parents: [root], date: at(-48) })
  for (const c of COMMITS) gh.seed.commit({ sha: SHA[c.name], message: `commit ${c.name}`, parents: c.parents.map((p) => SHA[p]), date: at(c.authored) })
  for (const p of PULLS) {
    // The default branch as it was when the PR was opened, so that the PR's commits are its own.
    const first = COMMITS.find((c) => c.name === p.commits[0])
    gh.seed.branch({ name: 'main', sha: SHA[first?.parents[0] === 'base' ? 'base' : (first?.parents[0] ?? 'base')] })
    gh.seed.pullRequest({
      title: `PR ${p.number}`,
      head: { ref: `pr-${p.number}`, sha: SHA[p.commits[p.commits.length - 1]] },
      created_at: at(p.created),
      merged_at: at(p.merged),
      merge_commit_sha: SHA[p.mergeCommit]
    })
  }
  gh.seed.branch({ name: 'main', sha: SHA.s8 })
  const ids: Record<string, number> = {}
  for (const d of DEPLOYMENTS) {
    const payload = d.rollbackOf
      ? {
          deploy_guard: {
            version: SHA[d.commit],
            rollback_of: SHA[d.rollbackOf.version],
            rollback_of_deployment: ids[d.rollbackOf.deployment],
            run_id: String(d.rollbackOf.run),
            run_attempt: '1',
            job: 'verify',
            strategy: 'workflow',
            run_url: runUrl(d.rollbackOf.run)
          }
        }
      : d.version
        ? { deploy_guard: { version: d.version } }
        : {}
    const dep = gh.seed.deployment({
      sha: SHA[d.commit],
      ref: d.commit === 'base' ? 'main' : SHA[d.commit],
      environment: d.environment ?? 'production',
      task: d.task ?? 'deploy',
      transient_environment: d.transient ?? false,
      production_environment: !d.environment,
      payload,
      created_at: at(d.created),
      statuses: d.statuses.map((s) => ({
        state: s.state,
        description: s.guard
          ? `deploy-guard: ${s.state === 'success' ? 'passed' : s.state === 'failure' ? 'failed: error-rate failed' : 'rollback sent'}`
          : 'Deployed',
        log_url: runUrl(s.run),
        created_at: at(s.at)
      }))
    })
    ids[d.key] = dep.id
  }
  const marker = renderMarker({
    environment: 'production',
    version: SHA[INCIDENT.version],
    deployedAt: T0 + INCIDENT.deployedAt * H,
    detectedAt: T0 + INCIDENT.detectedAt * H
  })
  const issue = gh.seed.issue({
    title: 'Incident: production',
    body: `${marker}\n\nbad release`,
    labels: ['incident', 'env:production'],
    state: 'closed',
    created_at: at(INCIDENT.detectedAt)
  })
  return { incident: issue.number, ids }
}

beforeEach(async () => {
  gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'octo-repo', defaultBranch: 'main' })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
})

const report = (inputs: Record<string, string> = {}, files: Record<string, string> = {}) =>
  runAction({
    keep: true,
    files,
    apiUrl: gh.url,
    event: example('workflow_dispatch'),
    eventName: 'schedule',
    env: { GITHUB_REPOSITORY: 'octo-org/octo-repo' },
    inputs: { mode: 'report', 'report-window': '28d', ...inputs }
  })

describe('mode report', () => {
  it('the hand-computed figures of the fixture, the files next to the report, reads only', async () => {
    const { incident, ids } = seedFixture()
    const r = await report()
    expect(r.errors).toEqual([])
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({
      deployments: '8',
      'deployment-frequency': '1.5',
      'lead-time-median-seconds': '25200',
      'change-fail-rate': '0.2857',
      'recovery-time-median-seconds': '45600',
      'rework-rate': '0.25',
      'dora-band': 'high'
    })
    expect(r.report).toMatchObject({ schemaVersion: 1, mode: 'report', environment: 'production', dora: { year: 2024, band: 'high' } })
    expect(r.report.deployments.find((d: { id: number }) => d.id === ids.D3).evidence).toMatchObject({
      rollbackDeployment: ids.R3,
      incident,
      verdictUrl: runUrl(103)
    })
    const dir = dirname(r.outputs.report)
    expect(JSON.parse(await readFile(join(dir, 'badge.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      label: 'DORA 2024 (production)',
      message: 'high',
      color: 'green'
    })
    expect((await readFile(join(dir, 'changes.csv'), 'utf8')).trim().split('\r\n')).toHaveLength(11)
    expect(r.summary).toContain('DORA 2024 band: **high**')
    expect(r.summary).toContain('```mermaid\nxychart-beta')
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024)
    expect(gh.requests.every((q) => q.method === 'GET' || q.path === '/graphql')).toBe(true)
    // One GraphQL page of deployments and one of merged PRs, the incidents, one compare, commits-to-pulls for r1 and c4.
    expect(gh.requests.map((q) => q.operationId).sort()).toEqual(
      [
        'graphql',
        'graphql',
        'issues/list-for-repo',
        'repos/compare-commits-with-basehead',
        'repos/list-pull-requests-associated-with-commit',
        'repos/list-pull-requests-associated-with-commit'
      ].sort()
    )
  })

  it('the same inputs give the same report bytes', async () => {
    seedFixture()
    const a = await report()
    const b = await report()
    expect(await readFile(b.outputs.report, 'utf8')).toBe(await readFile(a.outputs.report, 'utf8'))
  })

  it('under 5 deployments: insufficient data and empty figure outputs', async () => {
    const sha = gh.seed.commit({ message: 'one' }).sha
    for (let i = 0; i < 4; i++)
      gh.seed.deployment({ sha, environment: 'production', created_at: new Date(Date.now() - (i + 1) * DAY).toISOString(), statuses: ['success'] })
    const r = await report({ 'report-window': '' })
    expect(r.code).toBe(0)
    expect(r.outputs).toMatchObject({ deployments: '4', 'deployment-frequency': '', 'lead-time-median-seconds': '', 'change-fail-rate': '', 'dora-band': '' })
    expect(r.summary).toContain('insufficient data')
  })

  it('report.issue posts the summary as one issue per environment: created, then updated in place', async () => {
    seedFixture()
    const files = { 'guard.yml': 'report:\n  issue: true\n' }
    const first = await report({ config: 'guard.yml' }, files)
    expect(first.errors).toEqual([])
    expect(first.code).toBe(0)
    const posted = gh.state.issues.filter((i) => i.title === 'Delivery report: production')
    expect(posted).toHaveLength(1)
    expect(posted[0].body).toContain('<!-- deploy-guard:delivery-report {"environment":"production"} -->')
    expect(posted[0].body).toContain('DORA 2024 band: **high**')
    expect(posted[0].body).toContain('/actions/runs/')
    expect((posted[0].body ?? '').length).toBeLessThanOrEqual(65_536)
    expect(first.summary).toContain(`Report issue: [#${posted[0].number}]`)
    const second = await report({ config: 'guard.yml' }, files)
    expect(second.code).toBe(0)
    expect(gh.state.issues.filter((i) => i.title === 'Delivery report: production')).toHaveLength(1)
    expect(second.summary).toContain(`Report issue: [#${posted[0].number}](`)
    expect(second.summary).toContain('(updated)')
    expect(gh.requests.filter((q) => q.method === 'POST' && q.operationId === 'issues/create')).toHaveLength(1)
    expect(gh.requests.filter((q) => q.operationId === 'issues/update')).toHaveLength(1)
  })

  it('report.issue: a create whose answer is lost is looked for, not sent twice', async () => {
    seedFixture()
    gh.failNext({ operationId: 'issues/create', status: 502, afterWork: true })
    const r = await report({ config: 'guard.yml' }, { 'guard.yml': 'report:\n  issue: true\n' })
    expect(r.code).toBe(0)
    expect(gh.state.issues.filter((i) => i.title === 'Delivery report: production')).toHaveLength(1)
    expect(gh.requests.filter((q) => q.operationId === 'issues/create')).toHaveLength(1)
  })

  it('report.issue under dry-run: nothing is posted, and the summary says so', async () => {
    seedFixture()
    const r = await report({ config: 'guard.yml', 'dry-run': 'true' }, { 'guard.yml': 'report:\n  issue: true\n' })
    expect(r.code).toBe(0)
    expect(gh.state.issues.filter((i) => i.title === 'Delivery report: production')).toHaveLength(0)
    expect(gh.requests.every((q) => q.method === 'GET' || q.path === '/graphql')).toBe(true)
    expect(r.summary).toContain('dry-run: the report issue "Delivery report: production" was not posted.')
  })

  it('report.issue refused by GitHub: the error names the issues: write permission', async () => {
    seedFixture()
    gh.failNext({ operationId: 'issues/create', status: 403, body: { message: 'Resource not accessible by integration', status: '403' } })
    const r = await report({ config: 'guard.yml' }, { 'guard.yml': 'report:\n  issue: true\n' })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toContain('issues: write')
    expect(r.outputs.deployments).toBe('8')
    expect(r.summary).toContain('The report issue was not posted')
  })

  it('a bad report-window stops before any request', async () => {
    const r = await report({ 'report-window': '3 months' })
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toContain('input report-window: got "3 months"; expected a window from 1d to 366d')
    expect(gh.requests).toEqual([])
  })
})
