// The hidden marker that identifies an environment's incident issue and carries what the
// recovery comment needs (the first failure's times), so no other store is needed.

/** What the marker records of the incident's first failure. */
export interface IncidentMarker {
  readonly environment: string
  readonly version: string
  /** Epoch ms. */
  readonly deployedAt: number
  readonly detectedAt: number
  readonly rollbackSentAt?: number
}

const PREFIX = '<!-- deploy-guard:incident '
const MARKER = /<!-- deploy-guard:incident (\{.*?\}) -->/

/** The marker as an HTML comment; `<`, `>` and `&` are JSON-escaped so a name cannot end the comment. */
export function renderMarker(m: IncidentMarker): string {
  const json = JSON.stringify(m).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
  return `${PREFIX}${json} -->`
}

/** The marker of an issue body, or undefined when it has none (or a damaged one). */
export function parseMarker(body: string | null | undefined): IncidentMarker | undefined {
  const m = body ? MARKER.exec(body) : null
  if (!m) return undefined
  try {
    const v = JSON.parse(m[1]) as Partial<IncidentMarker>
    if (typeof v.environment !== 'string' || typeof v.detectedAt !== 'number') return undefined
    return {
      environment: v.environment,
      version: String(v.version ?? ''),
      deployedAt: Number(v.deployedAt ?? v.detectedAt),
      detectedAt: v.detectedAt,
      ...(typeof v.rollbackSentAt === 'number' && { rollbackSentAt: v.rollbackSentAt })
    }
  } catch {
    return undefined
  }
}

/** The environment label every incident of that environment carries; the lookup lists by it. */
export function environmentLabel(environment: string): string {
  // GitHub caps label names at 50 characters, and the issue list's `labels` filter is
  // comma-separated: a comma would split the label in two and find nothing. Names that become
  // alike here are told apart by the marker in the body.
  return `env:${environment.replace(/,/g, ';')}`.slice(0, 50)
}
