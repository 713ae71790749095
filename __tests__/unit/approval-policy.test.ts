// The change-approval policy is a pure function of what GitHub said; these tables pin every rule.
import { describeVerdict } from '../../src/approval/approval-report.js'
import { labelState } from '../../src/approval/label-provenance.js'
import { evaluatePolicy, loginsToCheck, type PolicyInput } from '../../src/approval/policy.js'
import { protectedFiles } from '../../src/approval/protected-files.js'
import type { ApproverCheck, LabelEvent } from '../../src/facts/approval-facts.js'
import type { ApprovalSettings } from '../../src/settings/approval-settings.js'

const T = Date.parse('2026-05-01T12:00:00Z')
const min = 60_000
const settings: ApprovalSettings = {
  labels: ['change-approved'],
  approvers: [],
  users: [],
  teams: [],
  protectedPaths: ['**'],
  configFile: '.github/deploy-guard.yml',
  blockLabels: ['do-not-deploy'],
  emergencyLabels: ['emergency'],
  freezeWindows: [],
  allowedBots: [],
  allowDirectPush: false,
  lastPusherMayApprove: false
}
let id = 0
const ev = (label: string, login: string, at: number, action: LabelEvent['action'] = 'labeled', extra: Partial<LabelEvent['actor']> = {}): LabelEvent => ({
  id: ++id,
  label,
  action,
  at,
  actor: { login, bot: /\[bot\]$/.test(login), ...extra }
})
const maintainer: ApproverCheck = { approver: true, via: 'maintain on o/r' }

function input(o: Partial<PolicyInput> = {}): PolicyInput {
  return {
    settings,
    pr: { number: 7, author: 'author', headSha: 'abcdef1234567890', url: 'u' },
    files: [{ filename: 'src/a.ts' }],
    changedFiles: 1,
    events: [],
    labelsNow: [],
    push: { at: T - 60 * min, source: 'push' },
    approvers: new Map(),
    now: T,
    ...o
  }
}
const approval = (o: Partial<PolicyInput>) => evaluatePolicy(input(o)).rules.find((r) => r.rule === 'approval')

