// Merge queues through the bundled action, on a real merge_group payload (@octokit/webhooks-examples)
// pointed at a group built in the emulator: a temporary branch gh-readonly-queue/main/pr-<N>-<sha>
// whose commits merge each queued PR on top of main. The status goes on the group's head, and the
// group passes only when every PR in it does.
import { jest } from '@jest/globals'
import { runAction, example, type RunResult } from '../../test-support/run-action.mjs'
import { approvalFixture } from './approval-fixture.js'
import type { PullRequestRecord } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

const { gh, openPr, label } = approvalFixture()

/** Merges the PRs, in order, onto main in a queue branch named for the last; returns its head. */
function group(prs: PullRequestRecord[]): { head: string; base: string; ref: string } {
  const base = gh.state.branches.get('main')!
  let parent = base
  for (const pr of prs) {
    parent = gh.seed.commit({ message: `Merge pull request #${pr.number} from ${pr.head.ref}`, parents: [parent, pr.head.sha] }).sha
  }
  const last = prs[prs.length - 1]
  return { head: parent, base, ref: `refs/heads/gh-readonly-queue/main/pr-${last.number}-${last.head.sha}` }
}

function runGroup(g: { head: string; base: string; ref: string }, inputs: Record<string, string> = {}): Promise<RunResult> {
  const event = example('merge_group', 'checks_requested')
  // The example's repository is another one; the emulator holds the pull_request examples' repository.
  event.repository = example('pull_request', 'opened').repository
  Object.assign(event.merge_group, { head_sha: g.head, head_ref: g.ref, base_sha: g.base, base_ref: 'refs/heads/main' })
  return runAction({ apiUrl: gh.url, eventName: 'merge_group', event, sha: g.head, inputs })
}

const statusesOn = (sha: string) => gh.state.commitStatuses.filter((x) => x.sha === sha).map((x) => x.status)

it("auto picks approval on merge_group and posts success on the group's head when its one PR is approved", async () => {
  const pr = openPr()
  label(pr, 'change-approved', 'mia', 30)
  const g = group([pr])
  const r = await runGroup(g)
  expect(r.code).toBe(0)
  expect(r.outputs.result).toBe('passed')
  expect(statusesOn(g.head)).toEqual([
    expect.objectContaining({ context: 'deploy-guard/change-approval', state: 'success', description: `all 1 queued PR approved (#${pr.number})` })
  ])
  expect(statusesOn(pr.head.sha)).toEqual([])
})

it('a group of two fails when one PR is not approved, naming it', async () => {
  const ok = openPr({ head: 'first' })
  label(ok, 'change-approved', 'mia', 30)
  const missing = openPr({ head: 'second' })
  const g = group([ok, missing])
  const r = await runGroup(g)
  expect(r.code).toBe(1)
  expect(r.outputs.result).toBe('failed')
  const [status] = statusesOn(g.head)
  expect(status).toMatchObject({ state: 'failure' })
  expect(status.description).toMatch(new RegExp(`^#${missing.number}: needs label change-approved from an approver`))
  expect(r.summary).toMatch(new RegExp(`#\u200b${ok.number}: approved: change-approved by @\u200bmia`))
})

it('a group of two passes when both are approved', async () => {
  const a = openPr({ head: 'first' })
  const b = openPr({ head: 'second' })
  label(a, 'change-approved', 'mia', 30)
  label(b, 'change-approved', 'ada', 30)
  const g = group([a, b])
  const r = await runGroup(g)
  expect(r.code).toBe(0)
  expect(statusesOn(g.head)[0]).toMatchObject({ state: 'success', description: `all 2 queued PRs approved (#${a.number}, #${b.number})` })
})

it('gate on merge_group judges the queued PRs, never calling the group a direct push', async () => {
  const pr = openPr()
  label(pr, 'change-approved', 'mia', 30)
  const g = group([pr])
  const r = await runGroup(g, { mode: 'gate' })
  expect(r.code).toBe(0)
  expect(r.summary).not.toMatch(/direct push/)
  // The group's checkout holds the queued PRs' changes: the policy comes from main.
  expect(r.summary).toMatch(/Policy: \.github\/deploy-guard\.yml as on the base branch main/)
  expect(gh.state.commitStatuses).toEqual([])
})
