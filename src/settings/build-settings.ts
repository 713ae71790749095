import type { Env, InputName } from './inputs.js'
import { gitHubTimings } from './github-timings.js'
import type { CheckSpec, Mode, RunContext, Settings, VerifySettings } from './types.js'
import type { PrometheusCheck } from '../checks/prometheus/spec.js'
import { DEPLOY_RESULTS, MODE_INPUTS } from './types.js'
import { rollbackSettings } from './rollback-settings.js'
import type { ConfigFile } from './config-file.js'
import { checksFromConfig, checkUrl, type CheckDefaults } from './checks-from-config.js'
import { urlText } from '../text/url-text.js'
import { MIN_SECRET_LENGTH, redact } from '../text/redact.js'
import type { SecretSource } from '../text/mask-plan.js'
import { maxFailureLimit, roundCount } from '../engine/evaluate.js'
import { distinctNames } from './check-names.js'
import {
  parseBoolean,
  parseDuration,
  parseEnum,
  parseList,
  parseNumber,
  parsePlainText,
  parsePositiveDuration,
  parseUrl,
  parseUrlLines
} from '../values/parse.js'
import { UserError } from '../values/user-error.js'
import { approvalSettings } from './approval-settings.js'
import { checkAssignees, checkLabels, incidentExtras, MAX_LOG_LINES } from './incident-settings.js'
import { reportSettings } from './report-settings.js'

type Inputs = Readonly<Record<InputName, string>>
type Raw = Record<string, unknown>

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target', 'pull_request_review', 'merge_group']

/** `auto` is approval on pull-request and merge_group events and verify on every other event. */
/** Whether approval judges this event's pull requests: its policy then comes from the base branch, never the workspace. */
export function judgesPullRequests(mode: string, eventName: string): boolean {
  const m = resolveMode(mode, eventName)
  // gate on merge_group judges the queued PRs too, and the group's checkout holds their changes.
  return PULL_REQUEST_EVENTS.includes(eventName) && (m === 'approval' || (m === 'gate' && eventName === 'merge_group'))
}

export function resolveMode(mode: string, eventName: string): Mode {
  const m = parseEnum('input mode', mode || 'auto', MODE_INPUTS)
  if (m !== 'auto') return m
  return PULL_REQUEST_EVENTS.includes(eventName) ? 'approval' : 'verify'
}

/**
 * Builds validated settings from the inputs, the parsed config file and the environment.
 * Pure: the caller reads files and masks the secrets this returns. A UserError leaves with
 * every secret met so far redacted from its message.
 */
export function buildSettings(inputs: Inputs, config: ConfigFile, configPath: string, configLoaded: boolean, env: Env, context: RunContext): Settings {
  const secrets: SecretSource[] = []
  if (inputs['github-token']) secrets.push({ where: 'input github-token', value: inputs['github-token'] })
  try {
    return build(inputs, config, configPath, configLoaded, env, context, secrets)
  } catch (e) {
    if (e instanceof UserError)
      e.message = redact(
        e.message,
        secrets.map((s) => s.value)
      )
    throw e
  }
}

