// Which names say "this value is a credential" (PRODUCT.md section 2): the one place that
// decides what is secret, so masking, redaction and settings agree. Ordinary values such as
// `Accept: application/json` or `X-Env: production` must never be treated as secrets: a mask
// on `false` or `production` corrupts the report and the summary.

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie'])
const HEADER_WORDS = /key|token|secret|passw(?:or)?d|auth|session|signature|credential/i

/**
 * Query parameter names that carry credentials (presigned URLs, SAS tokens, API keys), as a
 * regular expression source without anchors; credential-shapes.ts redacts them in text.
 * `sv`, `se`, `code` and the like are not credentials; `sig` is.
 */
export const CREDENTIAL_PARAM_SOURCE = '(?:sig|key|auth|[\\w.-]*api[_-]?key|[\\w.-]*(?:token|secret|passw(?:or)?d|signature|credential)[\\w.-]*)'
const CREDENTIAL_PARAM = new RegExp(`^${CREDENTIAL_PARAM_SOURCE}$`, 'i')
const VARIABLE_WORDS = /token|key|secret|pass|credential|auth/i

/** True for Authorization, Cookie, and any header whose name says key, token, secret, password, auth, session, signature or credential. */
export function isCredentialHeader(name: string): boolean {
  const n = name.trim().toLowerCase()
  return CREDENTIAL_HEADERS.has(n) || HEADER_WORDS.test(n)
}

/** True for query parameters such as `token`, `sig`, `key`, `api_key`, `X-Amz-Signature`, `client_secret`. */
export function isCredentialParam(name: string): boolean {
  return CREDENTIAL_PARAM.test(name)
}

/** True for an environment variable whose name says TOKEN, KEY, SECRET, PASSWORD, PASS, CREDENTIAL or AUTH. */
export function isCredentialVariable(name: string): boolean {
  return VARIABLE_WORDS.test(name)
}

/**
 * The secret values in a credential header's value: the value itself, and the parts a server
 * may echo alone: the credential after an auth scheme (`Bearer x` gives `x`; `Basic b64` also
 * gives the decoded `user:pass` and the password) and each cookie's value.
 */
export function headerSecrets(name: string, value: string): string[] {
  const n = name.trim().toLowerCase()
  const out = [value]
  if (n === 'authorization' || n === 'proxy-authorization') {
    const m = /^([A-Za-z][\w-]*)\s+(\S.*)$/.exec(value.trim())
    if (m) {
      out.push(m[2])
      const pair = m[1].toLowerCase() === 'basic' ? basicPair(m[2]) : undefined
      if (pair) out.push(pair, pair.slice(pair.indexOf(':') + 1))
    }
  } else if (n === 'cookie' || n === 'set-cookie') {
    const pairs = n === 'cookie' ? value.split(';') : [value.split(';')[0]]
    for (const p of pairs) if (p.includes('=')) out.push(p.slice(p.indexOf('=') + 1).trim())
  }
  return out.filter((s) => s !== '')
}

/** `user:pass` when text is the base64 of printable `user:pass`, as Basic credentials are. */
export function basicPair(base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined
  const decoded = Buffer.from(base64, 'base64').toString('utf8')
  return /^[\x20-\x7e]*:[\x20-\x7e]*$/.test(decoded) && decoded.length > 1 ? decoded : undefined
}

/**
 * The secret values a URL carries: its password, the `user:pass` pair and the `Basic ...`
 * header an HTTP client makes of them (node's http does so for URL credentials), and the
 * values of credential query parameters, both form-decoded and as percent-decoded text.
 */
export function urlSecrets(url: URL): string[] {
  const out: string[] = []
  if (url.password) {
    const password = decode(url.password)
    const pair = `${decode(url.username)}:${password}`
    out.push(password, pair, `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`)
  }
  for (const part of url.search.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=')
    if (eq <= 0 || !isCredentialParam(decode(part.slice(0, eq)))) continue
    const raw = part.slice(eq + 1)
    out.push(decode(raw), decode(raw.replace(/\+/g, ' ')))
  }
  return [...new Set(out.filter((s) => s !== ''))]
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
