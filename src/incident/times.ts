/** `2026-05-01 10:04:12 UTC`: what an on-call engineer compares with dashboards. */
export function utc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC')
}

/** A span to the second: `4m12s`, `1h2m`, `0s`; negative spans (clock skew) read as 0s. */
export function span(ms: number): string {
  let s = Math.max(0, Math.round(ms / 1000))
  if (s === 0) return '0s'
  const parts: string[] = []
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1]
  ] as const) {
    const n = Math.floor(s / size)
    if (n > 0) parts.push(`${n}${unit}`)
    s -= n * size
  }
  return parts.slice(0, 2).join('')
}
