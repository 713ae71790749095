import type { CheckSpec } from './types.js'
import { urlText } from '../text/url-text.js'

// Query parameters that carry credentials (PRODUCT.md section 2): never part of a name.
const CREDENTIAL_PARAM = /token|sig|key|secret|pass|pwd|auth|credential|session/i

/**
 * Pure: makes the names the action derived (from a URL or a query) distinct, so that checks
 * differing only in their query (`/ok?region=eu`, `/ok?region=us`) are all checked. A clash is
 * settled by showing the query (minus credential parameters), else by a numbered suffix. Names
 * the user chose are kept as written, and so are exact duplicates: both are for uniqueness
 * validation to report.
 */
export function distinctNames(checks: readonly CheckSpec[], derived: readonly boolean[]): CheckSpec[] {
  const withQuery = checks.map((c, i) => (derived[i] && clashes(checks, i) ? { ...c, name: nameWithQuery(c) } : c))
  const taken = new Set(withQuery.filter((_, i) => !derived[i]).map((c) => c.name))
  const seen = new Map<string, string>()
  return withQuery.map((c, i) => {
    if (!derived[i]) return c
    const identity = JSON.stringify({ ...c, name: '' })
    const used = (name: string): boolean => taken.has(name) || seen.has(name)
    let name = c.name
    if (used(name) && seen.get(name) !== identity) {
      let n = 2
      while (used(`${c.name} #${n}`)) n++
      name = `${c.name} #${n}`
    }
    if (!seen.has(name)) seen.set(name, identity)
    return name === c.name ? c : { ...c, name }
  })
}

function clashes(checks: readonly CheckSpec[], i: number): boolean {
  return checks.some((other, j) => j !== i && other.name === checks[i].name)
}

/** The derived name with the URL's query shown, credential parameters left out. */
function nameWithQuery(c: CheckSpec): string {
  const url = c.type === 'datadog' ? c.apiUrl : c.url
  const bare = urlText(url, { query: false })
  const shown = new URL(bare)
  for (const [k, v] of new URL(url).searchParams) if (!CREDENTIAL_PARAM.test(k)) shown.searchParams.append(k, v)
  return shown.search ? c.name.replace(bare, shown.toString()) : c.name
}
