// approval mode through the bundled action: who is an approver (teams, bots, apps), which files
// need approval (renames, exclusions, 3,000 files), fork PRs, dry-run and bad set-ups.
import { jest } from '@jest/globals'
import { AUTHOR, approvalFixture, expectVerdict } from './approval-fixture.js'
import { runAction, example } from '../../test-support/run-action.mjs'

jest.setTimeout(30_000)

const { gh, openPr, label, run, statuses } = approvalFixture()
const orgRead = /token lacks org read access/
const refused = (message: string) => ({ status: 403, body: { message, documentation_url: 'https://docs.github.com/rest', status: '403' } })

describe('team approvers', () => {
  it('a member of a listed team approves (the token can read the org)', async () => {
    gh.seed.teamMember({ team: 'release', login: 'walt' })
    const pr = openPr()
    label(pr, 'change-approved', 'walt', 30)
    const r = await run(pr, 'labeled', { inputs: { approvers: `${gh.state.owner}/release` } })
    expectVerdict(gh, r, pr, 'success', /approved: change-approved by @walt/)
    expect(r.summary).toMatch(/member of Codertocat\/release/)
  })

  it('someone outside the team does not, once the team itself is readable', async () => {
    gh.seed.teamMember({ team: 'release', login: 'ada' })
    const pr = openPr()
    label(pr, 'change-approved', 'walt', 30)
    const r = await run(pr, 'labeled', { inputs: { approvers: `${gh.state.owner}/release` } })
    expectVerdict(gh, r, pr, 'failure', /change-approved by @walt, not an approver/)
  })

  it.each([
    [
      'refuses the membership (403)',
      () => gh.failNext({ operationId: 'teams/get-membership-for-user-in-org', ...refused('Resource not accessible by integration') })
    ],
    ['hides the team (404 for the membership and the team)', () => gh.failNext({ operationId: 'teams/get-by-name', status: 404 })]
  ])('without org read access (GitHub %s) the check fails and says so; it never approves on "cannot tell"', async (_how, fault) => {
    gh.seed.teamMember({ team: 'release', login: 'walt' })
    const pr = openPr()
    label(pr, 'change-approved', 'outsider', 30)
    fault()
    const r = await run(pr, 'labeled', { inputs: { approvers: `${gh.state.owner}/release` } })
    expectVerdict(gh, r, pr, 'failure', orgRead)
    expect(r.summary).toMatch(/GITHUB_TOKEN never has it/)
  })
})

describe('bots and apps', () => {
  it("a bot's label does not count unless approval.allowed-bots names it", async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'release-bot[bot]', 30)
    const denied = await run(pr)
    expect(denied.code).toBe(1)
    expect(statuses(pr)[0].description).toMatch(/change-approved by bot release-bot\[bot\], not allowed/)
    const r = await run(pr, 'labeled', { baseConfig: 'approval:\n  allowed-bots: [release-bot]\n' })
    expect(r.code).toBe(0)
    expect(statuses(pr)[1]).toMatchObject({ state: 'success', description: 'approved: change-approved by @release-bot[bot]' })
  })

  it("a maintainer's label added through a GitHub App counts only when the app is allowed", async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30, 'triage-app')
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /change-approved by app triage-app, not allowed/)
  })
})

