// Scripted probes for the engine: each answers its script in order (the last step repeats),
// taking `latencyMs` of virtual time, and records when it was called and with which signal.
import type { Measurement, Probe, SampleStatus } from '../../src/checks/types.js'
import type { Clock } from '../../src/engine/clock.js'
import type { CheckSpec } from '../../src/settings/types.js'
import type { PrometheusCheck } from '../../src/checks/prometheus/spec.js'

export type Step = SampleStatus | Measurement | Error

export interface Call {
  readonly start: number
  end?: number
  readonly signal: AbortSignal
}

export interface ScriptedProbe extends Probe {
  readonly calls: Call[]
}

/** Counts measure calls in flight, across every probe that shares it. */
export class InFlight {
  now = 0
  max = 0
  enter(): void {
    this.max = Math.max(this.max, ++this.now)
  }
  leave(): void {
    this.now--
  }
}

export function metricCheck(name: string, overrides: Partial<PrometheusCheck> = {}): PrometheusCheck {
  return { type: 'prometheus', name, timeoutMs: 10_000, tags: [], url: 'http://prometheus.test:9090/', query: 'up', headers: {}, max: 0.05, ...overrides }
}

const VALUE: Record<SampleStatus, number | undefined> = { pass: 0.01, fail: 0.2, error: undefined }

export interface ProbeOptions {
  readonly clock: Clock
  /** Virtual time each measure call takes; a function of the call number (0-based). */
  readonly latencyMs?: number | ((call: number) => number)
  /** Whether the call ends early when the engine aborts it (default true). */
  readonly honoursAbort?: boolean
  readonly check?: CheckSpec
  readonly inFlight?: InFlight
}

export function scriptedProbe(name: string, script: readonly Step[], o: ProbeOptions): ScriptedProbe {
  const calls: Call[] = []
  const check = o.check ?? metricCheck(name)
  return {
    check,
    calls,
    async measure(signal) {
      const n = calls.length
      const call: Call = { start: o.clock.now(), signal }
      calls.push(call)
      o.inFlight?.enter()
      try {
        const latency = typeof o.latencyMs === 'function' ? o.latencyMs(n) : (o.latencyMs ?? 0)
        await o.clock.sleep(latency, o.honoursAbort === false ? undefined : signal)
        const step = script[Math.min(n, script.length - 1)]
        if (step instanceof Error) throw step
        if (typeof step !== 'string') return step
        const value = VALUE[step]
        return { status: step, ...(value !== undefined && { value }), detail: `${step} on call ${n + 1}` }
      } finally {
        call.end = o.clock.now()
        o.inFlight?.leave()
      }
    }
  }
}
