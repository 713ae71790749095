import { base, checkUrl, headers, str, bounds, validJsonPath, type CheckDefaults, type ConfigEntry } from '../config-helpers.js'
import { parseDuration } from '../../values/parse.js'
import { UserError } from '../../values/user-error.js'
import { urlText } from '../../text/url-text.js'
import type { HttpCheck } from './spec.js'

type Raw = ConfigEntry

/** Accepted statuses from `[200, "3xx"]`; empty means any 2xx. */
export function statuses(raw: unknown): number[] {
  const out: number[] = []
  for (const s of (raw as (number | string)[] | undefined) ?? []) {
    if (typeof s === 'number') out.push(s)
    else for (let c = Number(s[0]) * 100; c < Number(s[0]) * 100 + 100; c++) out.push(c)
  }
  return out
}

/** An http check from its config entry. */
export function httpCheck(entry: Raw, at: string, d: CheckDefaults): HttpCheck {
  const url = checkUrl(`${at}.url`, String(entry.url), d)
  const method = str(entry.method) ?? 'GET'
  const expect = (entry.expect ?? {}) as Raw
  const regex = str(expect['body-regex'])
  if (regex !== undefined) {
    try {
      new RegExp(regex)
    } catch {
      throw new UserError(`${at}.expect.body-regex`, regex, 'a valid JavaScript regular expression')
    }
  }
  const json = expect.json as Raw | undefined
  if (json) validJsonPath(`${at}.expect.json.path`, String(json.path))
  return {
    type: 'http',
    ...base(entry, at, d, `${method} ${urlText(url, { query: false })}`),
    url,
    method,
    headers: headers(`${at}.headers`, entry.headers, d),
    ...(str(entry.body) !== undefined && { body: str(entry.body) }),
    expectStatus: statuses(expect.status),
    ...(str(expect['body-contains']) !== undefined && { bodyContains: str(expect['body-contains']) }),
    ...(regex !== undefined && { bodyRegex: regex }),
    ...(json && { json: { path: String(json.path), ...('equals' in json && { equals: json.equals }), ...bounds(json, `${at}.expect.json`) } }),
    ...(expect['max-latency'] !== undefined && {
      maxLatencyMs: parseDuration(`${at}.expect.max-latency`, String(expect['max-latency']))
    })
  }
}
