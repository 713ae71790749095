import type { SecretSource } from '../text/mask-plan.js'
import type { ApprovalSettings } from './approval-settings.js'
import type { InputName } from './inputs.js'
import type { IncidentExtras } from './incident-settings.js'
import type { RollbackSettings } from './rollback-settings.js'
import type { GitHubTimings } from './github-timings.js'
import type { ReportSettings } from './report-settings.js'

/** The modes of PRODUCT.md section 1, after `auto` has been resolved. */
export const MODES = ['verify', 'approval', 'gate', 'drill', 'report'] as const
export type Mode = (typeof MODES)[number]
export const MODE_INPUTS = [...MODES, 'auto'] as const

export const DEPLOY_RESULTS = ['success', 'failure', 'cancelled', 'skipped'] as const
export type DeployResult = (typeof DEPLOY_RESULTS)[number]

export type { CheckSpec, CheckType } from '../checks/registry.js'
import type { CheckSpec } from '../checks/registry.js'

/** How long and how often to sample, and the limits that turn samples into a verdict. */
export interface VerifySettings {
  readonly durationMs: number
  readonly intervalMs: number
  readonly warmupMs: number
  /** Failed samples tolerated per check; one more fails the verification. */
  readonly failureLimit: number
  /** Consecutive errors tolerated per check; one more makes it inconclusive. */
  readonly consecutiveErrorLimit: number
  /** Requests in flight at once across all checks. */
  readonly concurrency: number
  /** Bytes of a response body read at most. */
  readonly maxBodyBytes: number
  /** Redirects followed at most per request. */
  readonly maxRedirects: number
  /** Whether an inconclusive verdict fails the job (default) or passes with a warning. */
  readonly inconclusiveFailsJob: boolean
  /** Whether an inconclusive verdict triggers a rollback (default no: an outage is not evidence). */
  readonly rollbackOnInconclusive: boolean
  readonly checks: readonly CheckSpec[]
}

/** Workflow context the action runs in, from the runner's environment. */
export interface RunContext {
  readonly repository?: { readonly owner: string; readonly repo: string }
  readonly eventName: string
  /** GITHUB_SHA: on pull-request events the merge commit the runner checked out. */
  readonly sha: string
  /** The commit under test: the PR's head on pull-request events, the triggering run's head on workflow_run, else sha. */
  readonly headSha: string
  /** The pull request of a pull-request event; `action` is the event's (opened, labeled, synchronize...). */
  readonly pullRequest?: { readonly number: number; readonly headSha: string; readonly action?: string }
  readonly ref: string
  /** A push event's range: every commit from before (exclusive) to after came with the push; before is all zeros for a new branch. */
  readonly push?: { readonly before: string; readonly after: string }
  /** The merge queue group of a merge_group event: its head (the commit to judge) and base. */
  readonly mergeGroup?: { readonly headSha: string; readonly headRef: string; readonly baseSha: string; readonly baseRef: string }
  /** The repository's default branch from the event payload, when the event carries it. */
  readonly defaultBranch?: string
  readonly runId: string
  readonly runAttempt: string
  readonly serverUrl: string
  readonly apiUrl: string
  readonly graphqlUrl: string
  readonly workflow: string
  readonly job: string
  readonly actor: string
  /** Directory for the JSON report. */
  readonly tempDir: string
  readonly workspace: string
}

/** Everything the action needs, read and validated once by settings/read-settings.ts. */
export interface Settings {
  readonly mode: Mode
  /** Whether `mode` was set by the user or chosen by `auto` for this event; error messages differ. */
  readonly modeChosenBy: 'input' | 'auto'
  readonly token: string
  readonly configPath: string
  readonly configLoaded: boolean
  readonly environment: string
  /** GitHub's production_environment flag of the deployments; config `production-environment`, default true for production and prod. */
  readonly productionEnvironment: boolean
  readonly version: string
  readonly deployResult: DeployResult
  readonly dryRun: boolean
  readonly verify: VerifySettings
  /** Strategy, target and trigger details of the rollback (settings/rollback-settings.ts). */
  readonly rollback: RollbackSettings
  /** Incident issues: the inline inputs plus the `incident.*` config (settings/incident-settings.ts). */
  readonly incident: IncidentExtras & {
    readonly enabled: boolean
    readonly labels: readonly string[]
    readonly assignees: readonly string[]
    readonly runbookUrl: string
    readonly logLines: number
  }
  /** Change approval and gate (PRODUCT.md section 7); see settings/approval-settings.ts. */
  readonly approval: ApprovalSettings
  /**
   * Set when approval judges a pull-request or merge_group event: the config file is then read
   * from the base branch through the API (settings/base-config.ts), never from the workspace,
   * which holds the PR's own copy; `approval` above is built from the inputs alone until then.
   */
  readonly baseConfig?: { readonly inputs: Readonly<Record<InputName, string>>; readonly explicit: boolean }
  /** Delivery report (PRODUCT.md section 10); see settings/report-settings.ts. */
  readonly report: ReportSettings
  /** Every secret value read (long enough to redact); redacted from everything the action writes. */
  readonly secrets: readonly string[]
  /** Every secret value with where it was read, for the runner's mask and warnings that name the place. */
  readonly secretSources: readonly SecretSource[]
  readonly context: RunContext
  /** GitHub call deadline and the failure path's write retries; defaults when absent (settings/github-timings.ts). */
  readonly github?: GitHubTimings
}

/**
 * What verify reads, and with it its follow-ups (rollback, incident) and drill, which rehearses
 * them: everything but the approval and report sections, which only their modes read.
 */
export type VerifyModeSettings = Omit<Settings, 'approval' | 'baseConfig' | 'report'>
