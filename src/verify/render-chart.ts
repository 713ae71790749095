import type { Sample } from '../engine/run-verification.js'
import type { CheckReport } from '../facts/verify-report.js'

const MAX_POINTS = 60

/**
 * A Mermaid xychart of a metric check's valid samples over the window, with its threshold as
 * a second line. Pure; undefined when there is nothing to draw.
 */
export function renderChart(check: CheckReport, own: readonly Sample[], startedAt: number): string | undefined {
  const points = downsample(own.filter((s) => s.value !== undefined && s.status !== 'error'))
  if (points.length === 0) return undefined
  const values = points.map((p) => p.value as number)
  const threshold = check.baselineFormula ? points.map((p) => p.baseline?.allowed) : points.map(() => check.threshold)
  const all = [...values, ...threshold.filter((t): t is number => t !== undefined)]
  const top = niceMax(Math.max(...all))
  const bottom = Math.min(0, ...all)
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${check.name.replace(/"/g, "'")}${check.unit ? ` (${check.unit})` : ''}"`,
    `  x-axis "seconds since start" [${points.map((p) => `"${Math.round((p.at - startedAt) / 1000)}s"`).join(', ')}]`,
    `  y-axis "${check.unit || 'value'}" ${num(bottom)} --> ${num(top)}`,
    `  line [${values.map(num).join(', ')}]`
  ]
  if (threshold.every((t) => t !== undefined)) lines.push(`  line [${(threshold as number[]).map(num).join(', ')}]`)
  lines.push('```')
  return lines.join('\n')
}

/** Keeps at most MAX_POINTS, taking the worst (highest) value of each bucket. */
function downsample(samples: Sample[]): Sample[] {
  if (samples.length <= MAX_POINTS) return samples
  const size = Math.ceil(samples.length / MAX_POINTS)
  const out: Sample[] = []
  for (let i = 0; i < samples.length; i += size) {
    const bucket = samples.slice(i, i + size)
    out.push(bucket.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a)))
  }
  return out
}

function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = Math.pow(10, Math.floor(Math.log10(v)))
  return Math.ceil((v * 1.2) / p) * p
}

function num(n: number): string {
  return Number(n.toPrecision(4)).toString()
}
