// A generated delivery history with answers worked out by hand (in the tests, not by the code):
// merge, squash and rebase merges, three PRs in one deployment, a direct push deployed by a job's
// `environment:` and recorded again by the guard in the same run, a bad release with the guard's
// failure, its incident and its rollback to the older SHA, a fix, a redeploy of the same SHA, a
// preview environment, and a guard failure recovered a day later. Times are hours after T0.
import type { DeploymentRecord, History, IncidentRecord, PullRecord, StatusRecord } from '../../src/report/history.js'

export const T0 = Date.parse('2026-06-01T00:00:00Z')
export const H = 3_600_000
export const at = (hours: number): number => T0 + hours * H
export const SERVER = 'https://github.com'
export const REPO = 'octo-org/octo-repo'
const run = (id: number) => `${SERVER}/${REPO}/actions/runs/${id}`

const sha = (name: string): string => (name + '0'.repeat(40)).replace(/[^0-9a-f]/g, 'f').slice(0, 40)

export interface FixtureCommit {
  readonly name: string
  readonly parents: readonly string[]
  /** Hours after T0 of the author date. */
  readonly authored: number
}

export const BASE = sha('ba5e')
// name: a1 a2 (PR 1 branch), m1 (its merge commit), s2 (squash of PR 2), r1 r2 (rebase of PR 3),
// c4 (direct push), s5 (squash of PR 4, the bad release), s6 (fix, PR 5), s7 (PR 6), s8 (PR 7).
export const COMMITS: readonly FixtureCommit[] = [
  { name: 'a1', parents: ['base'], authored: 1 },
  { name: 'a2', parents: ['a1'], authored: 2 },
  { name: 'm1', parents: ['base', 'a2'], authored: 5 },
  { name: 's2', parents: ['m1'], authored: 6 },
  { name: 'r1', parents: ['s2'], authored: 2 },
  { name: 'r2', parents: ['r1'], authored: 3 },
  { name: 'c4', parents: ['r2'], authored: 24 },
  { name: 's5', parents: ['c4'], authored: 48 },
  { name: 's6', parents: ['s5'], authored: 70 },
  { name: 's7', parents: ['s6'], authored: 119 },
  { name: 's8', parents: ['s7'], authored: 140 }
]
const NAMES = ['base', ...COMMITS.map((c) => c.name)]
export const SHA: Readonly<Record<string, string>> = Object.fromEntries(
  NAMES.map((n, i) => [n, n === 'base' ? BASE : (i.toString(16).padStart(2, '0') + sha(n)).slice(0, 40)])
)

export interface FixturePull {
  readonly number: number
  readonly created: number
  readonly merged: number
  readonly mergeCommit: string
  /** The commits of its branch (for the emulator's commits-to-pulls). */
  readonly commits: readonly string[]
}

export const PULLS: readonly FixturePull[] = [
  { number: 1, created: 3, merged: 5, mergeCommit: 'm1', commits: ['a1', 'a2'] },
  { number: 2, created: 4, merged: 6, mergeCommit: 's2', commits: ['s2'] },
  { number: 3, created: 4, merged: 7, mergeCommit: 'r2', commits: ['r1', 'r2'] },
  { number: 4, created: 40, merged: 48, mergeCommit: 's5', commits: ['s5'] },
  { number: 5, created: 60, merged: 70, mergeCommit: 's6', commits: ['s6'] },
  { number: 6, created: 110, merged: 119, mergeCommit: 's7', commits: ['s7'] },
  { number: 7, created: 130, merged: 140, mergeCommit: 's8', commits: ['s8'] }
]

export interface FixtureStatus {
  readonly state: string
  readonly at: number
  readonly guard?: boolean
  readonly run: number
}

export interface FixtureDeployment {
  readonly key: string
  readonly commit: string
  readonly created: number
  readonly environment?: string
  readonly transient?: boolean
  readonly task?: string
  readonly version?: string
  readonly rollbackOf?: { readonly version: string; readonly deployment: string; readonly run: number }
  readonly statuses: readonly FixtureStatus[]
}

