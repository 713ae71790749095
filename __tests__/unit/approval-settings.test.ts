// approval.* and the approval inputs are checked before any request; each mistake names where it is.
import { approvalSettings } from '../../src/settings/approval-settings.js'
import { INPUT_NAMES, type InputName } from '../../src/settings/inputs.js'

const none = Object.fromEntries(INPUT_NAMES.map((n) => [n, ''])) as Record<InputName, string>
const build = (cfg: Record<string, unknown>, inputs: Partial<Record<InputName, string>> = {}) => approvalSettings({ ...none, ...inputs }, cfg, 'dg.yml')
const window = (w: Record<string, unknown>) => build({ 'freeze-windows': [{ name: 'w', ...w }] })

it('defaults as PRODUCT.md says', () => {
  expect(build({})).toEqual({
    labels: ['change-approved'],
    approvers: [],
    users: [],
    teams: [],
    protectedPaths: ['**'],
    configFile: 'dg.yml',
    blockLabels: ['do-not-deploy'],
    emergencyLabels: ['emergency'],
    freezeWindows: [],
    allowedBots: [],
    allowDirectPush: false,
    lastPusherMayApprove: false
  })
})

it('inputs override the config file; approvers split into users and teams', () => {
  const s = build({ approvers: ['nobody'] }, { approvers: '@mia, my-org/Release-Managers', 'approval-labels': 'ok' })
  expect(s).toMatchObject({ users: ['mia'], teams: [{ org: 'my-org', slug: 'release-managers' }], labels: ['ok'] })
})

it('reads freeze windows: ranges with offsets, weekly windows with days and local times', () => {
  const s = build({
    'freeze-windows': [
      { name: 'year-end', start: '2026-12-20T00:00:00+01:00', end: '2027-01-04T00:00:00+01:00' },
      { name: 'weekend', timezone: 'Europe/Berlin', days: ['fri', 'sat', 'sun'], from: '16:00', to: '24:00' }
    ]
  })
  expect(s.freezeWindows).toEqual([
    {
      kind: 'range',
      name: 'year-end',
      start: Date.parse('2026-12-19T23:00:00Z'),
      end: Date.parse('2027-01-03T23:00:00Z'),
      endText: '2027-01-04T00:00:00+01:00'
    },
    { kind: 'weekly', name: 'weekend', timezone: 'Europe/Berlin', days: [0, 5, 6], from: 960, to: 1440 }
  ])
})

it.each<[string, () => unknown, RegExp]>([
  [
    'an approver that is neither user nor team',
    () => build({}, { approvers: 'not a user' }),
    /^input approvers: got "not a user"; expected GitHub user names or org\/team slugs/
  ],
  ['no approval label', () => build({ labels: [] }), /^config dg.yml: approval.labels: got \[\]; expected at least one label/],
  ['only exclusions', () => build({}, { 'protected-paths': '!docs/**' }), /^input protected-paths: .*expected at least one glob that is not an exclusion/],
  ['a leading slash', () => build({}, { 'protected-paths': '/src/**' }), /without a leading \//],
  [
    'a start without an offset',
    () => window({ start: '2026-12-20T00:00:00', end: '2027-01-04T00:00:00+01:00' }),
    /approval.freeze-windows\[0\].start: got "2026-12-20T00:00:00"; expected an ISO 8601 date and time with an offset/
  ],
  ['an end before the start', () => window({ start: '2026-12-20T00:00:00Z', end: '2026-12-19T00:00:00Z' }), /\.end: .*expected an instant after start/],
  [
    'an unknown time zone',
    () => window({ timezone: 'Mars/Olympus', days: ['fri'], from: '16:00', to: '24:00' }),
    /\.timezone: got "Mars\/Olympus"; expected an IANA time zone/
  ],
  ['a weekly window without days', () => window({ timezone: 'UTC', from: '16:00', to: '24:00' }), /\.days: got nothing/],
  ['a bad day', () => window({ timezone: 'UTC', days: ['friday!'], from: '16:00', to: '24:00' }), /\.days: .*expected a list of days from sun, mon/],
  ['from 24:00', () => window({ timezone: 'UTC', days: ['fri'], from: '24:00', to: '02:00' }), /\.from: got "24:00"; expected a time from 00:00 to 23:59/],
  ['from equal to to', () => window({ timezone: 'UTC', days: ['fri'], from: '10:00', to: '10:00' }), /\.to: got "10:00"; expected a time other than from/],
  [
    'both kinds at once',
    () => window({ start: '2026-12-20T00:00:00Z', end: '2027-01-04T00:00:00Z', timezone: 'UTC' }),
    /either a date range .* or a weekly window/
  ],
  ['a time like 7pm', () => window({ timezone: 'UTC', days: ['fri'], from: '7pm', to: '24:00' }), /\.from: got "7pm"; expected a local time HH:MM/]
])('rejects %s', (_what, f, message) => {
  expect(f).toThrow(message)
})

describe('lists the user wrote', () => {
  it('protected-paths takes one glob per line and keeps the comma of a brace glob', () => {
    expect(build({}, { 'protected-paths': '{deploy,infra}/**\n.github/**' }).protectedPaths).toEqual(['{deploy,infra}/**', '.github/**'])
  })

  it.each([
    [{ 'protected-paths': '[z-a]' }, /^input protected-paths: got "\[z-a\]"; expected a valid glob/],
    [{ 'protected-paths': 'infra/**, deploy/**' }, /^input protected-paths: got "infra\/\*\*, deploy\/\*\*"; expected one glob per line/],
    [{ 'block-labels': ',' }, /^input block-labels: got ","; expected at least one item/],
    [{ approvers: ' , ' }, /^input approvers: got " , "; expected at least one item/]
  ])('%j is an input error', (inputs, message) => {
    expect(() => build({}, inputs)).toThrow(message)
  })

  it('a config list of blank names is an error; an empty one is a choice', () => {
    expect(() => build({ 'block-labels': [' '] })).toThrow(/^config dg.yml: approval.block-labels: got \[" "\]; expected non-empty names/)
    expect(build({ 'emergency-labels': [] }).emergencyLabels).toEqual([])
  })

  it('approval.last-pusher-may-approve defaults to false', () => {
    expect(build({ 'last-pusher-may-approve': true }).lastPusherMayApprove).toBe(true)
  })
})
