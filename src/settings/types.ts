import type { SecretSource } from '../text/mask-plan.js'
import type { RollbackSettings } from './rollback-settings.js'

/** The modes of PRODUCT.md section 1, after `auto` has been resolved. */
export const MODES = ['verify', 'approval', 'gate', 'drill', 'report'] as const
export type Mode = (typeof MODES)[number]
export const MODE_INPUTS = [...MODES, 'auto'] as const

export const DEPLOY_RESULTS = ['success', 'failure', 'cancelled', 'skipped'] as const
export type DeployResult = (typeof DEPLOY_RESULTS)[number]

export const ROLLBACK_KINDS = ['auto', 'none', 'workflow', 'repository-dispatch', 'deployment', 'webhook'] as const
export type RollbackKind = (typeof ROLLBACK_KINDS)[number]

/** A numeric bound; the sample fails when the value leaves [min, max]. */
export interface Bounds {
  readonly min?: number
  readonly max?: number
}

/** Compare a metric with the same query before the deploy; see engine/baseline.ts. */
export interface BaselineSpec {
  /** How far before the start of verification the baseline is read (PromQL offset). */
  readonly offsetMs: number
  /** Allowed relative increase over the baseline, 0.5 = +50 %. */
  readonly maxIncrease: number
  /** Absolute floor under the allowed value, so a zero baseline cannot hide a new error rate. */
  readonly floor: number
}

interface CheckBase {
  /** Unique name, shown in the summary, outputs and incident. */
  readonly name: string
  /** Per-request timeout in ms. */
  readonly timeoutMs: number
  /** Free-form tags, e.g. `security`, used by escalation. */
  readonly tags: readonly string[]
}

export interface HttpCheck extends CheckBase {
  readonly type: 'http'
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** Accepted statuses; empty means any 2xx. */
  readonly expectStatus: readonly number[]
  readonly bodyContains?: string
  readonly bodyRegex?: string
  readonly json?: { readonly path: string; readonly equals?: unknown } & Bounds
  readonly maxLatencyMs?: number
}

export interface PrometheusCheck extends CheckBase, Bounds {
  readonly type: 'prometheus'
  readonly url: string
  readonly query: string
  readonly headers: Readonly<Record<string, string>>
  readonly baseline?: BaselineSpec
}

export interface JsonCheck extends CheckBase, Bounds {
  readonly type: 'json'
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** JSON path that picks the number, e.g. `$.data[0].value`. */
  readonly path: string
}

export interface DatadogCheck extends CheckBase, Bounds {
  readonly type: 'datadog'
  /** API base, e.g. https://api.datadoghq.eu. */
  readonly apiUrl: string
  readonly query: string
  readonly apiKey: string
  readonly appKey: string
  /** Window of the metrics query ending now. */
  readonly windowMs: number
  /** How the points of the window reduce to one number. */
  readonly aggregation: 'last' | 'avg' | 'max' | 'min' | 'sum'
}

export type CheckSpec = HttpCheck | PrometheusCheck | JsonCheck | DatadogCheck
export type CheckType = CheckSpec['type']

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
  /** The pull request of a pull-request event. */
  readonly pullRequest?: { readonly number: number; readonly headSha: string }
  readonly ref: string
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
  readonly incident: {
    readonly enabled: boolean
    readonly labels: readonly string[]
    readonly assignees: readonly string[]
    readonly runbookUrl: string
    readonly logLines: number
  }
  readonly approval: {
    readonly labels: readonly string[]
    readonly approvers: readonly string[]
    readonly protectedPaths: readonly string[]
    readonly blockLabels: readonly string[]
  }
  /** Every secret value read (long enough to redact); redacted from everything the action writes. */
  readonly secrets: readonly string[]
  /** Every secret value with where it was read, for the runner's mask and warnings that name the place. */
  readonly secretSources: readonly SecretSource[]
  readonly context: RunContext
}
