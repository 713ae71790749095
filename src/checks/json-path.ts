/**
 * A small JSON path: `$`, `.key`, `['key']`, `[0]` and `[-1]` (last). Enough to pick one
 * number out of New Relic, CloudWatch-proxy or in-house answers without a dependency.
 */
export function parseJsonPath(path: string): (string | number)[] {
  if (!path.startsWith('$')) throw new Error(`JSON path must start with $: ${path}`)
  const out: (string | number)[] = []
  const re = /\.([A-Za-z_$][\w$-]*)|\[(-?\d+)\]|\['([^']*)'\]|\["([^"]*)"\]/y
  re.lastIndex = 1
  while (re.lastIndex < path.length) {
    const at = re.lastIndex
    const m = re.exec(path)
    if (!m) throw new Error(`cannot read JSON path ${path} at character ${at + 1}`)
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (m[3] ?? m[4])))
  }
  return out
}

/** Follows a parsed path; undefined when any step is missing. */
export function pickJsonPath(doc: unknown, segments: readonly (string | number)[]): unknown {
  let cur: unknown = doc
  for (const seg of segments) {
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined
      cur = cur[seg < 0 ? cur.length + seg : seg]
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined
      if (!Object.hasOwn(cur, seg)) return undefined
      cur = (cur as Record<string, unknown>)[seg]
    }
  }
  return cur
}

/** A finite number from a JSON value (numbers and numeric strings), else undefined. */
export function toNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
  return Number.isFinite(n) ? n : undefined
}
