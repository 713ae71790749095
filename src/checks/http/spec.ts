import type { Bounds, CheckBase } from '../check-base.js'

/** An http check: the service itself answers as expected. */
export interface HttpCheck extends CheckBase {
  readonly type: 'http'
  readonly url: string
  readonly method: string
  readonly headers: Readonly<Record<string, string>>
  readonly body?: string
  /** Accepted statuses; empty means any 2xx. */
  readonly expectStatus: readonly number[]
  readonly bodyContains?: string
  readonly bodyRegex?: string
  readonly json?: { readonly path: string; readonly equals?: unknown } & Bounds
  readonly maxLatencyMs?: number
}
