// A VerifyReport the way verify mode builds one: settings from buildSettings, a window run by
// runVerification on the virtual clock with scripted probes, then buildReport.
import { runVerification } from '../../src/engine/run-verification.js'
import { buildReport } from '../../src/render/build-report.js'
import type { VerifyReport } from '../../src/render/verify-report.js'
import { runUrl } from '../../src/settings/context.js'
import type { Settings } from '../../src/settings/types.js'
import { scriptedProbe, type Step } from './fake-probes.js'
import { VirtualClock } from './virtual-clock.js'

/** Runs the settings' checks, each answering its script (a check without one always passes). */
export async function reportOf(settings: Settings, scripts: Record<string, readonly Step[]>, latencyMs = 0): Promise<VerifyReport> {
  const clock = new VirtualClock()
  const probes = settings.verify.checks.map((check) => scriptedProbe(check.name, scripts[check.name] ?? ['pass'], { clock, check, latencyMs }))
  const v = await runVerification(probes, settings.verify, clock)
  return buildReport(settings, {
    result: v.verdict,
    reason: v.verdict === 'passed' ? `${v.checks.length} checks passed` : `${v.checks.filter((c) => c.status === v.verdict).map((c) => c.name).join(', ')} ${v.verdict}`,
    verification: v,
    startedAt: v.startedAt,
    endedAt: v.endedAt,
    actions: [],
    runUrl: runUrl(settings.context)
  })
}

/** A pass or fail sample of a metric with its value, worded as the providers word it. */
export function metric(value: number, max: number): Step {
  return value <= max ? { status: 'pass', value, detail: `${value} within <= ${max}` } : { status: 'fail', value, detail: `${value} > max ${max}` }
}

/** An http sample: status and latency. */
export function http(status: number, latency: number): Step {
  const ok = status >= 200 && status < 300
  return ok ? { status: 'pass', value: latency, detail: `${status} in ${latency} ms` } : { status: 'fail', value: latency, detail: `status ${status}, expected 2xx (${latency} ms)` }
}
