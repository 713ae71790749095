// The programs the bench compares, each spawned the same way (runMeasured) so their figures are
// comparable: the action (dist/index.js in a runner-like environment), the floor probe, wait-on,
// and a bare `node -e 0`.
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { DIST, NODE, ROOT } from '../test-support/run-action.mjs'
import { actionEnv } from './action-env.mjs'
import { runMeasured } from './measure-process.mjs'

export { NODE }
/** The bundle under test: dist/index.js, or BENCH_ACTION (e.g. a candidate build elsewhere). */
export const ACTION = process.env.BENCH_ACTION || DIST
export const FLOOR = fileURLToPath(new URL('./floor-probe.mjs', import.meta.url))
export const WAIT_ON = join(ROOT, 'node_modules/wait-on/bin/wait-on')
/** wait-on options: GET (http-get://), a short poll interval, the action's default 10 s request timeout. */
export const WAIT_ON_ARGS = ['--interval', '100', '--httpTimeout', '10000', '--timeout', '30000']

/**
 * dist/index.js once. github: { url } records the deployment through that API; without it the
 * token is empty, so the action skips GitHub (it logs a warning and records nothing).
 */
export async function runActionOnce(inputs, { github } = {}) {
  const a = actionEnv(inputs, github ? { apiUrl: github.url } : { token: '' })
  try {
    return await runMeasured(NODE, [ACTION], { env: a.env, cwd: a.cwd })
  } finally {
    a.cleanup()
  }
}

export const runFloorOnce = (urls) => runMeasured(NODE, [FLOOR, ...urls])

export const runWaitOnOnce = (urls) => runMeasured(NODE, [WAIT_ON, ...WAIT_ON_ARGS, ...urls.map((u) => u.replace(/^http:/, 'http-get:'))])

export const runBareNodeOnce = () => runMeasured(NODE, ['-e', '0'])

/** The order the tools run in for repetition `rep`: rotated, so none always goes first. */
export function rotate(list, rep) {
  const k = rep % list.length
  return [...list.slice(k), ...list.slice(0, k)]
}