function build(
  inputs: Inputs,
  config: ConfigFile,
  configPath: string,
  configLoaded: boolean,
  env: Env,
  context: RunContext,
  secrets: SecretSource[]
): Settings {
  const where = `config ${configPath}: `
  const cfgVerify = (config.verify ?? {}) as Raw
  const cfgRollback = (config.rollback ?? {}) as Raw
  const cfgIncident = (config.incident ?? {}) as Raw
  const cfgApproval = (config.approval ?? {}) as Raw

  /** Inline input when given, else the config value, else the documented default. */
  const pick = (input: InputName, cfg: unknown, fallback: string): { raw: string; where: string } => {
    if (inputs[input] !== '') return { raw: inputs[input], where: `input ${input}` }
    if (cfg !== undefined) return { raw: String(cfg), where: `${where}${configKeyOf(input)}` }
    return { raw: fallback, where: `input ${input}` }
  }
  const duration = (input: InputName, cfg: unknown, fallback: string): number => {
    const p = pick(input, cfg, fallback)
    return parseDuration(p.where, p.raw)
  }
  const list = (input: InputName, cfg: unknown, fallback: string): string[] =>
    inputs[input] !== '' ? parseList(inputs[input]) : Array.isArray(cfg) ? (cfg as string[]) : parseList(fallback)
  const listWhere = (input: InputName): string => (inputs[input] !== '' ? `input ${input}` : `${where}${configKeyOf(input)}`)

  const mode = resolveMode(inputs.mode, context.eventName)
  const timeout = pick('health-timeout', cfgVerify.timeout, '10s')
  const timeoutMs = parsePositiveDuration(timeout.where, timeout.raw)

  const prometheusUrl = inputs['prometheus-url']
  if (prometheusUrl) parseUrl('input prometheus-url', prometheusUrl)
  const d: CheckDefaults = { timeoutMs, prometheusUrl, env, secrets, where }
  const configChecks = (config.checks ?? []) as Raw[]
  const built: CheckSpec[] = checksFromConfig(configChecks, d)
  const fromConfig = built.length
  for (const url of parseUrlLines('input health-urls', inputs['health-urls'])) {
    const u = checkUrl('input health-urls', url, d)
    built.push({ type: 'http', name: `health ${urlText(u, { query: false })}`, timeoutMs, tags: [], url: u, method: 'GET', headers: {}, expectStatus: [] })
  }
  built.push(
    ...errorRateCheck(
      inputs,
      d,
      built.some((c) => c.type === 'prometheus')
    )
  )
  // Names the action made up are its to make distinct; a user's name is only checked.
  const checks = distinctNames(
    built,
    built.map((c, i) => (i < fromConfig ? configChecks[i].name === undefined : c.type === 'http'))
  )
  uniqueNames(checks, (i) => (i < fromConfig ? `${where}checks[${i}].name` : checks[i].type === 'http' ? 'input health-urls' : 'input error-rate-query'))

  const durationMs = duration('duration', cfgVerify.duration, '5m')
  const intervalMs = duration('interval', cfgVerify.interval, '15s')
  if (durationMs > 0 && intervalMs <= 0) {
    throw new UserError(
      pick('interval', cfgVerify.interval, '15s').where,
      inputs.interval || cfgVerify.interval,
      'a duration above 0s when duration is above 0s'
    )
  }
  const failureLimit = pick('failure-limit', cfgVerify['failure-limit'], '1')
  const onInconclusive = (cfgVerify['on-inconclusive'] ?? {}) as Raw
  const verify: VerifySettings = {
    durationMs,
    intervalMs,
    warmupMs: cfgVerify.warmup !== undefined ? parseDuration(`${where}verify.warmup`, String(cfgVerify.warmup)) : 0,
    failureLimit: parseFailureLimit(failureLimit, roundCount(durationMs, intervalMs)),
    consecutiveErrorLimit: (cfgVerify['consecutive-error-limit'] as number | undefined) ?? 4,
    concurrency: (cfgVerify.concurrency as number | undefined) ?? 256,
    maxBodyBytes: (cfgVerify['max-body-bytes'] as number | undefined) ?? 1024 * 1024,
    maxRedirects: (cfgVerify['max-redirects'] as number | undefined) ?? 5,
    inconclusiveFailsJob: (onInconclusive['fail-job'] as boolean | undefined) ?? true,
    rollbackOnInconclusive: (onInconclusive.rollback as boolean | undefined) ?? false,
    checks
  }

  const deployResult = parseEnum('input deploy-result', inputs['deploy-result'] || 'success', DEPLOY_RESULTS)
  if (mode === 'verify' && deployResult === 'success' && checks.length === 0) {
    throw new UserError('input health-urls', '', `at least one check: set health-urls, prometheus-url with error-rate-query, or checks in ${configPath}`)
  }
  const runbook = pick('runbook-url', cfgIncident['runbook-url'], '')
  if (runbook.raw) parseUrl(runbook.where, runbook.raw)
  const logLines = pick('log-lines', cfgIncident['log-lines'], '200')
  const dryRun = pick('dry-run', config['dry-run'], 'false')
  const incidentEnabled = pick('incident', cfgIncident.enabled, 'true')

  const version = parsePlainText('input version', inputs.version || context.headSha, 'a release name (a SHA, tag or semver version)')
  if (!version) throw new UserError('input version', '', 'the release being verified (a SHA, tag or semver version); GITHUB_SHA was not set either')

  const environmentPick = pick('environment', config.environment, 'production')
  const environment = parsePlainText(environmentPick.where, environmentPick.raw, 'an environment name')
  return {
    mode,
    modeChosenBy: !inputs.mode || inputs.mode === 'auto' ? 'auto' : 'input',
    token: inputs['github-token'],
    configPath,
    configLoaded,
    environment,
    productionEnvironment:
      config['production-environment'] === undefined
        ? /^(production|prod)$/i.test(environment)
        : parseBoolean(`${where}production-environment`, String(config['production-environment'])),
    version,
    deployResult,
    dryRun: parseBoolean(dryRun.where, dryRun.raw),
    verify,
    rollback: rollbackSettings(cfgRollback, pick, where, env, secrets),
    incident: {
      enabled: parseBoolean(incidentEnabled.where, incidentEnabled.raw),
      labels: checkLabels(list('incident-labels', cfgIncident.labels, 'incident'), listWhere('incident-labels')),
      assignees: checkAssignees(list('incident-assignees', cfgIncident.assignees, ''), listWhere('incident-assignees')),
      runbookUrl: runbook.raw,
      logLines: parseNumber(logLines.where, logLines.raw, { min: 0, max: MAX_LOG_LINES, integer: true }),
      ...incidentExtras(cfgIncident, where, env, secrets)
    },
    approval: approvalSettings(inputs, cfgApproval, configPath),
    report: reportSettings(inputs['report-window'], (config.report ?? {}) as Raw, where, context.workspace),
    secrets: [...new Set(secrets.map((s) => s.value).filter((s) => s.length >= MIN_SECRET_LENGTH))],
    secretSources: secrets,
    context,
    github: gitHubTimings(env)
  }
}

