import type { CheckSpec } from '../settings/types.js'
import type { Probe, ProbeContext } from './types.js'
import { httpProbe } from './http/http-probe.js'
import { prometheusProbe } from './prometheus/prometheus-probe.js'
import { jsonProbe } from './json/json-probe.js'
import { datadogProbe } from './datadog/datadog-probe.js'

/** Binds a check to its provider. An unknown type is a bug and throws; it never falls back. */
export function createProbe(check: CheckSpec, ctx: ProbeContext): Probe {
  switch (check.type) {
    case 'http':
      return httpProbe(check, ctx)
    case 'prometheus':
      return prometheusProbe(check, ctx)
    case 'json':
      return jsonProbe(check, ctx)
    case 'datadog':
      return datadogProbe(check, ctx)
    default:
      throw new Error(`no provider for check type ${(check as { type: string }).type}`)
  }
}