describe('who added the approval label, and when', () => {
  it.each<[string, Partial<PolicyInput>, 'pass' | 'fail', RegExp]>([
    ['no label', {}, 'fail', /no approval label/],
    [
      'a maintainer after the push',
      { events: [ev('change-approved', 'mia', T - 10 * min)], labelsNow: ['change-approved'], approvers: new Map([['mia', maintainer]]) },
      'pass',
      /added by @mia \(maintain on o\/r\)/
    ],
    [
      'label names match in any case',
      { events: [ev('Change-Approved', 'mia', T - 10 * min)], labelsNow: ['Change-Approved'], approvers: new Map([['mia', maintainer]]) },
      'pass',
      /added by @mia/
    ],
    ['the author', { events: [ev('change-approved', 'Author', T - 10 * min)], labelsNow: ['change-approved'] }, 'fail', /PR's author @Author/],
    [
      'before the push',
      { events: [ev('change-approved', 'mia', T - 90 * min)], labelsNow: ['change-approved'], approvers: new Map([['mia', maintainer]]) },
      'fail',
      /before the latest push/
    ],
    [
      'in the same second as the push',
      { events: [ev('change-approved', 'mia', T - 60 * min)], labelsNow: ['change-approved'], approvers: new Map([['mia', maintainer]]) },
      'fail',
      /before the latest push/
    ],
    [
      'an unknown push time',
      { events: [ev('change-approved', 'mia', T - 10 * min)], labelsNow: ['change-approved'], push: { unknown: 'no record' } },
      'fail',
      /is unknown \(no record\)/
    ],
    [
      'a non-approver',
      {
        events: [ev('change-approved', 'walt', T - 10 * min)],
        labelsNow: ['change-approved'],
        approvers: new Map([['walt', { approver: false, why: 'role write' }]])
      },
      'fail',
      /not an approver \(role write\)/
    ],
    [
      'cannot tell',
      { events: [ev('change-approved', 'walt', T - 10 * min)], labelsNow: ['change-approved'], approvers: new Map([['walt', { unknown: 'team hidden' }]]) },
      'fail',
      /is unknown: team hidden/
    ],
    [
      'a bot',
      { events: [ev('change-approved', 'ci[bot]', T - 10 * min)], labelsNow: ['change-approved'] },
      'fail',
      /bot ci\[bot\], which approval.allowed-bots does not list/
    ],
    [
      'an allowed bot',
      { settings: { ...settings, allowedBots: ['ci'] }, events: [ev('change-approved', 'ci[bot]', T - 10 * min)], labelsNow: ['change-approved'] },
      'pass',
      /approval.allowed-bots/
    ],
    [
      'through an app',
      {
        events: [ev('change-approved', 'mia', T - 10 * min, 'labeled', { app: 'zapier' })],
        labelsNow: ['change-approved'],
        approvers: new Map([['mia', maintainer]])
      },
      'fail',
      /app zapier/
    ],
    [
      'on the PR by the events but not live',
      { events: [ev('change-approved', 'mia', T - 10 * min)], labelsNow: [], approvers: new Map([['mia', maintainer]]) },
      'fail',
      /no approval label/
    ],
    ['live but no event says who added it', { labelsNow: ['change-approved'] }, 'fail', /no labeled event says who added it/],
    [
      'removed after it was added',
      { events: [ev('change-approved', 'mia', T - 10 * min), ev('change-approved', 'mia', T - 5 * min, 'unlabeled')], labelsNow: ['change-approved'] },
      'fail',
      /no labeled event/
    ],
    [
      'removed and added again after the push',
      {
        events: [
          ev('change-approved', 'mia', T - 90 * min),
          ev('change-approved', 'mia', T - 20 * min, 'unlabeled'),
          ev('change-approved', 'mia', T - 10 * min)
        ],
        labelsNow: ['change-approved'],
        approvers: new Map([['mia', maintainer]])
      },
      'pass',
      /added by @mia/
    ]
  ])('%s: %s', (_case, o, status, detail) => {
    const r = approval(o)
    expect(r?.status).toBe(status)
    expect(r?.detail).toMatch(detail)
  })

  it('one approving label is enough, whatever the others say', () => {
    const events = [ev('change-approved', 'author', T - 10 * min), ev('ship-it', 'mia', T - 5 * min)]
    const r = evaluatePolicy(
      input({
        settings: { ...settings, labels: ['change-approved', 'ship-it'] },
        events,
        labelsNow: ['change-approved', 'ship-it'],
        approvers: new Map([['mia', maintainer]])
      })
    )
    expect(r.pass).toBe(true)
    expect(r.approval?.label).toBe('ship-it')
  })

  it('asks GitHub only about people whose label could count', () => {
    const events = [
      ev('change-approved', 'author', T - 10 * min),
      ev('change-approved', 'stale', T - 90 * min),
      ev('bug', 'x', T),
      ev('emergency', 'eve', T - 1 * min)
    ]
    expect(loginsToCheck(input({ events, labelsNow: ['change-approved', 'bug', 'emergency'] }))).toEqual(['eve'])
    const late = [ev('change-approved', 'mia', T - 10 * min)]
    expect(loginsToCheck(input({ events: late, labelsNow: ['change-approved'] }))).toEqual(['mia'])
  })

  it('as of a merge, labels are what the events say then', () => {
    const events = [ev('change-approved', 'mia', T - 30 * min), ev('change-approved', 'mia', T - 5 * min, 'unlabeled')]
    const r = evaluatePolicy(input({ events, labelsNow: [], approvalAsOf: T - 20 * min, approvers: new Map([['mia', maintainer]]) }))
    expect(r.pass).toBe(true)
    expect([...labelState(events, T).keys()]).toEqual([])
  })
})

describe('the verdict and its 140-character description', () => {
  it('says what is missing, most blocking first', () => {
    const v = evaluatePolicy(input({ labelsNow: ['do-not-deploy'], events: [ev('do-not-deploy', 'walt', T - 1 * min)] }))
    expect(v.pass).toBe(false)
    expect(describeVerdict(v.rules, v)).toBe('blocked by label do-not-deploy; needs label change-approved from an approver')
  })

  it('a change outside protected paths needs nothing', () => {
    const v = evaluatePolicy(input({ settings: { ...settings, protectedPaths: ['infra/**'] } }))
    expect(v.pass).toBe(true)
    expect(describeVerdict(v.rules, v)).toBe('no protected path touched')
  })

  it('never exceeds 140 characters', () => {
    const long = 'x'.repeat(200)
    const v = evaluatePolicy(input({ settings: { ...settings, labels: [long], blockLabels: [long] }, labelsNow: [long], events: [ev(long, 'author', T)] }))
    expect(describeVerdict(v.rules, v).length).toBeLessThanOrEqual(140)
  })
})

describe('protected paths', () => {
  it.each([
    [['**'], 'README.md', true],
    [['**'], '.github/workflows/ci.yml', true],
    [['infra/**'], 'infra/a/b.tf', true],
    [['infra/**'], 'src/infra.ts', false],
    [['**', '!docs/**'], 'docs/x.md', false],
    [['*.tf'], 'main.tf', true],
    [['*.tf'], 'mod/main.tf', false],
    [['**/*.tf'], 'mod/main.tf', true]
  ])('%p matches %s: %p', (patterns, file, hit) => {
    expect(protectedFiles([{ filename: file }], patterns).length > 0).toBe(hit)
  })
})
