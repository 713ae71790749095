// What each rollback trigger asks of the settings: one line per trigger in TRIGGER_SECTIONS.
// The trigger itself (its plan, send, look-up, drill check and permissions) is one file under
// src/rollback/triggers/. The split is forced by the layers:
// settings sit below the features and cannot import them, and a trigger's settings must be
// validated with every other input, before any request, in every mode.
import type { Env } from './inputs.js'
import { checkUrl } from './checks-from-config.js'
import { interpolate } from '../values/interpolate.js'
import { parseDuration, parseNumber } from '../values/parse.js'
import { UserError } from '../values/user-error.js'
import type { SecretSource } from '../text/mask-plan.js'

/** The webhook strategy's receiver, for Argo CD, Spinnaker or in-house deployers. */
export interface WebhookSettings {
  /** POSTed to; may hold credentials (treated as secrets). */
  readonly url: string
  /** Key of the HMAC-SHA256 signature (`X-Deploy-Guard-Signature-256`). */
  readonly secret: string
  /** Deliveries tried at most, the first included. */
  readonly attempts: number
  /** All attempts of one delivery end within this many ms. */
  readonly totalTimeoutMs: number
}

/** Settings only one trigger has, present when its strategy is in force (part of RollbackSettings). */
export interface TriggerOwnSettings {
  readonly webhook?: WebhookSettings
}

type Raw = Record<string, unknown>

/** What a trigger's section parser may read: the `rollback` config map and what was resolved before it. */
export interface SectionContext {
  /** The `rollback` map of the config file ({} when absent). */
  readonly cfg: Raw
  /** `config <file>: rollback`, the prefix of its error messages. */
  readonly at: string
  /** Where the strategy was chosen (`input rollback` or the config key), for messages. */
  readonly strategyWhere: string
  /** The workflow file resolved from rollback-workflow / rollback.workflow ('' when unset). */
  readonly workflow: string
  readonly env: Env
  /** Secrets found while parsing are pushed here, so they are masked before anything is logged. */
  readonly secrets: SecretSource[]
}

/** The part of `rollback.*` one trigger validates. */
export interface TriggerSection {
  /** `rollback.wait` may be set: the trigger starts a run GitHub names (or sends nothing to wait for). */
  readonly watchable: boolean
  /** Validates the trigger's own settings once its strategy is in force; a UserError names the bad key. */
  readonly parse?: (ctx: SectionContext) => TriggerOwnSettings
}

const MAX_WEBHOOK_TIMEOUT_MS = 10 * 60_000

/**
 * Every rollback strategy by its name, in the order the `rollback` input's error lists them.
 * Adding a trigger: one line here (and its parser when it has settings of its own), one file
 * and one line in src/rollback/triggers/registry.ts, its schema definition and docs.
 */
export const TRIGGER_SECTIONS = {
  none: { watchable: true },
  workflow: { watchable: true, parse: workflowSection },
  'repository-dispatch': { watchable: false },
  deployment: { watchable: false },
  webhook: { watchable: false, parse: webhookSection }
} as const satisfies Record<string, TriggerSection>

/** The workflow strategy cannot work without a workflow to dispatch. */
function workflowSection(ctx: SectionContext): TriggerOwnSettings {
  if (!ctx.workflow) {
    throw new UserError(
      'input rollback-workflow',
      '',
      `the workflow file to dispatch (e.g. deploy.yml) when ${ctx.strategyWhere} is workflow; set rollback-workflow or rollback.workflow`
    )
  }
  return {}
}

/** rollback.webhook: URL and secret required, both collected as secrets. */
function webhookSection(ctx: SectionContext): TriggerOwnSettings {
  const cfg = (ctx.cfg.webhook ?? {}) as Raw
  const at = `${ctx.at}.webhook`
  const { env, secrets } = ctx
  if (cfg.url === undefined) throw new UserError(`${at}.url`, undefined, 'the URL the rollback is POSTed to when rollback.strategy is webhook')
  if (cfg.secret === undefined || String(cfg.secret) === '') {
    throw new UserError(`${at}.secret`, undefined, "the HMAC secret of the signature, normally ${ENV_VAR} read from a secret in the step's env")
  }
  const url = checkUrl(`${at}.url`, String(cfg.url), { timeoutMs: 0, prometheusUrl: '', env, secrets, where: '' })
  const { value: secret } = interpolate(`${at}.secret`, String(cfg.secret), env)
  secrets.push({ where: `${at}.secret`, value: secret })
  const totalTimeoutMs = cfg.timeout === undefined ? 30_000 : parseDuration(`${at}.timeout`, String(cfg.timeout))
  if (totalTimeoutMs <= 0 || totalTimeoutMs > MAX_WEBHOOK_TIMEOUT_MS) throw new UserError(`${at}.timeout`, cfg.timeout, 'a duration from 1s to 10m')
  return {
    webhook: {
      url,
      secret,
      attempts: cfg.attempts === undefined ? 3 : parseNumber(`${at}.attempts`, cfg.attempts as number, { min: 1, max: 10, integer: true }),
      totalTimeoutMs
    }
  }
}
