import type { CheckBase } from './check-base.js'
import type { ConfigEntry, CheckDefaults } from './config-helpers.js'
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

/** A check of any provider, as the engine and the report see it. */
export type AnyCheck = CheckBase & { readonly type: string }

/** A check bound to its provider; the engine only ever calls measure(). */
export interface Probe {
  readonly check: AnyCheck
  measure(signal: AbortSignal): Promise<Measurement>
}

/** Binds one check of a provider's kind to a probe. */
export type ProviderFactory<C extends AnyCheck> = (check: C, ctx: ProbeContext) => Probe

/** How the report shows a check: what it measures, against what, and the threshold line of its chart. */
export interface CheckDescription {
  readonly target: string
  readonly bound: string
  readonly unit: string
  readonly threshold?: number
}

/**
 * A kind of check: one folder under src/checks/ with its config parsing, its probe and its
 * report description, and one line in registry.ts. It knows nothing of verdicts, GitHub or
 * rendering.
 */
export interface Provider<C extends AnyCheck> {
  /** The config file's `type` value. */
  readonly type: C['type']
  /** The typed check from its schema-valid config entry; a UserError names the bad field. */
  fromConfig(entry: ConfigEntry, at: string, d: CheckDefaults): C
  readonly probe: ProviderFactory<C>
  describe(check: C): CheckDescription
}
