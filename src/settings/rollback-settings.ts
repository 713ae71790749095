import type { Env, InputName } from './inputs.js'
import { parseBoolean, parseDuration, parseEnum } from '../values/parse.js'
import { UserError } from '../values/user-error.js'
import type { SecretSource } from '../text/mask-plan.js'
import { TRIGGER_SECTIONS, type TriggerOwnSettings, type TriggerSection } from './trigger-sections.js'

/** The strategies that send something (or `none`); one line each in settings/trigger-sections.ts. */
export type RollbackStrategy = keyof typeof TRIGGER_SECTIONS
export const ROLLBACK_STRATEGIES = Object.keys(TRIGGER_SECTIONS) as RollbackStrategy[]

/** The input `rollback`: a strategy, or `auto` (resolved from the other inputs) or `none`. */
export type RollbackKind = 'auto' | RollbackStrategy
export const ROLLBACK_KINDS: readonly RollbackKind[] = ['auto', ...ROLLBACK_STRATEGIES]

/** Where the last good release comes from when GitHub Deployments have none. */
export const ROLLBACK_FALLBACKS = ['none', 'releases', 'tags'] as const
export type RollbackFallback = (typeof ROLLBACK_FALLBACKS)[number]

/** `rollback.wait`: watch the dispatched run, then sample the checks once more. */
export interface RollbackWait {
  /** The wait ends after this many ms, whatever the run does. */
  readonly timeoutMs: number
  /** Between two looks at the run. */
  readonly pollMs: number
}

/** What to do on a bad release (PRODUCT.md section 5), read and validated before any request. */
export interface RollbackSettings extends TriggerOwnSettings {
  /** The `rollback` input or `rollback.strategy` as given (may be `auto`). */
  readonly kind: RollbackKind
  /** The strategy in force: `auto` resolved to `workflow` when a workflow is set, else `none`. */
  readonly strategy: RollbackStrategy
  /** Workflow file dispatched by the `workflow` strategy, e.g. deploy.yml. */
  readonly workflow: string
  /** Ref the rollback workflow runs on; '' = the repository's default branch. */
  readonly ref: string
  /** The workflow_dispatch input that receives the version (`rollback.workflow-input`, default `version`). */
  readonly workflowInput: string
  /** Releases or tags in semver order when no good deployment is found (`rollback.fallback`). */
  readonly fallback: RollbackFallback
  /** Roll back when the deploy job was cancelled (`rollback.on-deploy-cancelled`, default false). */
  readonly onDeployCancelled: boolean
  /** Roll back when the deploy job was skipped (`rollback.on-deploy-skipped`, default false). */
  readonly onDeploySkipped: boolean
  /** `required_contexts` of the deployment the `deployment` strategy creates (explicit; default none). */
  readonly requiredContexts: readonly string[]
  /** Wait for the rollback's workflow run and report restored or not (`rollback.wait`); absent = the next verify closes the loop. */
  readonly wait?: RollbackWait
}

type Raw = Record<string, unknown>
type Pick = (input: InputName, cfg: unknown, fallback: string) => { raw: string; where: string }

// A job runs 6 h at most; a rollback that takes longer than 1 h to deploy is reported, not awaited.
const MAX_WAIT_MS = 60 * 60_000
const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/
const WORKFLOW_FILE = /^(?:\.github\/workflows\/)?([^/\s]+\.ya?ml)$/

/**
 * The `rollback` inputs and `rollback.*` config, validated: a strategy that cannot work (a
 * workflow strategy without a workflow, a webhook without URL or secret) stops the action
 * before any request. The webhook secret and credentials in its URL are collected as secrets.
 */
export function rollbackSettings(cfg: Raw, pick: Pick, where: string, env: Env, secrets: SecretSource[]): RollbackSettings {
  const kindIn = pick('rollback', cfg.strategy, 'auto')
  const kind = parseEnum(kindIn.where, kindIn.raw, ROLLBACK_KINDS)
  const workflowIn = pick('rollback-workflow', cfg.workflow, '')
  const workflow = workflowIn.raw ? workflowFile(workflowIn.where, workflowIn.raw) : ''
  const strategy: RollbackStrategy = kind === 'auto' ? (workflow ? 'workflow' : 'none') : kind
  const section: TriggerSection = TRIGGER_SECTIONS[strategy]
  // Only a dispatched workflow run can be followed to its end; other strategies start nothing GitHub names.
  if (cfg.wait !== undefined && !section.watchable) {
    throw new UserError(
      `${where}rollback.wait`,
      cfg.wait,
      `no rollback.wait with strategy ${strategy}: only a workflow rollback (a run GitHub names) can be watched`
    )
  }
  const ref = pick('rollback-ref', cfg.ref, '')
  if ([...ref.raw].some((c) => c.charCodeAt(0) <= 0x20 || c === '\x7f') || /[~^:?*[\\]/.test(ref.raw))
    throw new UserError(ref.where, ref.raw, 'a branch or tag name (no spaces or control characters)')
  const workflowInput = cfg['workflow-input'] === undefined ? 'version' : String(cfg['workflow-input'])
  if (!INPUT_NAME.test(workflowInput)) throw new UserError(`${where}rollback.workflow-input`, workflowInput, 'a workflow_dispatch input name such as version')
  const flag = (key: string): boolean => (cfg[key] === undefined ? false : parseBoolean(`${where}rollback.${key}`, String(cfg[key])))
  const contexts = cfg['required-contexts']
  return {
    kind,
    strategy,
    workflow,
    ref: ref.raw,
    workflowInput,
    fallback: cfg.fallback === undefined ? 'none' : parseEnum(`${where}rollback.fallback`, String(cfg.fallback), ROLLBACK_FALLBACKS),
    onDeployCancelled: flag('on-deploy-cancelled'),
    onDeploySkipped: flag('on-deploy-skipped'),
    requiredContexts: Array.isArray(contexts) ? contexts.map(String) : [],
    ...(cfg.wait !== undefined && { wait: waitSettings(cfg.wait as Raw, `${where}rollback.wait`) }),
    ...section.parse?.({ cfg, at: `${where}rollback`, strategyWhere: kindIn.where, workflow, env, secrets })
  }
}

function waitSettings(cfg: Raw, at: string): RollbackWait {
  const timeoutMs = cfg.timeout === undefined ? 15 * 60_000 : parseDuration(`${at}.timeout`, String(cfg.timeout))
  if (timeoutMs <= 0 || timeoutMs > MAX_WAIT_MS) throw new UserError(`${at}.timeout`, cfg.timeout, 'a duration from 1s to 1h')
  const pollMs = cfg.interval === undefined ? 15_000 : parseDuration(`${at}.interval`, String(cfg.interval))
  if (pollMs < 1000 || pollMs > timeoutMs) throw new UserError(`${at}.interval`, cfg.interval, `a duration from 1s to the wait's timeout`)
  return { timeoutMs, pollMs }
}

/** `deploy.yml` or `.github/workflows/deploy.yml` as the file name the dispatch API takes; a numeric id as is. */
function workflowFile(where: string, raw: string): string {
  if (/^\d+$/.test(raw)) return raw
  const m = WORKFLOW_FILE.exec(raw.trim())
  if (!m) throw new UserError(where, raw, 'a workflow file name such as deploy.yml (or .github/workflows/deploy.yml)')
  return m[1]
}
