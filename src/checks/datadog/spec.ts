import type { Bounds, CheckBase } from '../check-base.js'

/** A Datadog metrics query over a window ending now, reduced to one number. */
export interface DatadogCheck extends CheckBase, Bounds {
  readonly type: 'datadog'
  /** API base, e.g. https://api.datadoghq.eu. */
  readonly apiUrl: string
  readonly query: string
  readonly apiKey: string
  readonly appKey: string
  /** Window of the metrics query ending now. */
  readonly windowMs: number
  /** How the points of the window reduce to one number. */
  readonly aggregation: 'last' | 'avg' | 'max' | 'min' | 'sum'
}
