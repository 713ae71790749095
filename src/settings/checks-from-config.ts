import type { Env } from './inputs.js'
import type { BaselineSpec, CheckSpec, DatadogCheck, HttpCheck, JsonCheck, PrometheusCheck } from './types.js'
import { interpolate } from './interpolate.js'
import { validateHeaderName, validateHeaderValue } from 'node:http'
import { MAX_LOOKBACK_MS, parseDuration, parsePositiveDuration, parseUrl } from './parse.js'
import { UserError } from './user-error.js'
import { parseJsonPath } from '../checks/json-path.js'
import { urlText } from '../text/url-text.js'
import { headerSecrets, isCredentialHeader, isCredentialVariable, urlSecrets } from '../text/credentials.js'
import type { SecretSource } from '../text/mask-plan.js'

type Raw = Record<string, unknown>

/** What building checks needs besides the config entries themselves. */
export interface CheckDefaults {
  readonly timeoutMs: number
  readonly prometheusUrl: string
  readonly env: Env
  /** Collects every secret value met, with where it was read, for masking and redaction. */
  readonly secrets: SecretSource[]
  /** Prefix of every error location, e.g. `config .github/deploy-guard.yml: `. */
  readonly where: string
}

/** Turns the schema-valid `checks` list of the config file into typed checks. */
export function checksFromConfig(entries: readonly Raw[], d: CheckDefaults): CheckSpec[] {
  return entries.map((entry, i) => {
    const at = `${d.where}checks[${i}]`
    switch (entry.type) {
      case 'http':
        return httpCheck(entry, at, d)
      case 'prometheus':
        return prometheusCheck(entry, at, d)
      case 'json':
        return jsonCheck(entry, at, d)
      case 'datadog':
        return datadogCheck(entry, at, d)
      default:
        throw new UserError(`${at}.type`, entry.type, 'one of http, prometheus, json, datadog')
    }
  })
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined
}

/**
 * Interpolates and validates a URL. Its password, the `user:pass` pair sent as Basic
 * credentials, credential query parameters, and what `${VAR}` put there are secrets.
 */
export function checkUrl(where: string, raw: string, d: CheckDefaults): string {
  const { value, used } = interpolate(where, raw, d.env)
  let url: URL
  try {
    url = parseUrl(where, value)
  } catch (e) {
    // Name the value as written: the interpolated one may hold a secret.
    if (e instanceof UserError) throw new UserError(where, raw, e.expected)
    throw e
  }
  const found = urlSecrets(url)
  const landed = (v: string): boolean => found.some((f) => f === v || (v.length >= 4 && f.includes(v)))
  for (const f of found) d.secrets.push({ where, value: f })
  for (const u of used) if (isCredentialVariable(u.name) || landed(u.value)) d.secrets.push({ where, value: u.value })
  return url.toString()
}

/** Header values are secret only in credential positions (Authorization, Cookie, X-Api-Key...); `X-Env: production` is not. */
function headers(where: string, raw: unknown, d: CheckDefaults): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, v] of Object.entries((raw ?? {}) as Record<string, string>)) {
    const at = `${where}.${name}`
    const { value, used } = interpolate(at, v, d.env)
    if (/[\r\n]/.test(value)) throw new UserError(at, '(hidden)', 'a header value without line breaks')
    validHeader(at, name, value)
    const credential = isCredentialHeader(name)
    if (credential) for (const part of headerSecrets(name, value)) d.secrets.push({ where: at, value: part })
    for (const u of used) if (credential || isCredentialVariable(u.name)) d.secrets.push({ where: at, value: u.value })
    out[name] = value
  }
  return out
}

function base(entry: Raw, at: string, d: CheckDefaults, fallbackName: string) {
  return {
    name: str(entry.name) ?? fallbackName,
    timeoutMs: entry.timeout ? parsePositiveDuration(`${at}.timeout`, String(entry.timeout)) : d.timeoutMs,
    tags: (entry.tags as string[] | undefined) ?? []
  }
}

function bounds(entry: Raw, at: string): { min?: number; max?: number } {
  const min = num(entry.min)
  const max = num(entry.max)
  if (min !== undefined && max !== undefined && min > max) {
    throw new UserError(`${at}.min`, min, `a value not above max (${max})`)
  }
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) }
}

/** Accepted statuses from `[200, "3xx"]`; empty means any 2xx. */
function statuses(raw: unknown): number[] {
  const out: number[] = []
  for (const s of (raw as (number | string)[] | undefined) ?? []) {
    if (typeof s === 'number') out.push(s)
    else for (let c = Number(s[0]) * 100; c < Number(s[0]) * 100 + 100; c++) out.push(c)
  }
  return out
}

function httpCheck(entry: Raw, at: string, d: CheckDefaults): HttpCheck {
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

function prometheusCheck(entry: Raw, at: string, d: CheckDefaults): PrometheusCheck {
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

function jsonCheck(entry: Raw, at: string, d: CheckDefaults): JsonCheck {
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

function datadogCheck(entry: Raw, at: string, d: CheckDefaults): DatadogCheck {
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

/**
 * A header HTTP accepts, checked before any request rather than failing each one at run time.
 * The value is never quoted: header values are treated as secrets.
 */
function validHeader(where: string, name: string, value: string): void {
  try {
    validateHeaderName(name)
  } catch {
    throw new UserError(where, name, "a header name HTTP accepts: letters, digits and !#$%&'*+-.^_`|~, no spaces")
  }
  try {
    validateHeaderValue(name, value)
  } catch {
    throw new UserError(where, '(hidden)', 'a header value HTTP accepts: Latin-1 text without line breaks or other control characters (the value is not shown: it may be a secret)')
  }
}

function validJsonPath(where: string, path: string): void {
  try {
    parseJsonPath(path)
  } catch {
    throw new UserError(where, path, "a JSON path such as $.data[0].value or $['key']")
  }
}
