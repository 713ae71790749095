// gate mode through the bundled action, before a deploy: the commit must have come through an
// approved pull request (judged as of its merge), outside a freeze window now. gate writes
// nothing on GitHub; a refusal's ::error names the PR or says no PR brought the commit.
import { jest } from '@jest/globals'
import { runAction, example, type RunResult } from '../../test-support/run-action.mjs'
import { ago, approvalFixture } from './approval-fixture.js'
import type { PullRequestRecord } from '../../test-support/github-emulator/index.mjs'

jest.setTimeout(30_000)

const { gh, openPr, label } = approvalFixture()
const MERGE = 'a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0'

/** A PR merged five minutes ago by the merge commit MERGE, now on main. */
function mergedPr(o: { sha?: string; merged?: number } = {}): PullRequestRecord {
  const sha = o.sha ?? MERGE
  const pr = openPr({ merged_at: ago(o.merged ?? 5), merge_commit_sha: sha })
  gh.seed.commit({ sha, message: `Merge pull request #${pr.number} from changes`, parents: [gh.state.branches.get('main')!, pr.head.sha], branch: 'main' })
  return pr
}

/** gate on a push to main (the payload's own before/after unless given). */
function gate(o: { sha?: string; inputs?: Record<string, string>; config?: string; before?: string } = {}): Promise<RunResult> {
  const event = example('push')
  event.repository.default_branch = 'main'
  if (o.before) Object.assign(event, { before: o.before, after: o.sha ?? MERGE, ref: 'refs/heads/main' })
  return runAction({
    apiUrl: gh.url,
    event,
    sha: o.sha ?? MERGE,
    inputs: { mode: 'gate', ...o.inputs },
    ...(o.config && { files: { '.github/deploy-guard.yml': o.config } })
  })
}

function expectNoWrites(): void {
  expect(gh.requests.length).toBeGreaterThan(0)
  expect(gh.requests.filter((q) => q.method !== 'GET')).toEqual([])
  expect(gh.state.commitStatuses).toEqual([])
}

describe('gate', () => {
  it('lets a commit through that a merged, approved PR brought', async () => {
    const pr = mergedPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await gate()
    expect(r.code).toBe(0)
    expect(r.errors).toEqual([])
    expect(r.outputs.result).toBe('passed')
    expect(r.report).toMatchObject({ mode: 'gate', result: 'passed', commit: MERGE, pullRequest: { number: pr.number }, approvedBy: { login: 'mia' } })
    expect(r.summary).toMatch(/deploy allowed/)
    expect(r.summary).toMatch(new RegExp(`\\| Pull request \\| ℹ️ \\| #\u200b${pr.number} merged a1b2c3d; judged as of its merge`))
    expectNoWrites()
  })

  it('refuses an unapproved PR, naming it', async () => {
    const pr = mergedPr()
    const r = await gate()
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.errors).toEqual([`deploy refused: PR #${pr.number} (commit a1b2c3d): needs label change-approved from an approver`])
    expectNoWrites()
  })

  it('judges the approval as of the merge: a label added after the merge does not count', async () => {
    const pr = mergedPr()
    label(pr, 'change-approved', 'mia', 2)
    const r = await gate()
    expect(r.code).toBe(1)
    expect(r.errors[0]).toMatch(new RegExp(`^deploy refused: PR #${pr.number} `))
    expectNoWrites()
  })

  it('refuses a commit no PR brought (a direct push), unless direct pushes are allowed', async () => {
    const direct = 'd'.repeat(40)
    gh.seed.commit({ sha: direct, message: 'Hotfix', branch: 'main' })
    const refused = await gate({ sha: direct })
    expect(refused.code).toBe(1)
    expect(refused.errors).toEqual(['deploy refused: commit ddddddd: no pull request brought it (a direct push)'])
    const allowed = await gate({ sha: direct, config: 'approval:\n  allow-direct-push: true\n' })
    expect(allowed.code).toBe(0)
    expect(allowed.summary).toMatch(/direct pushes are allowed \(approval\.allow-direct-push\)/)
    expectNoWrites()
  })

  it('deploys the commit a version tag names', async () => {
    const pr = mergedPr()
    label(pr, 'change-approved', 'mia', 30)
    gh.seed.tag({ name: 'v1.4.0', sha: MERGE })
    const r = await gate({ sha: 'f'.repeat(40), inputs: { version: 'v1.4.0' } })
    expect(r.code).toBe(0)
    expect(r.report.commit).toBe(MERGE)
    expectNoWrites()
  })

  it('refuses an approved change during a freeze, and lets it through with an emergency label added by an approver now', async () => {
    const pr = mergedPr()
    label(pr, 'change-approved', 'mia', 30)
    const config = `approval:\n  freeze-windows:\n    - name: launch\n      start: ${ago(60)}\n      end: ${new Date(Date.now() + 3_600_000).toISOString()}\n`
    const frozen = await gate({ config })
    expect(frozen.code).toBe(1)
    expect(frozen.errors[0]).toMatch(
      new RegExp(`^deploy refused: PR #${pr.number} \\(commit a1b2c3d\\): freeze window launch until .*: needs label emergency from an approver$`)
    )
    label(pr, 'emergency', 'ada', 1)
    const r = await gate({ config })
    expect(r.code).toBe(0)
    expectNoWrites()
  })
})

describe('gate cannot be walked past', () => {
  it('refuses the head of an open, approved PR: it is not on the default branch, so not merged', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await gate({ sha: pr.head.sha })
    expect(r.code).toBe(1)
    expect(r.errors).toEqual([
      expect.stringMatching(new RegExp(`^deploy refused: commit ${pr.head.sha.slice(0, 7)}: not merged: ${pr.head.sha.slice(0, 7)} is not on main`))
    ])
    expectNoWrites()
  })

  it('judges every commit a push brought, not only its head: a direct push under an approved merge is refused', async () => {
    const before = gh.state.branches.get('main')!
    const hotfix = gh.seed.commit({ message: 'Sneak in a change', branch: 'main' }).sha
    const pr = mergedPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await gate({ before })
    expect(r.code).toBe(1)
    expect(r.errors[0]).toMatch(new RegExp(`no pull request brought ${hotfix.slice(0, 7)} \\(a direct push\\)`))
    expect(r.summary).toMatch(new RegExp(`#\u200b${pr.number} \\(merged `))
    expectNoWrites()
  })

  it('when several PRs list the commit, the one that merged it decides, not a later approved one', async () => {
    // A commit of a PR's branch (not a merge commit) that a later PR's branch also contained.
    const part = gh.seed.commit({ message: 'Part of the change', branch: 'main' }).sha
    const first = openPr({ head: 'first', merged_at: ago(20), merge_commit_sha: 'c'.repeat(40) })
    const later = openPr({ head: 'later', merged_at: ago(5), merge_commit_sha: 'b'.repeat(40) })
    first.commits.push(part)
    later.commits.push(part)
    label(later, 'change-approved', 'mia', 30)
    const r = await gate({ sha: part })
    expect(r.code).toBe(1)
    expect(r.errors).toEqual([`deploy refused: PR #${first.number} (commit ${part.slice(0, 7)}): needs label change-approved from an approver`])
  })

  it('a version that names no commit is an input error, not a silent fallback to GITHUB_SHA', async () => {
    const pr = mergedPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await gate({ inputs: { version: '1.4.0' } })
    expect(r.code).toBe(1)
    expect(r.outputs.result).toBe('failed')
    expect(r.errors).toEqual([expect.stringMatching(/^input version: got "1\.4\.0"; expected a commit SHA, tag or branch of /)])
  })
})