/** The inline error-rate check; prometheus-url alone is fine when config checks use it as their default. */
function errorRateCheck(inputs: Inputs, d: CheckDefaults, configUsesPrometheus: boolean): PrometheusCheck[] {
  const query = inputs['error-rate-query']
  const max = parseNumber('input error-rate-threshold', inputs['error-rate-threshold'] || '0.05', { min: 0, max: 1 })
  if (!query && !inputs['prometheus-url']) return []
  if (!query && configUsesPrometheus) return []
  if (!query) throw new UserError('input error-rate-query', '', 'a PromQL query returning one number when prometheus-url is set')
  if (!inputs['prometheus-url']) throw new UserError('input prometheus-url', '', 'a Prometheus base URL when error-rate-query is set')
  return [
    {
      type: 'prometheus',
      name: 'error-rate',
      timeoutMs: d.timeoutMs,
      tags: [],
      url: checkUrl('input prometheus-url', inputs['prometheus-url'], d),
      query,
      headers: {},
      max
    }
  ]
}

/** A failed-sample tolerance; one far beyond the window's rounds is a typo (PRODUCT.md section 4). */
function parseFailureLimit(p: { raw: string; where: string }, rounds: number): number {
  const n = parseNumber(p.where, p.raw, { min: 0, integer: true })
  const max = maxFailureLimit(rounds)
  if (n > max) {
    const window = `${rounds} round${rounds === 1 ? '' : 's'}`
    throw new UserError(p.where, p.raw, `a whole number of at most ${max}: the window holds ${window}, so a larger failure-limit is never reached`)
  }
  return n
}

function uniqueNames(checks: CheckSpec[], whereOf: (index: number) => string): void {
  const seen = new Set<string>()
  checks.forEach((c, i) => {
    if (seen.has(c.name)) throw new UserError(whereOf(i), c.name, 'a name no other check has')
    seen.add(c.name)
  })
}

const CONFIG_KEYS: Partial<Record<InputName, string>> = {
  duration: 'verify.duration',
  interval: 'verify.interval',
  'failure-limit': 'verify.failure-limit',
  'health-timeout': 'verify.timeout',
  rollback: 'rollback.strategy',
  'rollback-workflow': 'rollback.workflow',
  'rollback-ref': 'rollback.ref',
  incident: 'incident.enabled',
  'runbook-url': 'incident.runbook-url',
  'log-lines': 'incident.log-lines',
  'incident-labels': 'incident.labels',
  'incident-assignees': 'incident.assignees',
  'dry-run': 'dry-run',
  environment: 'environment',
  'report-window': 'report.window'
}

function configKeyOf(input: InputName): string {
  return CONFIG_KEYS[input] ?? input
}
