// Credentials the action was never told about, recognised by their shape (PRODUCT.md
// section 6). Each pattern must leave prose alone: "Basic authentication failed" and
// "token verification" are the action's or a target's words, not secrets.
import { basicPair, CREDENTIAL_PARAM_SOURCE } from './credentials.js'
import { TOKEN_PATTERN, WEBHOOK_PATH } from './token-shapes.js'

type Replacer = string | ((match: string, ...groups: string[]) => string)

const TOKEN68 = '[\\w.~+/-]+=*'

const SHAPES: readonly [RegExp, Replacer][] = [
  [TOKEN_PATTERN, '***'],
  [WEBHOOK_PATH, '$1***'],
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/g, '***'],
  // Secrets named by their key: AWS secret keys, GCP key ids, Datadog keys, env-style
  // assignments (`DB_PASSWORD=...`), JSON and YAML fields, API-key headers and cookies.
  [/\b((?:aws_?)?secret_?access_?key["']?\s*[:=]\s*["']?)[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/gi, '$1***'],
  [/("private_key_id"\s*:\s*")[0-9a-f]{40}/g, '$1***'],
  [/\b([A-Z][A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)[A-Z0-9_]*=)("[^"]*"|'[^']*'|[^\s"']+)/g, '$1***'],
  [/("[\w.-]*(?:password|passwd|secret|token|api_?key|apikey|private_?key|credentials?)[\w.-]*"\s*:\s*")((?:[^"\\]|\\.)+)(")/gi, '$1***$3'],
  [/^((?:\S+Z )?(?:##\[\w+\])?\s*[\w.-]*(?:password|passwd|secret|token|api_?key|apikey)[\w.-]*:[ \t]+)(?!\*\*\*)([^\s#][^\r\n]*)$/gim, '$1***'],
  // The value must look like a key (a digit in 8+ characters, or 16+): `api-key: got` in a message is prose.
  [
    /(?<![\w-])((?:X-)?[\w-]*(?:api|application|access|auth|secret)[-_]?(?:key|token)[\w-]*:[ \t]*)(?!\*\*\*)(?:(?=[^\s"',;]*\d)[^\s"',;]{8,}|[^\s"',;]{16,})/gi,
    '$1***'
  ],
  [/\b((?:Set-)?Cookie:[ \t]*)[^\r\n]+/gi, '$1***'],
  // Basic credentials only when they decode to `user:pass`; the word alone is prose.
  [/\b(Basic)(\s+)([A-Za-z0-9+/]{4,}={0,2})(?![\w+/=])/gi, (m, scheme: string, sp: string, b64: string) => (basicPair(b64) ? `${scheme}${sp}***` : m)],
  // Bearer and token credentials are opaque: they look random (digits among letters, or mixed case).
  [
    new RegExp(`\\b(Bearer|token)(\\s+)(${TOKEN68})(?![\\w.~+/=-])`, 'gi'),
    (m, scheme: string, sp: string, tok: string) => (looksRandom(tok) ? `${scheme}${sp}***` : m)
  ],
  // Credentials in URLs, even unparseable ones (a space in the host): up to the last @ of the
  // authority. A `${VAR}` reference is not a secret and helps the reader of an error.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:]*:)(?!\$\{\w+\}@)[^\s/?#]*@/gi, '$1***@'],
  // The same URL JSON-escaped (`https:\/\/user:pw@host`, `\u002f` for the slashes): the
  // password may hold other escapes, but `\/` ends the authority as `/` does.
  [/(\b[a-z][a-z0-9+.-]*:(?:\\\/|\\u002f){2}[^\s/\\?#@:"]*:)(?!\$\{\w+\}@)(?:[^\s/\\?#@"]|\\(?!\/|u002f)[^\s])*@/gi, '$1***@'],
  // And percent-encoded, as a URL in a query string is (`https%3A%2F%2Fuser%3Apw%40host`).
  [/(\b[a-z][a-z0-9+.-]*%3A%2F%2F(?:[^\s/?#@:%&"]|%(?!3A|2F|40)[0-9A-F]{2})*%3A)(?:[^\s/?#@&%"]|%(?!2F|40)[0-9A-F]{2})*%40/gi, '$1***%40'],
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
