// approval mode through the bundled action: real pull_request webhook payloads, the emulator
// (every request checked against GitHub's OpenAPI description) holding the PR, its files, its
// label events and the pushes to its branch. The label's provenance is read live, never from
// the payload; the verdict is the commit status deploy-guard/change-approval and the job result.
import { jest } from '@jest/globals'
import { AUTHOR, ago, approvalFixture, expectVerdict } from './approval-fixture.js'

jest.setTimeout(30_000)

const { gh, openPr, label, run, statuses } = approvalFixture()

describe('the approval label', () => {
  it('is missing: the status says which label is needed from whom, and the job fails', async () => {
    const pr = openPr()
    const r = await run(pr, 'opened')
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved from an approver/)
    expect(r.summary).toMatch(/\| Approval label \| ❌ fail \| no approval label: someone with maintain or admin permission must add change-approved/)
    expect(r.summary).toMatch(/\| Block labels \| ✅ pass/)
    expect(r.summary).toMatch(/\| Freeze windows \| ✅ pass/)
    expect(JSON.parse(r.outputs['failed-checks'])).toEqual(['approval'])
    expect(r.report).toMatchObject({ mode: 'approval', result: 'failed', commit: pr.head.sha, pullRequest: { number: pr.number, author: AUTHOR } })
  })

  it.each([
    ['a maintainer', 'mia', 'maintain'],
    ['an admin', 'ada', 'admin']
  ])('added by %s after the latest push approves the change', async (_who, login, role) => {
    const pr = openPr()
    label(pr, 'change-approved', login, 30)
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'success', new RegExp(`approved: change-approved by @${login}`))
    expect(r.summary).toMatch(new RegExp(`\\| Approval label \\| ✅ pass \\| change-approved was added by @\u200b${login} \\(${role} on`))
    expect(r.report.approvedBy).toMatchObject({ label: 'change-approved', login })
  })

  it("added by the PR's author does not count, even when the author maintains the repository", async () => {
    gh.seed.collaborator({ login: AUTHOR, permission: 'admin' })
    const pr = openPr()
    label(pr, 'change-approved', AUTHOR, 30)
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', new RegExp(`change-approved was added by the author @${AUTHOR}; needs an approver`))
    expect(gh.requests.some((q) => q.operationId === 'repos/get-collaborator-permission-level')).toBe(false)
  })

  it('added by someone with write (not maintain) does not count when approvers is empty: role_name is read, not the legacy permission', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'walt', 30)
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /change-approved by @walt, not an approver/)
    expect(r.summary).toMatch(/role write on the repository; approvers is empty, so maintain or admin is needed/)
  })

  it('counts for a listed user and not for anyone else, maintainers included', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    const denied = await run(pr, 'labeled', { inputs: { approvers: 'walt' } })
    expect(denied.code).toBe(1)
    expect(statuses(pr)[0].description).toMatch(/change-approved by @mia, not an approver/)
    label(pr, 'ship-it', 'walt', 20)
    const r = await run(pr, 'labeled', { inputs: { approvers: '@walt', 'approval-labels': 'change-approved, ship-it' } })
    expect(r.code).toBe(0)
    expect(statuses(pr)[1]).toMatchObject({ state: 'success', description: 'approved: ship-it by @walt' })
  })

  it('is read live from the events, not from the payload a re-run replays', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.seed.unlabeled({ issue_number: pr.number, label: 'change-approved', actor: 'mia', created_at: ago(10) })
    const r = await run(pr, 'labeled', {
      event: (e) => {
        e.label = { ...e.label, name: 'change-approved' }
        e.pull_request.labels = [{ ...e.label }]
        e.sender = { ...e.sender, login: 'mia' }
      }
    })
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved from an approver/)
  })
})

describe('removing the label', () => {
  it('on the unlabeled event withdraws the approval; reopening keeps the verdict', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.seed.unlabeled({ issue_number: pr.number, label: 'change-approved', actor: 'mia', created_at: ago(1) })
    const r = await run(pr, 'unlabeled')
    expectVerdict(gh, r, pr, 'failure', /needs label change-approved from an approver/)
    const again = await run(pr, 'reopened')
    expect(again.code).toBe(1)
    expect(statuses(pr).map((x) => x.state)).toEqual(['failure', 'failure'])
  })
})

describe('a push after the label', () => {
  it('makes the approval stale: the push time is the server record of the push, not the commit date the client set', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    // The client backdates the commit to before the label; the server recorded the push after it.
    gh.seed.push({ pull_number: pr.number, at: ago(10), commitDate: ago(60), files: [{ filename: 'src/more.ts' }] })
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', new RegExp(`change-approved by @mia predates the push of ${pr.head.sha.slice(0, 7)}; re-add it`))
    expect(r.summary).toMatch(/before the latest push at .* \(push to Codertocat\/Hello-World:changes\): a push makes an approval stale/)
  })

  it('a force push makes it stale too', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.seed.push({ pull_number: pr.number, at: ago(5), force: true })
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /predates the push/)
  })

  it('removed and re-added after the push, it counts again', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.seed.push({ pull_number: pr.number, at: ago(10) })
    gh.seed.unlabeled({ issue_number: pr.number, label: 'change-approved', actor: 'mia', created_at: ago(5) })
    label(pr, 'change-approved', 'mia', 4)
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'success', /approved: change-approved by @mia/)
  })

  it('on a synchronize event, every label on the PR predates the push the event announces', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await run(pr, 'synchronize')
    expectVerdict(gh, r, pr, 'failure', /predates the push/)
    expect(r.summary).toMatch(/the synchronize event of this run/)
  })

  it('cannot be told when the branch activity does not show the head: no label counts', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.failNext({
      operationId: 'repos/list-activities',
      status: 403,
      body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' }
    })
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /cannot tell when .* was pushed/)
    expect(r.summary).toMatch(/contents: read/)
  })
})

describe('block labels', () => {
  it('fail the check even when the change is approved', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    label(pr, 'do-not-deploy', 'walt', 20)
    const r = await run(pr)
    expectVerdict(gh, r, pr, 'failure', /^blocked by label do-not-deploy$/)
    expect(r.summary).toMatch(/\| Approval label \| ✅ pass/)
    expect(r.summary).toMatch(/\| Block labels \| ❌ fail \| blocked by label do-not-deploy/)
  })
})
