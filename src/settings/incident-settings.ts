// The `incident.*` section of the config file (PRODUCT.md section 6) beyond the inline inputs:
// severity rules, mentions, recovery, logs and the chat notification.
import type { Env } from './inputs.js'
import { interpolate } from '../values/interpolate.js'
import { parseUrl } from '../values/parse.js'
import { UserError } from '../values/user-error.js'
import { urlSecrets } from '../text/credentials.js'
import type { SecretSource } from '../text/mask-plan.js'

/** Severity levels, most severe first. */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const
export type Severity = (typeof SEVERITIES)[number]

/** One row of the severity table: the first rule whose conditions all hold decides. */
export interface SeverityRule {
  readonly environment?: string
  /** True: only environments recorded as production; false: only the others. */
  readonly production?: boolean
  readonly result?: 'failed' | 'inconclusive'
  /** A tag one of the failed or inconclusive checks carries, e.g. `security`. */
  readonly tag?: string
  readonly severity: Severity
}

/** What the incident feature needs beyond the inline inputs. */
export interface IncidentExtras {
  /** Close the incident when a later verify passes (default true). */
  readonly closeOnRecovery: boolean
  /** Name of the deploy job whose log is attached even when it succeeded (default `deploy`). */
  readonly deployJob: string
  readonly severityRules: readonly SeverityRule[]
  /** Users and `org/team` slugs mentioned per severity, without the `@`. */
  readonly mentions: Readonly<Partial<Record<Severity, readonly string[]>>>
  /** Users and teams mentioned when a failed check carries the tag (`security: [org/security]`). */
  readonly tagMentions: Readonly<Record<string, readonly string[]>>
  /** Checks with one of these tags keep the logs out of the issue; they stay in the artifact (default `security`). */
  readonly privateTags: readonly string[]
  /** Upload the redacted full logs as a workflow artifact (default true). */
  readonly artifact: boolean
  /** Days GitHub keeps the artifact; 0 = the repository's default. */
  readonly artifactRetentionDays: number
  /** Why no artifact can be uploaded from here ('' when the runner's artifact service is reachable). */
  readonly artifactUnavailable: string
  /** Slack- or Teams-compatible incoming webhook told on open, update and recovery; a secret. */
  readonly webhookUrl: string
  /** The incident playbook in the action's own repository, linked when no runbook-url is set. */
  readonly playbookUrl: string
}

/** The action's repository when the runner does not name it (a local `uses: ./`). */
const ACTION_REPOSITORY = 'deploy-guard/deploy-guard'
/** Where the playbook lives in the action's repository. */
export const PLAYBOOK_PATH = 'docs/playbooks/incident-response.md'

/** The defaults: production failures are sev1, other failures sev2, inconclusive verdicts sev3. */
export const DEFAULT_SEVERITY_RULES: readonly SeverityRule[] = [
  { production: true, result: 'failed', severity: 'sev1' },
  { result: 'failed', severity: 'sev2' },
  { result: 'inconclusive', severity: 'sev3' }
]

type Raw = Record<string, unknown>

/** GitHub refuses label names longer than this. */
export const MAX_LABEL_LENGTH = 50
/** Lines of each job's tail at most: beyond this a log belongs in the artifact, not in issue comments. */
export const MAX_LOG_LINES = 2000
// A GitHub login: what an assignee must be (no org/team: teams cannot be assigned).
const LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/

/** The incident labels, each a name GitHub accepts (1 to 50 characters). */
export function checkLabels(labels: readonly string[], where: string): string[] {
  labels.forEach((l, i) => {
    if (l.length > MAX_LABEL_LENGTH) throw new UserError(`${where}[${i}]`, l, `a label of at most ${MAX_LABEL_LENGTH} characters (GitHub's limit)`)
  })
  return [...labels]
}

