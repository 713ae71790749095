import { UserError } from '../values/user-error.js'
import type { CheckDefaults, ConfigEntry } from './config-helpers.js'
import type { AnyCheck, CheckDescription, Probe, ProbeContext, Provider } from './types.js'
import { datadogProvider } from './datadog/index.js'
import { httpProvider } from './http/index.js'
import { jsonProvider } from './json/index.js'
import { prometheusProvider } from './prometheus/index.js'

/** Every kind of check by its config `type`. Adding a provider: one folder, one line here, its schema definition. */
const PROVIDERS = {
  http: httpProvider,
  prometheus: prometheusProvider,
  json: jsonProvider,
  datadog: datadogProvider
} as const

type Providers = typeof PROVIDERS
/** A check of any provider, typed by its `type`. */
export type CheckSpec = { [K in keyof Providers]: Providers[K] extends Provider<infer C> ? C : never }[keyof Providers]
export type CheckType = CheckSpec['type']
export const CHECK_TYPES = Object.keys(PROVIDERS) as CheckType[]

function providerOf(type: string): Provider<AnyCheck> | undefined {
  return Object.hasOwn(PROVIDERS, type) ? (PROVIDERS[type as CheckType] as unknown as Provider<AnyCheck>) : undefined
}

/** The typed check of one config entry; an unknown type is a user error naming the valid ones. */
export function checkFromConfig(entry: ConfigEntry, at: string, d: CheckDefaults): CheckSpec {
  const provider = providerOf(String(entry.type))
  if (!provider) throw new UserError(`${at}.type`, entry.type, `one of ${CHECK_TYPES.join(', ')}`)
  return provider.fromConfig(entry, at, d) as CheckSpec
}

/** Binds a check to its provider. An unknown type is a bug and throws; it never falls back. */
export function createProbe(check: AnyCheck, ctx: ProbeContext): Probe {
  const provider = providerOf(check.type)
  if (!provider) throw new Error(`no provider for check type ${check.type}`)
  return provider.probe(check, ctx)
}

/** What the report shows of a check. */
export function describeCheck(check: AnyCheck): CheckDescription {
  const provider = providerOf(check.type)
  if (!provider) throw new Error(`no provider for check type ${check.type}`)
  return provider.describe(check)
}
