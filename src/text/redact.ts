// Pure redaction of secrets from what leaves the process (summary, report, logs, outputs):
// every known value in every form it may take, then shapes of credentials the action never saw.
import { redactShapes } from './credential-shapes.js'
import { secretForms } from './secret-forms.js'

/** Shorter secrets are not redacted at all: they would eat ordinary words and numbers. */
export const MIN_SECRET_LENGTH = 4
/** Shorter secrets are redacted only where they stand alone, never inside a word (`pass` in `passed`). */
export const WHOLE_TOKEN_BELOW = 8

// A short secret stands alone when neither neighbour is a letter, digit, _ or -; a %XX escape
// next to it counts as a separator, so `%22pass%22` is redacted too.
const BEFORE = '(?<=^|[^\\p{L}\\p{N}_-]|%[0-9A-Fa-f]{2})'
const AFTER = '(?=$|[^\\p{L}\\p{N}_-]|%[0-9A-Fa-f]{2})'

/** Redacts one run's secrets; built once per run, since it is applied to every log line. */
export class Redactor {
  private readonly known?: RegExp
  // What value() returned: plain data a mode built once and does not change, so a second pass (a
  // mode's own, then the publisher's) returns it as it is instead of walking it again.
  private readonly redacted = new WeakSet<object>()

  constructor(secrets: readonly string[]) {
    const alternatives = new Map<string, string>()
    for (const secret of new Set(secrets)) {
      if (secret.length < MIN_SECRET_LENGTH) continue
      const short = secret.length < WHOLE_TOKEN_BELOW
      for (const form of secretForms(secret)) {
        const source = patternOf(form)
        alternatives.set(form, short ? `${BEFORE}${source}${AFTER}` : source)
      }
    }
    // Longest first: a regex alternation takes the first that matches, and a secret that
    // contains another must go whole.
    const ordered = [...alternatives.entries()].sort((a, b) => b[0].length - a[0].length).map(([, source]) => source)
    if (ordered.length) this.known = new RegExp(ordered.join('|'), 'gu')
  }

  /** The text with every known secret (in any form) and every credential shape replaced by ***. */
  text(text: string): string {
    const out = this.known ? text.replace(this.known, '***') : text
    return redactShapes(out)
  }

  /**
   * The JSON-like value with every string, object keys included, redacted; other values as they
   * are. Parts with nothing to redact are returned as they are, not copied, and each distinct
   * string is redacted once: a report repeats its keys thousands of times.
   */
  value<T>(value: T): T {
    if (isObject(value) && this.redacted.has(value)) return value
    const seen = new Map<string, string>()
    const text = (s: string): string => {
      let out = seen.get(s)
      if (out === undefined) seen.set(s, (out = this.text(s)))
      return out
    }
    const out = walk(value, text) as T
    if (isObject(out)) this.redacted.add(out)
    return out
  }
}

const isObject = (v: unknown): v is object => typeof v === 'object' && v !== null

function walk(v: unknown, text: (s: string) => string): unknown {
  if (typeof v === 'string') return text(v)
  if (Array.isArray(v)) {
    let copy: unknown[] | undefined
    for (let i = 0; i < v.length; i++) {
      const x = walk(v[i], text)
      if (x !== v[i]) (copy ??= v.slice())[i] = x
    }
    return copy ?? v
  }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v)
    let changed = false
    const next = entries.map(([k, x]): [string, unknown] => {
      const [k2, x2] = [text(k), walk(x, text)]
      if (k2 !== k || x2 !== x) changed = true
      return [k2, x2]
    })
    return changed ? Object.fromEntries(next) : v
  }
  return v
}

// One redactor per secrets list, so callers that pass the same list pay for it once.
const cache = new WeakMap<readonly string[], Redactor>()

/** The redactor of a secrets list, built on first use. */
export function redactorFor(secrets: readonly string[]): Redactor {
  let r = cache.get(secrets)
  if (!r) {
    r = new Redactor(secrets)
    cache.set(secrets, r)
  }
  return r
}

/** Replaces every known secret value (in any encoded form) and every credential-shaped string with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  return redactorFor(secrets).text(text)
}

/** A copy of a report-like object with its strings and keys redacted, so it still serialises to valid JSON. */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  return redactorFor(secrets).value(value)
}

/**
 * The form as a pattern: literal text, with percent escapes (%3c and %3C) and JSON unicode
 * escapes (\u002f and \u002F) matched in either case.
 */
function patternOf(form: string): string {
  return form
    .replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
    .replace(/%([0-9A-F])([0-9A-F])/g, (_, a: string, b: string) => `%${hexClass(a)}${hexClass(b)}`)
    .replace(/\\\\u00([0-9A-Fa-f])([0-9A-Fa-f])/g, (_, a: string, b: string) => `\\\\u00${hexClass(a.toUpperCase())}${hexClass(b.toUpperCase())}`)
}

function hexClass(c: string): string {
  return /[A-F]/.test(c) ? `[${c}${c.toLowerCase()}]` : c
}
