// Which request headers carry credentials, so that a redirect to another origin can drop them
// (PRODUCT.md section 8). Names are matched by what they say, as API keys come in every spelling:
// `X-Api-Key`, `DD-API-KEY`, `DD-APPLICATION-KEY`, `X-Auth-Token`, `X-Amz-Security-Token`.
const ALWAYS = new Set(['authorization', 'proxy-authorization', 'cookie'])
const WORDS = /key|token|secret|passw(or)?d|auth|session|signature|credential/i

/** Pure: true when a header of this name may carry a credential (case-insensitive). */
export function isCredentialHeader(name: string): boolean {
  return ALWAYS.has(name.toLowerCase()) || WORDS.test(name)
}

/** Pure: the names among `headers` that carry credentials, as written. */
export function credentialHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers).filter(isCredentialHeader)
}

/** Pure: `headers` without the credential headers. */
export function withoutCredentialHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isCredentialHeader(name)))
}
