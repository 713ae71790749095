// Which request headers carry credentials, so that a redirect to another origin can drop them
// (PRODUCT.md section 8). Names are matched by what they say, as API keys come in every spelling:
// `X-Api-Key`, `DD-API-KEY`, `DD-APPLICATION-KEY`, `X-Auth-Token`, `X-Amz-Security-Token`.
// The rule itself is the one masking uses (text/credentials.ts): one list of credential names.
import { isCredentialHeader } from '../text/credentials.js'

export { isCredentialHeader }

/** Pure: the names among `headers` that carry credentials, as written. */
export function credentialHeaderNames(headers: Readonly<Record<string, string>>): string[] {
  return Object.keys(headers).filter(isCredentialHeader)
}

/** Pure: `headers` without the credential headers. */
export function withoutCredentialHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !isCredentialHeader(name)))
}
