import { validateHeaderName, validateHeaderValue } from 'node:http'
import type { Env } from '../values/env.js'
import { interpolate } from '../values/interpolate.js'
import { parsePositiveDuration, parseUrl } from '../values/parse.js'
import { UserError } from '../values/user-error.js'
import { headerSecrets, isCredentialHeader, isCredentialVariable, urlSecrets } from '../text/credentials.js'
import type { SecretSource } from '../text/mask-plan.js'
import { parseJsonPath } from './json-path.js'

/** A schema-valid entry of the config file's `checks` list. */
export type ConfigEntry = Record<string, unknown>

/** What building a check from its config entry needs besides the entry itself. */
export interface CheckDefaults {
  readonly timeoutMs: number
  /** The `prometheus-url` input, the default URL of prometheus checks. */
  readonly prometheusUrl: string
  readonly env: Env
  /** Collects every secret value met, with where it was read, for masking and redaction. */
  readonly secrets: SecretSource[]
  /** Prefix of every error location, e.g. `config .github/deploy-guard.yml: `. */
  readonly where: string
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined
}

export function num(v: unknown): number | undefined {
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
export function headers(where: string, raw: unknown, d: CheckDefaults): Record<string, string> {
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

/** The fields every check has: name (or the provider's default name), timeout, tags. */
export function base(entry: ConfigEntry, at: string, d: CheckDefaults, fallbackName: string) {
  return {
    name: str(entry.name) ?? fallbackName,
    timeoutMs: entry.timeout ? parsePositiveDuration(`${at}.timeout`, String(entry.timeout)) : d.timeoutMs,
    tags: (entry.tags as string[] | undefined) ?? []
  }
}

/** min and max, with min not above max. */
export function bounds(entry: ConfigEntry, at: string): { min?: number; max?: number } {
  const min = num(entry.min)
  const max = num(entry.max)
  if (min !== undefined && max !== undefined && min > max) {
    throw new UserError(`${at}.min`, min, `a value not above max (${max})`)
  }
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) }
}

/**
 * A header HTTP accepts, checked before any request rather than failing each one at run time.
 * The value is never quoted: header values are treated as secrets.
 */
export function validHeader(where: string, name: string, value: string): void {
  try {
    validateHeaderName(name)
  } catch {
    throw new UserError(where, name, "a header name HTTP accepts: letters, digits and !#$%&'*+-.^_`|~, no spaces")
  }
  try {
    validateHeaderValue(name, value)
  } catch {
    throw new UserError(
      where,
      '(hidden)',
      'a header value HTTP accepts: Latin-1 text without line breaks or other control characters (the value is not shown: it may be a secret)'
    )
  }
}

/** A JSON path the providers can evaluate. */
export function validJsonPath(where: string, path: string): void {
  try {
    parseJsonPath(path)
  } catch {
    throw new UserError(where, path, "a JSON path such as $.data[0].value or $['key']")
  }
}
