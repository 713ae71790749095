// Order statistics for small samples (nearest-rank percentiles; no interpolation).
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b)
  if (!v.length) return NaN
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))]
}

export function summarize(values) {
  const v = values.filter((x) => Number.isFinite(x))
  return { n: v.length, median: percentile(v, 50), p90: percentile(v, 90), min: Math.min(...v), max: Math.max(...v) }
}

/** "212 ms (p90 230, 205–241)" */
export function fmtMs(s) {
  if (!s || !s.n) return 'n/a'
  return `${s.median.toFixed(0)} ms (p90 ${s.p90.toFixed(0)}, ${s.min.toFixed(0)}–${s.max.toFixed(0)})`
}

/**
 * Median of the per-repetition differences a[i] − b[i]: both ran in the same repetition, moments
 * apart, so a load swing on the machine hits both; steadier than the difference of the medians.
 */
export function pairedMedianDelta(a, b) {
  const d = []
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (Number.isFinite(a[i]) && Number.isFinite(b[i])) d.push(a[i] - b[i])
  return percentile(d, 50)
}

/** "+59 ms (paired +52 ms), ×1.12" */
export function fmtGap(a, b, paired) {
  const sign = (x) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(0)
  return `${sign(a - b)} ms, paired ${sign(paired)} ms, ×${(a / b).toFixed(2)}`
}
