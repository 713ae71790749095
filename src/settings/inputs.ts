// The only place that reads action inputs. The runner passes each input as INPUT_<NAME>
// (spaces to underscores, upper case; hyphens kept), as @actions/core's getInput reads them.

import type { Env } from '../values/env.js'

export type { Env }

/** An input's trimmed value, '' when unset; the same contract as core.getInput. */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Every input of action.yml; the config file covers the same ground under other paths. */
export const INPUT_NAMES = [
  'github-token',
  'mode',
  'config',
  'environment',
  'version',
  'deploy-result',
  'health-urls',
  'health-timeout',
  'prometheus-url',
  'error-rate-query',
  'error-rate-threshold',
  'duration',
  'interval',
  'failure-limit',
  'rollback',
  'rollback-workflow',
  'rollback-ref',
  'incident',
  'incident-labels',
  'incident-assignees',
  'runbook-url',
  'log-lines',
  'approval-labels',
  'approvers',
  'protected-paths',
  'block-labels',
  'dry-run',
  'report-window'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** All inputs at once, so the settings builder is a pure function of this record. */
export function readInputs(env: Env): Record<InputName, string> {
  const out = {} as Record<InputName, string>
  for (const name of INPUT_NAMES) out[name] = getInput(env, name)
  return out
}