export const DEPLOYMENTS: readonly FixtureDeployment[] = [
  { key: 'D0', commit: 'base', created: -24, statuses: [{ state: 'success', at: -24, run: 100 }] },
  {
    key: 'D1',
    commit: 'r2',
    created: 8,
    statuses: [
      { state: 'success', at: 9, run: 101 },
      { state: 'success', at: 9.25, guard: true, run: 101 }
    ]
  },
  { key: 'D2', commit: 'c4', created: 25, statuses: [{ state: 'success', at: 25, run: 102 }] },
  { key: 'D2g', commit: 'c4', created: 25.1, version: 'v1.1.0', statuses: [{ state: 'success', at: 25.2, guard: true, run: 102 }] },
  {
    key: 'D3',
    commit: 's5',
    created: 49,
    statuses: [
      { state: 'success', at: 49, run: 103 },
      { state: 'failure', at: 49.5, guard: true, run: 103 }
    ]
  },
  {
    key: 'R3',
    commit: 'c4',
    created: 49.6,
    task: 'deploy-guard:rollback',
    rollbackOf: { version: 's5', deployment: 'D3', run: 103 },
    statuses: [{ state: 'queued', at: 49.6, guard: true, run: 103 }]
  },
  {
    key: 'D4',
    commit: 'c4',
    created: 50,
    statuses: [
      { state: 'success', at: 50.1, run: 104 },
      { state: 'success', at: 49.5 + 50 / 60, guard: true, run: 104 }
    ]
  },
  {
    key: 'D5',
    commit: 's6',
    created: 72,
    statuses: [
      { state: 'success', at: 72, run: 105 },
      { state: 'success', at: 72.25, guard: true, run: 105 }
    ]
  },
  { key: 'D6', commit: 's6', created: 96, statuses: [{ state: 'success', at: 96, run: 106 }] },
  { key: 'P1', commit: 's6', created: 100, environment: 'preview-pr-9', transient: true, statuses: [{ state: 'success', at: 100, run: 107 }] },
  {
    key: 'D8',
    commit: 's7',
    created: 120,
    statuses: [
      { state: 'success', at: 120, run: 108 },
      { state: 'failure', at: 120.5, guard: true, run: 108 }
    ]
  },
  {
    key: 'D9',
    commit: 's8',
    created: 144,
    statuses: [
      { state: 'success', at: 144, run: 109 },
      { state: 'success', at: 145, guard: true, run: 109 }
    ]
  }
]

/** The incident the bad release opened: its marker names the version and the detection time. */
export const INCIDENT = { number: 7, version: 's5', deployedAt: 49, detectedAt: 49.5, closed: 50.5 }

const WINDOW_DAYS = 28

/** The fixture as the GitHub adapter would read it; `only` keeps a subset of the deployments. */
export function fixtureHistory(only?: readonly string[]): History {
  const ids = new Map(DEPLOYMENTS.map((d, i) => [d.key, 1000 + i]))
  const status = (s: FixtureStatus): StatusRecord => ({
    state: s.state,
    description: s.guard
      ? `deploy-guard: ${s.state === 'success' ? 'passed' : s.state === 'failure' ? 'failed: error-rate failed' : 'rollback sent'}`
      : 'Deployed',
    createdAt: at(s.at),
    logUrl: run(s.run)
  })
  const deployments: DeploymentRecord[] = DEPLOYMENTS.filter((d) => !only || only.includes(d.key)).map((d) => ({
    id: ids.get(d.key) as number,
    sha: SHA[d.commit],
    ref: d.commit === 'base' ? 'main' : SHA[d.commit],
    task: d.task ?? 'deploy',
    environment: d.environment ?? 'production',
    createdAt: at(d.created),
    ...(d.transient && { transient: true }),
    ...(d.version && { version: d.version }),
    ...(d.rollbackOf && {
      version: SHA[d.commit],
      rollback: {
        of: SHA[d.rollbackOf.version],
        ofDeployment: ids.get(d.rollbackOf.deployment),
        runId: String(d.rollbackOf.run),
        runUrl: run(d.rollbackOf.run)
      }
    }),
    statuses: d.statuses.map(status)
  }))
  const pull = (p: FixturePull): PullRecord => ({
    number: p.number,
    title: `PR ${p.number}`,
    url: `${SERVER}/${REPO}/pull/${p.number}`,
    createdAt: at(p.created),
    mergedAt: at(p.merged),
    mergeCommitSha: SHA[p.mergeCommit]
  })
  const incident: IncidentRecord = {
    number: INCIDENT.number,
    url: `${SERVER}/${REPO}/issues/${INCIDENT.number}`,
    createdAt: at(INCIDENT.detectedAt),
    closedAt: at(INCIDENT.closed),
    marker: { environment: 'production', version: SHA[INCIDENT.version], deployedAt: at(INCIDENT.deployedAt), detectedAt: at(INCIDENT.detectedAt) }
  }
  return {
    repository: REPO,
    serverUrl: SERVER,
    environment: 'production',
    now: T0 + WINDOW_DAYS * 24 * H,
    window: { start: T0, end: T0 + WINDOW_DAYS * 24 * H },
    previous: { start: T0 - WINDOW_DAYS * 24 * H, end: T0 },
    deployments,
    commits: COMMITS.map((c) => ({
      sha: SHA[c.name],
      parents: c.parents.map((p) => SHA[p]),
      authoredAt: at(c.authored),
      committedAt: at(c.authored),
      title: `commit ${c.name}`,
      author: 'Octo Cat',
      url: `${SERVER}/${REPO}/commit/${SHA[c.name]}`
    })),
    baseSha: BASE,
    // The PR list GitHub gives (merge commit SHAs); r1 of the rebase merge and c4 are not in it.
    pulls: PULLS.map(pull),
    // commits-to-pulls answers for the commits the list does not name.
    commitPulls: { [SHA.r1]: pull(PULLS[2]), [SHA.c4]: null },
    incidents: [incident],
    gaps: []
  }
}
