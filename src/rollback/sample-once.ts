import { createProbe } from '../checks/registry.js'
import type { Clock } from '../engine/clock.js'
import { runVerification, type VerificationResult } from '../engine/run-verification.js'
import { httpRequest } from '../net/http-request.js'
import type { VerifyModeSettings } from '../settings/types.js'

/** Every check sampled once, now (drill, and the look after a rollback): one round, no warm-up, no tolerance. */
export async function sampleOnce(s: VerifyModeSettings, clock: Clock, cancel?: AbortSignal): Promise<VerificationResult> {
  const startedAt = clock.now()
  const probes = s.verify.checks.map((c) =>
    createProbe(c, {
      request: (r) => httpRequest({ maxBodyBytes: s.verify.maxBodyBytes, maxRedirects: s.verify.maxRedirects, ...r }),
      now: () => clock.now(),
      startedAt
    })
  )
  return runVerification(probes, { ...s.verify, durationMs: 0, warmupMs: 0, failureLimit: 0 }, clock, cancel ? { cancel } : {})
}
