// Ways past change approval that are closed (issue 13), each through the bundled action: brace
// globs, the PR's own config, bots by name, the last pusher, out-of-order runs, and the smaller
// messages that used to send users the wrong way.
import { jest } from '@jest/globals'
import { AUTHOR, ago, approvalFixture, expectVerdict } from './approval-fixture.js'
import { handlers } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

const { gh, openPr, label, run, statuses } = approvalFixture()

describe('protected-paths globs', () => {
  it('a brace glob given as an input is one glob: a change under it needs approval', async () => {
    const pr = openPr({ files: [{ filename: 'deploy/production/values.yaml' }] })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': '{deploy,infra}/**' } })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved from an approver/)
    expect(r.report.protectedFiles).toEqual(['deploy/production/values.yaml'])
  })

  it.each([
    ['protected-paths', '[z-a]', /^input protected-paths: got "\[z-a\]"; expected a valid glob/],
    ['protected-paths', 'deploy/**, infra/**', /^input protected-paths: got "deploy\/\*\*, infra\/\*\*"; expected one glob per line/],
    ['block-labels', ',', /^input block-labels: got ","; expected at least one item/],
    ['approvers', ',', /^input approvers: got ","; expected at least one item/]
  ])('%s: %j is an input error before any request, and the result is failed', async (input, value, message) => {
    const pr = openPr()
    const r = await run(pr, 'opened', { inputs: { [input]: value } })
    expect(r.code).toBe(1)
    expect(r.errors).toEqual([expect.stringMatching(message)])
    expect(r.outputs.result).toBe('failed')
    expect(gh.requests).toEqual([])
  })
})

describe("the PR's own config never decides", () => {
  it("ignores the workspace copy (the PR's) and reads the base branch's through the API, saying so", async () => {
    const pr = openPr({ files: [{ filename: 'infra/main.tf' }] })
    const r = await run(pr, 'opened', {
      files: { '.github/deploy-guard.yml': 'approval:\n  protected-paths: ["docs/**"]\n' },
      baseConfig: 'approval:\n  protected-paths: ["infra/**"]\n'
    })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved/)
    expect(r.summary).toMatch(
      /Policy: \.github\/deploy-guard\.yml as on the base branch main, read through the API \(the PR's own copy in the workspace is ignored\)/
    )
    expect(gh.requests.find((q) => q.operationId === 'repos/get-content')?.query.ref).toBe('main')
  })

  it.each([['.github/deploy-guard.yml'], ['.github/workflows/ci.yml']])('a change to %s always needs approval, whatever protected-paths says', async (file) => {
    const pr = openPr({ files: [{ filename: file }] })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': 'infra/**' } })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved/)
    expect(r.report.protectedFiles).toEqual([file])
  })
})

describe('bots by what GitHub says they are', () => {
  const allowRenovate = 'approval:\n  allowed-bots: [renovate]\n'

  it('a person whose login equals an allowed bot name is a person', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'renovate', 30)
    const r = await run(pr, 'labeled', { baseConfig: allowRenovate, files: { '.github/deploy-guard.yml': allowRenovate } })
    expectVerdict(gh, r, pr, 'failure', /change-approved by @renovate, not an approver/)
  })

  it('the bot account renovate[bot] and the app renovate count', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'renovate[bot]', 30)
    const r = await run(pr, 'labeled', { baseConfig: allowRenovate })
    expectVerdict(gh, r, pr, 'success', /approved: change-approved by @renovate\[bot\]/)
    const other = openPr({ head: 'other' })
    label(other, 'change-approved', 'walt', 30, 'renovate')
    const byApp = await run(other, 'labeled', { baseConfig: allowRenovate })
    expect(byApp.code).toBe(0)
    expect(statuses(other)[0].state).toBe('success')
  })
})

describe('four eyes: the last pusher cannot approve', () => {
  it('a maintainer who pushed the latest commit into the PR cannot approve it', async () => {
    const pr = openPr()
    gh.seed.push({ pull_number: pr.number, actor: 'mia', at: ago(60), files: [{ filename: 'src/more.ts' }] })
    label(pr, 'change-approved', 'mia', 30)
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /change-approved by @mia, who pushed [0-9a-f]{7}; needs another approver/)
    expect(r.summary).toMatch(/four eyes; approval\.last-pusher-may-approve/)
  })

  it('approval.last-pusher-may-approve: true allows it', async () => {
    const pr = openPr()
    gh.seed.push({ pull_number: pr.number, actor: 'mia', at: ago(60) })
    label(pr, 'change-approved', 'mia', 30)
    const r = await run(pr, 'labeled', { baseConfig: 'approval:\n  last-pusher-may-approve: true\n' })
    expectVerdict(gh, r, pr, 'success', /approved: change-approved by @mia/)
  })
})

describe('runs that finish out of order', () => {
  it('a run whose PR changed after it read it posts nothing, and says so', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    // While this run asks about mia (after reading the label history), someone removes the label.
    gh.handlers['repos/get-collaborator-permission-level'] = (ctx) => {
      if (pr.issue.labels.length) gh.seed.unlabeled({ issue_number: pr.number, label: 'change-approved', actor: 'ada', created_at: ago(0) })
      return handlers['repos/get-collaborator-permission-level'](ctx)
    }
    const r = await run(pr)
    expect(statuses(pr)).toEqual([])
    expect(r.stdout).toMatch(
      /::notice title=deploy-guard%3A status not posted::not posted: PR #\d+ changed after this run read it \(unlabeled change-approved by @ada/
    )
    expect(r.summary).toMatch(/the run for that change posts the verdict/)
  })

  it('a new head since the read: nothing posted', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.handlers['repos/get-collaborator-permission-level'] = (ctx) => {
      if (pr.commits.length === 1) gh.seed.push({ pull_number: pr.number, at: ago(0) })
      return handlers['repos/get-collaborator-permission-level'](ctx)
    }
    const r = await run(pr)
    expect(gh.state.commitStatuses).toEqual([])
    expect(r.stdout).toMatch(/its head is now [0-9a-f]{7}/)
  })
})

describe('messages that point the right way', () => {
  it('a server without the repository activity API (404) is named as such, not as a missing permission', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.failNext({ operationId: 'repos/list-activities', status: 404 })
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /cannot tell when [0-9a-f]{7} was pushed/)
    expect(r.summary).toMatch(/this GitHub server has no repository activity API .* upgrade GitHub Enterprise Server/)
    expect(r.summary).not.toMatch(/contents: read/)
  })

  it('a 5xx from the team membership API is GitHub failing, not a missing org read access', async () => {
    gh.seed.teamMember({ team: 'release', login: 'walt' })
    const pr = openPr()
    label(pr, 'change-approved', 'walt', 30)
    gh.failNext({ operationId: 'teams/get-membership-for-user-in-org', status: 502, times: 5 })
    const r = await run(pr, 'labeled', { inputs: { approvers: `${gh.state.owner}/release` } })
    expectVerdict(gh, r, pr, 'failure', /GitHub failed to answer the team membership; re-run the job/)
    expect(r.summary).not.toMatch(/org read access/)
  })

  it('emergency-labels: [] says no override exists instead of asking for an emergency label', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    const config = `approval:\n  emergency-labels: []\n  freeze-windows:\n    - name: launch\n      start: ${ago(60)}\n      end: ${new Date(Date.now() + 3_600_000).toISOString()}\n`
    const r = await run(pr, 'labeled', { baseConfig: config })
    expectVerdict(gh, r, pr, 'failure', /freeze window launch until .*; no emergency override configured/)
    expect(statuses(pr)[0].description).not.toMatch(/emergency from/)
  })

  it('a change touching no protected path in a freeze passes without "overridden"', async () => {
    const pr = openPr({ files: [{ filename: 'docs/a.md' }] })
    const config = `approval:\n  protected-paths: [infra/**]\n  freeze-windows:\n    - name: launch\n      start: ${ago(60)}\n      end: ${new Date(Date.now() + 3_600_000).toISOString()}\n`
    const r = await run(pr, 'opened', { baseConfig: config })
    expectVerdict(gh, r, pr, 'success', /^no protected path touched$/)
  })
})

it("the author's own label still never counts (unchanged by the above)", async () => {
  const pr = openPr()
  label(pr, 'change-approved', AUTHOR, 30)
  const r = await run(pr)
  expect(r.code).toBe(1)
})
