import { boundsText } from './bounds.js'
import type { Bounds } from './check-base.js'
import type { CheckDescription } from './types.js'

/** A metric check in the report: its bounds, and max (else min) as the chart's threshold line. */
export function describeMetric(target: string, b: Bounds, extra = ''): CheckDescription {
  const threshold = b.max ?? b.min
  return { target, bound: boundsText(b) + extra, unit: '', ...(threshold !== undefined && { threshold }) }
}
