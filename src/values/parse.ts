import { UserError } from './user-error.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }
// Units largest first, each at most once: 1h30m, 2m30s, 1s500ms.
const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?$/

/**
 * The longest wait the action accepts (window, interval, warm-up, timeouts): GitHub-hosted
 * runners stop a job after 6h, and Node timers fire at once beyond 2^31-1 ms (~24.8 days),
 * so a longer value is a typo that would otherwise turn into a 1 ms timeout or no wait at all.
 */
export const MAX_WAIT_MS = 24 * 3_600_000
/** The longest look-back into a metrics backend (baseline offset, Datadog window): 30 days. */
export const MAX_LOOKBACK_MS = 720 * 3_600_000

const TOO_LONG: Record<number, string> = {
  [MAX_WAIT_MS]: 'a duration of at most 24h (the longest a job waits; GitHub-hosted runners stop a job after 6h)',
  [MAX_LOOKBACK_MS]: 'a duration of at most 720h (30 days back)'
}

/** Parses `500ms`, `30s`, `2m`, `1h30m` (and `0`) into milliseconds, at most `max` (24h by default). */
export function parseDuration(where: string, raw: string, max: number = MAX_WAIT_MS): number {
  const text = raw.trim()
  if (text === '0') return 0
  const m = DURATION.exec(text)
  if (!m || text === '') throw new UserError(where, raw, 'a duration such as 500ms, 30s, 2m or 1h30m')
  const [h, min, s, ms] = m.slice(1).map((v) => Number(v ?? 0))
  const total = Math.round(h * UNIT_MS.h + min * UNIT_MS.m + s * UNIT_MS.s + ms)
  if (!(total <= max)) throw new UserError(where, raw, TOO_LONG[max] ?? `a duration of at most ${formatDuration(max)}`)
  return total
}

/** A duration that must be above zero: timeouts, offsets. */
export function parsePositiveDuration(where: string, raw: string, example?: string, max: number = MAX_WAIT_MS): number {
  const ms = parseDuration(where, raw, max)
  if (ms <= 0) throw new UserError(where, raw, `a duration above 0s${example ? `, e.g. ${example}` : ''}`)
  return ms
}

/** Formats milliseconds the way users write them: 1h30m, 45s, 250ms. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const parts: string[] = []
  let rest = ms
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
    ['ms', 1]
  ] as const) {
    const n = Math.floor(rest / size)
    if (n > 0) parts.push(`${n}${unit}`)
    rest -= n * size
  }
  return parts.join('')
}

export function parseNumber(where: string, raw: string | number, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
  // Plain decimals only: Number() would also take 0x10, 1e3 and Infinity.
  const n = typeof raw === 'number' ? raw : /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN
  const range =
    opts.min !== undefined && opts.max !== undefined
      ? ` from ${opts.min} to ${opts.max}`
      : opts.min !== undefined
        ? ` of at least ${opts.min}`
        : opts.max !== undefined
          ? ` of at most ${opts.max}`
          : ''
  const kind = opts.integer ? 'a whole number' : 'a number'
  if (!Number.isFinite(n) || (opts.integer && !Number.isInteger(n))) throw new UserError(where, raw, kind + range)
  if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
    throw new UserError(where, raw, kind + range)
  }
  return n
}

/** An absolute http(s) URL; credentials inside it are allowed but treated as secrets by the caller. */
export function parseUrl(where: string, raw: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new UserError(where, raw, 'an absolute http:// or https:// URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(where, raw, 'an absolute http:// or https:// URL')
  }
  return url
}

/**
 * One URL per line (health-urls). A comma or whitespace that separates two URLs on one line is
 * refused rather than probed as one odd URL; a comma inside a URL (`?ids=1,2`) is fine.
 */
export function parseUrlLines(where: string, raw: string): string[] {
  const lines = parseList(raw, /\n/)
  for (const line of lines) {
    const twoUrls = /\s/.test(line) || /,\s*$/.test(line) || /,\s*[a-z][a-z0-9+.-]*:\/\//i.test(line)
    if (twoUrls) throw new UserError(where, line, 'one URL per line (newline-separated, no commas or spaces between URLs)')
  }
  return lines
}

/** Text without control characters (line breaks included): it goes into one-line places such as annotations and API fields. */
export function parsePlainText(where: string, raw: string, expected: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw)) throw new UserError(where, raw, `${expected} without line breaks or other control characters`)
  return raw
}

/** Splits a comma- or newline-separated input into trimmed, non-empty items. */
export function parseList(raw: string, separators: RegExp = /[,\n]/): string[] {
  return raw
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Picks one of a const list, or names every valid value. */
export function parseEnum<T extends string>(where: string, raw: string, values: readonly T[]): T {
  const v = raw.trim() as T
  if (!values.includes(v)) throw new UserError(where, raw, `one of ${values.join(', ')}`)
  return v
}

const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

/** YAML 1.2 core booleans only, as @actions/core's getBooleanInput: `yes` is rejected. */
export function parseBoolean(where: string, raw: string): boolean {
  if (TRUE.includes(raw.trim())) return true
  if (FALSE.includes(raw.trim())) return false
  throw new UserError(where, raw, 'true or false (YAML 1.2 core schema: true | True | TRUE | false | False | FALSE)')
}
