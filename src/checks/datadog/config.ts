import { base, bounds, checkUrl, str, validHeader, type CheckDefaults, type ConfigEntry } from '../config-helpers.js'
import { interpolate } from '../../values/interpolate.js'
import { MAX_LOOKBACK_MS, parsePositiveDuration } from '../../values/parse.js'
import type { DatadogCheck } from './spec.js'

type Raw = ConfigEntry

/** A datadog check from its config entry; the keys are secrets. */
export function datadogCheck(entry: Raw, at: string, d: CheckDefaults): DatadogCheck {
  const key = (field: string): string => {
    const { value, used } = interpolate(`${at}.${field}`, String(entry[field]), d.env)
    for (const v of [value, ...used.map((u) => u.value)]) d.secrets.push({ where: `${at}.${field}`, value: v })
    validHeader(`${at}.${field}`, field, value)
    return value
  }
  const query = String(entry.query)
  return {
    type: 'datadog',
    ...base(entry, at, d, `datadog: ${query.length > 60 ? query.slice(0, 57) + '...' : query}`),
    apiUrl: checkUrl(`${at}.api-url`, str(entry['api-url']) ?? 'https://api.datadoghq.com', d).replace(/\/$/, ''),
    query,
    apiKey: key('api-key'),
    appKey: key('app-key'),
    windowMs: entry.window !== undefined ? parsePositiveDuration(`${at}.window`, String(entry.window), '5m', MAX_LOOKBACK_MS) : 300_000,
    aggregation: (str(entry.aggregation) as DatadogCheck['aggregation']) ?? 'avg',
    ...bounds(entry, at)
  }
}
