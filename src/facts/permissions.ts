// The one table of `permissions:` each mode needs from the workflow's GITHUB_TOKEN, with why;
// verify adds the grants of its rollback trigger (each trigger under src/rollback/triggers/
// names its own), and src/mode/permissions.ts puts the two together. README, docs/ and every
// workflow under examples/ take their permissions blocks from there
// (__tests__/unit/examples.test.ts checks them), so they can no longer disagree.
import type { RollbackStrategy } from '../settings/rollback-settings.js'

/** A GITHUB_TOKEN scope as written in a workflow's `permissions:` block. */
export type Scope = 'actions' | 'contents' | 'deployments' | 'issues' | 'pull-requests' | 'statuses'

/** One line of a permissions block and the reason deploy-guard needs it. */
export interface Grant {
  readonly scope: Scope
  readonly level: 'read' | 'write'
  readonly why: string
  /** Needed only when incident issues are on. */
  readonly incidentOnly?: true
  /** Without it the failure path still runs, with this missing: a warning in drill, not a failure. */
  readonly without?: string
}

/** What a job runs: a mode, and for verify the rollback strategy in force. */
export type GuardJob = { readonly mode: 'verify'; readonly rollback: RollbackStrategy } | { readonly mode: 'approval' | 'gate' | 'drill' | 'report' }

/** verify with any rollback trigger; the trigger adds its own grants. */
export const VERIFY_BASE: readonly Grant[] = [
  { scope: 'deployments', level: 'write', why: 'record the deployment, its statuses and the rollback ledger' },
  {
    scope: 'contents',
    level: 'read',
    why: 'the commits between the last good and the bad release; the config file',
    incidentOnly: true,
    without: 'the incident issue cannot list the commits the bad release brought'
  },
  { scope: 'issues', level: 'write', why: "open, update and close the environment's incident issue", incidentOnly: true },
  {
    scope: 'actions',
    level: 'read',
    why: "the run's jobs and their logs, attached to the incident",
    incidentOnly: true,
    without: "the incident issue gets no job logs: GitHub answers 403 for the run's jobs"
  }
]

/** Every mode but verify. */
export const OTHER_MODES: Record<Exclude<GuardJob['mode'], 'verify'>, readonly Grant[]> = {
  approval: [
    { scope: 'pull-requests', level: 'read', why: 'the pull request and its changed files' },
    { scope: 'issues', level: 'read', why: 'who added which label, and when (issue events)' },
    { scope: 'statuses', level: 'write', why: 'the deploy-guard/change-approval commit status' },
    { scope: 'contents', level: 'read', why: 'when each push happened (repository activity); the config file' }
  ],
  gate: [
    { scope: 'pull-requests', level: 'read', why: 'the pull request that brought the commit, and its files' },
    { scope: 'issues', level: 'read', why: 'its label events' },
    { scope: 'contents', level: 'read', why: 'pushes (repository activity); the config file' }
  ],
  drill: [
    { scope: 'deployments', level: 'read', why: 'the deployment history: the release a rollback would pick' },
    { scope: 'actions', level: 'read', why: 'the workflows: the rollback trigger exists and is active' },
    { scope: 'contents', level: 'read', why: 'the workflow files (their permissions) and the config file' }
  ],
  report: [
    { scope: 'deployments', level: 'read', why: 'the deployments of the environment and their statuses' },
    { scope: 'contents', level: 'read', why: 'the commits each deployment brought (compare); the config file' },
    { scope: 'pull-requests', level: 'read', why: "each change's pull request (lead time)" },
    { scope: 'issues', level: 'read', why: 'the incident issues (change fail rate, recovery time)' }
  ]
}

const RANK = { read: 1, write: 2 } as const

/** Pure: one grant per scope (the strongest), in the order the scopes are first named. */
export function strongestPerScope(grants: readonly Grant[]): readonly Grant[] {
  const byScope = new Map<Scope, Grant>()
  for (const g of grants) {
    const had = byScope.get(g.scope)
    if (!had || RANK[g.level] > RANK[had.level]) byScope.set(g.scope, g)
  }
  const order = [...new Set(grants.map((g) => g.scope))]
  return order.map((s) => byScope.get(s) as Grant)
}

/** Pure: a grant as a `permissions:` line and as the 403 messages name it, e.g. `actions: write`. */
export const grantText = (g: Pick<Grant, 'scope' | 'level'>): string => `${g.scope}: ${g.level}`
