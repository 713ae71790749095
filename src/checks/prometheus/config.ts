import { base, bounds, checkUrl, headers, num, str, type CheckDefaults, type ConfigEntry } from '../config-helpers.js'
import { MAX_LOOKBACK_MS, parsePositiveDuration } from '../../values/parse.js'
import { UserError } from '../../values/user-error.js'
import type { BaselineSpec, PrometheusCheck } from './spec.js'

type Raw = ConfigEntry

/** A prometheus check from its config entry; the URL defaults to the prometheus-url input. */
export function prometheusCheck(entry: Raw, at: string, d: CheckDefaults): PrometheusCheck {
  const rawUrl = str(entry.url) ?? d.prometheusUrl
  if (!rawUrl) throw new UserError(`${at}.url`, undefined, 'a Prometheus base URL here or in the prometheus-url input')
  const b = entry.baseline as Raw | undefined
  let baseline: BaselineSpec | undefined
  if (b) {
    baseline = {
      offsetMs: parsePositiveDuration(`${at}.baseline.offset`, String(b.offset), '1h', MAX_LOOKBACK_MS),
      maxIncrease: Number(b['max-increase']),
      floor: num(b.floor) ?? 0.01
    }
  }
  const query = String(entry.query)
  return {
    type: 'prometheus',
    ...base(entry, at, d, `prometheus: ${query.length > 60 ? query.slice(0, 57) + '...' : query}`),
    url: checkUrl(`${at}.url`, rawUrl, d),
    query,
    headers: headers(`${at}.headers`, entry.headers, d),
    ...bounds(entry, at),
    ...(baseline && { baseline })
  }
}
