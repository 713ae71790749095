// The permissions block of a job running deploy-guard: its mode's grants (facts/permissions.ts)
// and, for verify, those of the rollback trigger in force (each trigger names its own).
import { OTHER_MODES, VERIFY_BASE, strongestPerScope, type Grant, type GuardJob } from '../facts/permissions.js'
import { triggerFor } from '../rollback/triggers/registry.js'

/** Pure: the permissions block a job running deploy-guard needs, one grant per scope (the strongest), in table order. */
export function permissionsFor(job: GuardJob): readonly Grant[] {
  return strongestPerScope(job.mode === 'verify' ? [...VERIFY_BASE, ...triggerFor(job.rollback).permissions] : OTHER_MODES[job.mode])
}
