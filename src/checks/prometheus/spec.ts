import type { Bounds, CheckBase } from '../check-base.js'

/** Compare a metric with the same query before the deploy; see checks/baseline.ts. */
export interface BaselineSpec {
  /** How far before the start of verification the baseline is read (PromQL offset). */
  readonly offsetMs: number
  /** Allowed relative increase over the baseline, 0.5 = +50 %. */
  readonly maxIncrease: number
  /** Absolute floor under the allowed value, so a zero baseline cannot hide a new error rate. */
  readonly floor: number
}

/** A Prometheus instant query bounded by min and/or max, optionally against a baseline. */
export interface PrometheusCheck extends CheckBase, Bounds {
  readonly type: 'prometheus'
  readonly url: string
  readonly query: string
  readonly headers: Readonly<Record<string, string>>
  readonly baseline?: BaselineSpec
}
