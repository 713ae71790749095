import { base, bounds, checkUrl, headers, str, validJsonPath, type CheckDefaults, type ConfigEntry } from '../config-helpers.js'
import { urlText } from '../../text/url-text.js'
import type { JsonCheck } from './spec.js'

type Raw = ConfigEntry

/** A json check from its config entry. */
export function jsonCheck(entry: Raw, at: string, d: CheckDefaults): JsonCheck {
  validJsonPath(`${at}.path`, String(entry.path))
  const url = checkUrl(`${at}.url`, String(entry.url), d)
  return {
    type: 'json',
    ...base(entry, at, d, `json: ${urlText(url, { query: false })} ${String(entry.path)}`),
    url,
    method: str(entry.method) ?? 'GET',
    headers: headers(`${at}.headers`, entry.headers, d),
    ...(str(entry.body) !== undefined && { body: str(entry.body) }),
    path: String(entry.path),
    ...bounds(entry, at)
  }
}
