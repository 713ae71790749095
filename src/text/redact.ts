// Pure redaction of secrets from text that leaves the process (summary, report, logs).
// Known values first (exact), then shapes of credentials the action never saw.
const PATTERNS: readonly [RegExp, string][] = [
  [/\b(gh[pousr]_[A-Za-z0-9]{20,255})\b/g, '***'],
  [/\bgithub_pat_[A-Za-z0-9_]{20,255}\b/g, '***'],
  [/\b(AKIA|ASIA)[A-Z0-9]{16}\b/g, '***'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '***'],
  // A credential has a digit somewhere; `Basic authentication` and `token verification` are prose.
  [/\b(Bearer|Basic|token)\s+(?=[A-Za-z._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, '$1 ***'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g, '***'],
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:)[^@\s/]+@/gi, '$1***@']
]

/** Replaces every known secret value and every credential-shaped string with ***. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  // Longest first, so a secret containing another is removed whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length >= 4) out = out.split(s).join('***')
  }
  for (const [re, replacement] of PATTERNS) out = out.replace(re, replacement)
  return out
}
