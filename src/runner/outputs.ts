import * as core from '@actions/core'

/** Every output of action.yml, in its order (checked against action.yml by __tests__/unit/mode-publish.test.ts). */
export const OUTPUT_NAMES = [
  'result',
  'failed-checks',
  'rolled-back',
  'rollback-version',
  'incident-issue-number',
  'incident-issue-url',
  'report',
  'deployments',
  'deployment-frequency',
  'lead-time-median-seconds',
  'change-fail-rate',
  'recovery-time-median-seconds',
  'rework-rate',
  'dora-band'
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

/** Step outputs by name: a mode sets the ones it knows; the others keep their defaults. */
export type Outputs = Readonly<Partial<Record<OutputName, string>>>

/**
 * Safe values first, so a later step sees every output even when the run stops at an input
 * error or dies half-way: `result` says nothing passed until a verdict says so.
 */
export function setDefaultOutputs(): void {
  setOutputs({
    result: 'inconclusive',
    'failed-checks': '[]',
    'rolled-back': 'false',
    'rollback-version': '',
    'incident-issue-number': '',
    'incident-issue-url': '',
    report: ''
  })
}

/** Sets the given outputs; the runner keeps the last value of each. */
export function setOutputs(outputs: Outputs): void {
  for (const name of OUTPUT_NAMES) {
    const value = outputs[name]
    if (value !== undefined) core.setOutput(name, value)
  }
}
