// A VerifyReport the way verify mode builds one: settings from buildSettings, a window run by
// runVerification on the virtual clock with scripted probes, then buildReport.
import { runVerification } from '../../src/engine/run-verification.js'
import { buildReport } from '../../src/verify/build-report.js'
import type { VerifyReport } from '../../src/facts/verify-report.js'
import { runUrl } from '../../src/settings/context.js'
import type { Settings } from '../../src/settings/types.js'
import { scriptedProbe, type Step } from './fake-probes.js'
import { judgeBounds } from '../../src/checks/bounds.js'
import { judgeResponse } from '../../src/checks/http/http-probe.js'
import type { HttpCheck } from '../../src/checks/http/spec.js'
import { VirtualClock } from './virtual-clock.js'

/** Runs the settings' checks, each answering its script (a check without one always passes). */
export async function reportOf(settings: Settings, scripts: Record<string, readonly Step[]>, latencyMs = 0): Promise<VerifyReport> {
  const clock = new VirtualClock()
  const probes = settings.verify.checks.map((check) => scriptedProbe(check.name, scripts[check.name] ?? ['pass'], { clock, check, latencyMs }))
  const v = await runVerification(probes, settings.verify, clock)
  return buildReport(settings, {
    result: v.verdict,
    reason:
      v.verdict === 'passed'
        ? `${v.checks.length} checks passed`
        : `${v.checks
            .filter((c) => c.status === v.verdict)
            .map((c) => c.name)
            .join(', ')} ${v.verdict}`,
    verification: v,
    startedAt: v.startedAt,
    endedAt: v.endedAt,
    actions: [],
    runUrl: runUrl(settings.context)
  })
}

/** A metric sample judged by the providers' own bounds rule, so the wording is theirs. */
export function metric(value: number, max: number): Step {
  const b = judgeBounds(value, { max })
  return { status: b.ok ? 'pass' : 'fail', value, detail: b.text }
}

const HTTP_CHECK: HttpCheck = { type: 'http', name: 'h', timeoutMs: 1000, tags: [], url: 'http://svc/healthz', method: 'GET', headers: {}, expectStatus: [] }

/** An http sample as the http provider judges a response of that status and latency. */
export function http(status: number, latency: number): Step {
  const m = judgeResponse(HTTP_CHECK, { status, headers: {}, body: '', bytes: Buffer.alloc(0), truncated: false, latencyMs: latency, url: HTTP_CHECK.url })
  return { status: m.status, value: m.value, detail: m.detail } as Step
}
