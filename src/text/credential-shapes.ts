// Credentials the action was never told about, recognised by their shape (PRODUCT.md
// section 6). Each pattern must leave prose alone: "Basic authentication failed" and
// "token verification" are the action's or a target's words, not secrets.
import { basicPair, CREDENTIAL_PARAM_SOURCE } from './credentials.js'

type Replacer = string | ((match: string, ...groups: string[]) => string)

const TOKEN68 = '[\\w.~+/-]+=*'

const SHAPES: readonly [RegExp, Replacer][] = [
  [/\b(gh[pousr]_[A-Za-z0-9]{20,255})\b/g, '***'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,255}\b/g, '***'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '***'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '***'],
  [/\bxox[abposr]-[A-Za-z0-9-]{10,}/g, '***'],
  [/\b[sr]k_(live|test)_[A-Za-z0-9]{16,}\b/g, '***'],
  [/\bnpm_[A-Za-z0-9]{36}\b/g, '***'],
  [/\bpypi-AgE[A-Za-z0-9_-]{50,}/g, '***'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/g, '***'],
  [/\bSG\.[\w-]{22}\.[\w-]{43}\b/g, '***'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '***'],
  // Basic credentials only when they decode to `user:pass`; the word alone is prose.
  [/\b(Basic)(\s+)([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=])/gi, (m, scheme: string, sp: string, b64: string) => (basicPair(b64) ? `${scheme}${sp}***` : m)],
  // Bearer and token credentials are opaque: they look random (digits among letters, or mixed case).
  [new RegExp(`\\b(Bearer|token)(\\s+)(${TOKEN68})(?![\\w.~+/=-])`, 'gi'), (m, scheme: string, sp: string, tok: string) => (looksRandom(tok) ? `${scheme}${sp}***` : m)],
  // Credentials in URLs, even unparseable ones (a space in the host): up to the last @ of the
  // authority. A `${VAR}` reference is not a secret and helps the reader of an error.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)(?!\$\{\w+\}@)[^\s/?#]*@/gi, '$1***@'],
  // Connection strings: `Password=...;`, `AccountKey=...`, `SharedAccessSignature=...`.
  [/\b((?:Password|Pwd|AccountKey|SharedAccessKey|SharedAccessSignature)=)[^;\s"']+/gi, '$1***'],
  // Credential query parameters, whatever their value (a `${VAR}` reference aside): `?token=***`, `&X-Amz-Signature=***`.
  [new RegExp(`((?:[?&;]|\\\\u0026)${CREDENTIAL_PARAM_SOURCE}=)(?!\\$\\{\\w+\\}(?![^&#;\\s"'<>\\\\]))[^&#;\\s"'<>\\\\]+`, 'gi'), '$1***']
]

/** Replaces every credential-shaped string with ***, keeping the scheme or parameter name. */
export function redactShapes(text: string): string {
  let out = text
  for (const [re, replacement] of SHAPES) out = out.replace(re, replacement as string)
  return out
}

function looksRandom(tok: string): boolean {
  const t = tok.replace(/=+$/, '')
  if (t.length < 8) return false
  const digits = /\d/.test(t) && /[A-Za-z]/.test(t)
  const mixedCase = /[a-z]/.test(t) && /[A-Z]/.test(t.slice(1))
  return digits || mixedCase
}