/** The assignees, each a GitHub login as a mention would name it; the `@` is dropped. */
export function checkAssignees(logins: readonly string[], where: string): string[] {
  return logins.map((h, i) => {
    if (!LOGIN.test(h)) throw new UserError(`${where}[${i}]`, h, 'a GitHub login such as alice (teams cannot be assigned)')
    return h.replace(/^@/, '')
  })
}

// A GitHub login or an org/team slug, as a mention would name them.
const HANDLE = /^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9][\w.-]*)?$/

/**
 * Builds the incident extras from the schema-valid `incident` section. The webhook URL may come
 * from `${ENV}` (a secret): it and whatever credentials it carries are recorded as secrets.
 */
export function incidentExtras(cfg: Raw, where: string, env: Env, secrets: SecretSource[]): IncidentExtras {
  const at = `${where}incident.`
  const notify = (cfg.notify ?? {}) as Raw
  return {
    closeOnRecovery: (cfg['close-on-recovery'] as boolean | undefined) ?? true,
    deployJob: (cfg['deploy-job'] as string | undefined) ?? 'deploy',
    severityRules: ((cfg.severity as Raw[] | undefined) ?? DEFAULT_SEVERITY_RULES) as SeverityRule[],
    mentions: handlesBy((cfg.mentions ?? {}) as Raw, `${at}mentions`),
    tagMentions: handlesBy((cfg['tag-mentions'] ?? {}) as Raw, `${at}tag-mentions`),
    privateTags: (cfg['private-tags'] as string[] | undefined) ?? ['security'],
    artifact: (cfg.artifact as boolean | undefined) ?? true,
    artifactRetentionDays: (cfg['artifact-retention-days'] as number | undefined) ?? 0,
    // The runner gives these to every job step; outside a job (a local run, the tests) there is no artifact service.
    artifactUnavailable:
      env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL
        ? ''
        : 'ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL are not set: the artifact service exists only inside a GitHub Actions job',
    webhookUrl: webhook(notify['webhook-url'], `${at}notify.webhook-url`, env, secrets),
    playbookUrl: playbookUrl(env)
  }
}

/** The playbook at the version of the action that runs: GITHUB_ACTION_REPOSITORY and GITHUB_ACTION_REF, as the runner sets them. */
function playbookUrl(env: Env): string {
  const repo = /^[\w.-]+\/[\w.-]+$/.test(env.GITHUB_ACTION_REPOSITORY ?? '') ? (env.GITHUB_ACTION_REPOSITORY as string) : ACTION_REPOSITORY
  const ref = /^[\w./-]+$/.test(env.GITHUB_ACTION_REF ?? '') && repo === env.GITHUB_ACTION_REPOSITORY ? (env.GITHUB_ACTION_REF as string) : 'main'
  const server = /^https?:\/\/[^\s]+$/.test(env.GITHUB_SERVER_URL ?? '') ? (env.GITHUB_SERVER_URL as string).replace(/\/$/, '') : 'https://github.com'
  return `${server}/${repo}/blob/${ref}/${PLAYBOOK_PATH}`
}

function handlesBy(map: Raw, where: string): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [key, list] of Object.entries(map)) {
    out[key] = ((list as string[] | undefined) ?? []).map((h, i) => {
      if (!HANDLE.test(h)) throw new UserError(`${where}.${key}[${i}]`, h, 'a GitHub login or an org/team slug, such as alice or acme/oncall')
      return h.replace(/^@/, '')
    })
  }
  return out
}

/** The notification URL: a secret whole, since incoming-webhook URLs are bearer credentials. */
function webhook(raw: unknown, where: string, env: Env, secrets: SecretSource[]): string {
  if (typeof raw !== 'string' || raw === '') return ''
  const { value } = interpolate(where, raw, env)
  const url = parseUrl(where, value)
  secrets.push({ where, value })
  for (const s of urlSecrets(url)) secrets.push({ where, value: s })
  // The path of a Slack or Teams webhook is its credential: redact it wherever it is echoed.
  if (url.pathname.length > 1) secrets.push({ where, value: url.pathname.slice(1) })
  return value
}
