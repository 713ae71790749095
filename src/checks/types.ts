import type { CheckSpec } from '../settings/types.js'
import type { HttpRequest, HttpResponse } from '../net/http-request.js'

/**
 * One sample of one check. `fail`: measured and out of bounds (evidence against the release);
 * `error`: could not measure (evidence of nothing).
 */
export type SampleStatus = 'pass' | 'fail' | 'error'

export interface Measurement {
  readonly status: SampleStatus
  /** The number compared with the bounds: a metric value, or latency in ms for http. */
  readonly value?: number
  /** One line saying what was seen, e.g. `503 Service Unavailable in 12 ms`. */
  readonly detail: string
  readonly warnings?: readonly string[]
  /** Baseline arithmetic, when the check compares with the pre-deploy value. */
  readonly baseline?: { readonly value: number; readonly allowed: number; readonly formula: string }
}

/** What a provider may use: the bounded HTTP client, the clock, and the run's abort signal. */
export interface ProbeContext {
  readonly request: (req: Omit<HttpRequest, 'maxBodyBytes' | 'maxRedirects'> & Partial<HttpRequest>) => Promise<HttpResponse>
  /** Epoch ms; the injected clock. */
  readonly now: () => number
  /** When verification started (epoch ms); baselines are read relative to it. */
  readonly startedAt: number
}

/** A check bound to its provider; the engine only ever calls measure(). */
export interface Probe {
  readonly check: CheckSpec
  measure(signal: AbortSignal): Promise<Measurement>
}

/** A provider turns one kind of check into probes. One module per provider, one line in the factory. */
export type ProviderFactory<C extends CheckSpec> = (check: C, ctx: ProbeContext) => Probe