describe('protected paths', () => {
  it('a change outside them needs no approval', async () => {
    const pr = openPr({ files: [{ filename: 'docs/guide.md' }] })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': 'infra/**\n.github/workflows/*' } })
    expectVerdict(gh, r, pr, 'success', /^no protected path touched$/)
    expect(r.summary).toMatch(/none of 1 changed file matches infra\/\*\*, \.github\/workflows\/\*: approval not needed/)
  })

  it('** covers dotfiles, and !glob excludes', async () => {
    const pr = openPr({ files: [{ filename: 'docs/guide.md' }, { filename: '.github/workflows/deploy.yml' }] })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': '**\n!docs/**' } })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved/)
    expect(r.report.protectedFiles).toEqual(['.github/workflows/deploy.yml'])
  })

  it('a rename out of a protected folder is protected: both names count', async () => {
    const pr = openPr({ files: [{ filename: 'attic/old.tf', previous_filename: 'infra/main.tf', status: 'renamed' }] })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': 'infra/**' } })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved/)
    expect(r.report.protectedFiles).toEqual(['infra/main.tf'])
  })

  it('are matched over all 3,000 files GitHub lists, read 100 a page', async () => {
    const files = Array.from({ length: 3000 }, (_, i) => ({ filename: i === 2999 ? 'infra/main.tf' : `src/f${i}.ts` }))
    const pr = openPr({ files })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': 'infra/**' } })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved/)
    expect(r.report.protectedFiles).toEqual(['infra/main.tf'])
    const pages = gh.requests.filter((q) => q.operationId === 'pulls/list-files')
    expect(pages).toHaveLength(30)
    expect(new Set(pages.map((q) => q.query.page))).toEqual(new Set(Array.from({ length: 30 }, (_, i) => String(i + 1))))
    expect(gh.requests.length).toBeLessThanOrEqual(40)
  })

  it('beyond the 3,000 files GitHub lists, nothing can be told: approval is needed', async () => {
    const files = Array.from({ length: 3001 }, (_, i) => ({ filename: i === 3000 ? 'infra/main.tf' : `src/f${i}.ts` }))
    const pr = openPr({ files })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': 'infra/**' } })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved/)
    expect(r.summary).toMatch(/3001 files changed; GitHub lists only the first 3000, none protected/)
  })
})

describe('where the status cannot or must not be posted', () => {
  it("a fork's read-only token: the job fails and says why its result cannot stand in for the status (the fork's author controls that workflow)", async () => {
    const pr = openPr({ fork: 'outsider' })
    label(pr, 'change-approved', 'mia', 30)
    gh.failNext({ operationId: 'repos/create-commit-status', ...refused('Resource not accessible by integration') })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('passed')
    expect(r.errors).toEqual([
      expect.stringMatching(/a fork's pull_request run has a read-only token .* on pull_request the fork's author controls the workflow .* pull_request_target/)
    ])
    expect(r.stdout).not.toMatch(/this job's result is the check/)
  })

  it('the same refusal on a branch of the repository fails the job: branch protection would wait for the status', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.failNext({ operationId: 'repos/create-commit-status', ...refused('Resource not accessible by integration') })
    const r = await run(pr)
    expect(r.code).toBe(1)
    expect(r.errors.join('\n')).toMatch(/statuses: write/)
  })

  it('dry-run judges and reports, and writes nothing on GitHub', async () => {
    const pr = openPr()
    const r = await run(pr, 'opened', { inputs: { 'dry-run': 'true' } })
    expect(r.code).toBe(1)
    expect(r.summary).toMatch(/dry-run: nothing was posted/)
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
  })

  it('mode approval outside a pull-request event is a user error before any request', async () => {
    const r = await runAction({ apiUrl: gh.url, event: example('push'), inputs: { mode: 'approval' } })
    expect(r.code).toBe(1)
    expect(r.errors).toHaveLength(1)
    expect(r.errors[0]).toMatch(/input mode: got "approval"; expected a pull-request event .* this run is a push event\. Before a deploy, use mode: gate/)
    expect(gh.requests).toHaveLength(0)
  })

  it("a bad freeze window in the base branch's config is a user error naming the config path and branch, before any write", async () => {
    const pr = openPr()
    const config =
      'approval:\n  freeze-windows:\n    - name: weekend\n      timezone: Europe/Berlinn\n      days: [fri]\n      from: "16:00"\n      to: "24:00"\n'
    const r = await run(pr, 'opened', { baseConfig: config })
    expect(r.code).toBe(1)
    expect(r.errors).toEqual([
      expect.stringMatching(
        /^config \.github\/deploy-guard\.yml \(base branch main\): approval\.freeze-windows\[0\]\.timezone: got "Europe\/Berlinn"; expected an IANA time zone/
      )
    ])
    expect(r.outputs.result).toBe('failed')
    expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
  })
})

it('the PR author named in the summary is never mentioned', async () => {
  const pr = openPr()
  const r = await run(pr, 'opened')
  expect(r.summary).toContain(`@\u200b${AUTHOR}`)
  expect(r.summary).not.toMatch(new RegExp(`@${AUTHOR}`))
})
