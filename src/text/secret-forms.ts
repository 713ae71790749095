// A secret comes back in more shapes than the one the action read: a target echoes the query
// string it received (percent- or form-encoded), a JSON body escapes quotes, an HTTP client
// sends URL credentials as base64 `user:pass`. Each form is redacted like the secret itself.
// JSON encoders differ in what they escape beyond quotes and backslashes: PHP and Ruby's
// to_json write `/` as `\/`, .NET writes `+`, `'`, `<`, `>`, `&` (and `/` in some modes) as
// `\u002B`-style escapes, Go writes `<`, `>`, `&` as `\u003c`. The `\u00XX` forms are
// matched in either case of their hex digits (redact.ts), like percent escapes.

// The percent-encode sets of the WHATWG URL standard, which `new URL()` applies when it
// serialises a query, a path or the user info of a URL.
const QUERY_SET = new Set([...' "#<>\''])
const PATH_SET = new Set([...QUERY_SET, '?', '^', '`', '{', '}'].filter((c) => c !== "'"))
const USERINFO_SET = new Set([...PATH_SET, '/', ':', ';', '=', '@', '[', '\\', ']', '|'])

/** Every form in which the secret may be written: raw, URL-, form- and JSON-encoded, base64. */
export function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1)
  const b64 = Buffer.from(secret, 'utf8').toString('base64')
  const forms = [
    secret,
    safely(() => encodeURIComponent(secret)),
    new URLSearchParams({ v: secret }).toString().slice(2),
    safely(() => percentEncode(secret, QUERY_SET)),
    safely(() => percentEncode(secret, PATH_SET)),
    safely(() => percentEncode(secret, USERINFO_SET)),
    json,
    // The HTML-safe JSON of Go and others writes < > & as \u003c \u003e \u0026.
    json.replace(/[<>&]/g, unicodeEscape),
    json.replace(/\//g, '\\/'),
    json.replace(/[<>&]/g, unicodeEscape).replace(/\//g, '\\/'),
    json.replace(/[<>&/]/g, unicodeEscape),
    json.replace(/[<>&'+/]/g, unicodeEscape),
    json.replace(/[<>&'+]/g, unicodeEscape),
    b64,
    b64.replace(/=+$/, ''),
    b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  ]
  return [...new Set(forms)].filter((f) => f !== '')
}

/** encodeURIComponent throws on a lone surrogate; such a secret keeps its other forms. */
function safely(encode: () => string): string {
  try {
    return encode()
  } catch {
    return ''
  }
}

/** Percent-encodes controls, non-ASCII and the characters of `set`, as the URL parser does. */
function percentEncode(s: string, set: ReadonlySet<string>): string {
  let out = ''
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0
    out += code < 0x21 || code > 0x7e || set.has(c) ? encodeURIComponent(c).replace(/[!'()*]/g, hex) : c
  }
  return out
}

/** `\u00xx`, as Go writes it; redact.ts matches the hex digits in either case (`\u002F` of .NET too). */
function unicodeEscape(c: string): string {
  return `\\u00${c.charCodeAt(0).toString(16).padStart(2, '0')}`
}

function hex(c: string): string {
  return `%${c.charCodeAt(0).toString(16).toUpperCase()}`
}
