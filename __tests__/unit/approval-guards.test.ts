// The pure pieces behind the closed bypasses: bots by account type, four eyes, the guard's own
// files, the PR a merge queue branch is for, the first-parent line of a group, and which of
// several PRs merged a commit.
import { judgeLabel } from '../../src/approval/label-provenance.js'
import { isGuardFile, protectedFiles } from '../../src/approval/protected-files.js'
import type { JudgeContext } from '../../src/approval/label-provenance.js'
import type { LabelEvent } from '../../src/facts/approval-facts.js'
import { firstParentLine } from '../../src/github/commit-range.js'
import type { CommitPull } from '../../src/github/pull-requests.js'
import { mergingPull } from '../../src/approval/gate-mode.js'
import { queuedPull } from '../../src/approval/merge-group.js'
import type { ApprovalSettings } from '../../src/settings/approval-settings.js'

const T = Date.parse('2026-05-01T12:00:00Z')
const settings: ApprovalSettings = {
  labels: ['change-approved'],
  approvers: [],
  users: [],
  teams: [],
  protectedPaths: ['**'],
  configFile: '.github/deploy-guard.yml',
  blockLabels: [],
  emergencyLabels: ['emergency'],
  freezeWindows: [],
  allowedBots: ['renovate'],
  allowDirectPush: false,
  lastPusherMayApprove: false
}
const ctx = (o: Partial<JudgeContext> = {}): JudgeContext => ({
  settings,
  pr: { number: 1, author: 'author', headSha: 'abcdef1234', url: 'u' },
  push: { at: T - 3_600_000, source: 'push', by: 'pusher' },
  approvers: new Map([
    ['mia', { approver: true, via: 'maintain' }],
    ['pusher', { approver: true, via: 'maintain' }],
    ['renovate', { approver: false, why: 'not a collaborator' }]
  ]),
  ...o
})
const added = (login: string, extra: Partial<LabelEvent['actor']> = {}): LabelEvent => ({
  id: 1,
  label: 'change-approved',
  action: 'labeled',
  at: T,
  actor: { login, bot: /\[bot\]$/.test(login), ...extra }
})

describe('allowed-bots', () => {
  it.each([
    ['the Bot account renovate[bot]', added('renovate[bot]'), true],
    ['the app renovate, whoever acted through it', added('mia', { app: 'renovate' }), true],
    ['a user whose login is renovate', added('renovate'), false],
    ['a Bot account of another name', added('other[bot]'), false]
  ])('%s', (_who, event, counts) => {
    expect(judgeLabel('change-approved', event, ctx()).counts).toBe(counts)
  })
})

describe('four eyes', () => {
  it('the pusher of the latest commit cannot approve, unless configured', () => {
    expect(judgeLabel('change-approved', added('pusher'), ctx())).toMatchObject({ counts: false, missing: expect.stringMatching(/who pushed abcdef1/) })
    expect(judgeLabel('change-approved', added('PUSHER'), ctx()).counts).toBe(false)
    expect(judgeLabel('change-approved', added('pusher'), ctx({ settings: { ...settings, lastPusherMayApprove: true } })).counts).toBe(true)
    expect(judgeLabel('change-approved', added('mia'), ctx()).counts).toBe(true)
  })
})

it("the guard's config file and workflow files are always protected", () => {
  expect(isGuardFile('.github/workflows/ci.yml', '.github/deploy-guard.yml')).toBe(true)
  expect(isGuardFile('.github/deploy-guard.yml', '.github/deploy-guard.yml')).toBe(true)
  expect(isGuardFile('.github/CODEOWNERS', '.github/deploy-guard.yml')).toBe(false)
  expect(protectedFiles([{ filename: 'docs/a.md' }, { filename: 'ci.yml', previousFilename: '.github/workflows/ci.yml' }], ['src/**'], 'x.yml')).toEqual([
    '.github/workflows/ci.yml'
  ])
})

it('a merge queue branch names its PR', () => {
  expect(queuedPull('gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64')).toBe(104)
  expect(queuedPull('gh-readonly-queue/release/v2/pr-7-929f8209d40f77f4abc622a499c93a83babdbe64')).toBe(7)
  expect(queuedPull('feature/pr-104')).toBeUndefined()
})

it("a group's first-parent line leaves out the commits its merges brought in", () => {
  const c = (sha: string, ...parents: string[]) => ({ sha, title: sha, parents })
  const line = firstParentLine([c('p1', 'base'), c('m1', 'base', 'p1'), c('p2', 'base'), c('m2', 'm1', 'p2')], 'm2')
  expect(line.map((x) => x.sha)).toEqual(['m1', 'm2'])
})

describe('the PR that merged a commit', () => {
  const pull = (number: number, o: Partial<CommitPull>): CommitPull => ({
    number,
    title: `PR ${number}`,
    url: '',
    createdAt: 0,
    state: 'closed',
    headSha: 'h',
    baseRef: 'main',
    defaultBranch: 'main',
    ...o
  })
  it.each([
    ['its merge commit decides', [pull(1, { mergedAt: 1, mergeCommitSha: 'x' }), pull(2, { mergedAt: 2, mergeCommitSha: 'c' })], 2],
    ['else the earliest merged into the default branch', [pull(3, { mergedAt: 30 }), pull(2, { mergedAt: 20 }), pull(4, { mergedAt: 10, baseRef: 'dev' })], 2],
    ['an open PR never', [pull(5, { state: 'open', headSha: 'c' })], undefined]
  ])('%s', (_case, pulls, number) => {
    expect(mergingPull('c', pulls)?.number).toBe(number)
  })
})
