// The environment the Actions runner gives dist/index.js, from test-support/run-action.mjs's
// runnerEnv, in a fresh temp dir, so the bench can spawn the action itself and own the timing.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ROOT, example, prepareRunnerDir, runnerEnv } from '../test-support/run-action.mjs'

const TMP = join(ROOT, '.bench-tmp')
const push = example('push')
const event = { ...push, repository: { ...push.repository, full_name: 'octo-org/octo-repo' } }

/** A fresh 40-hex commit SHA, so each run records a new deployment instead of reusing one. */
export const freshSha = () => randomBytes(20).toString('hex')

/**
 * @param {Record<string,string>} inputs action inputs by their action.yml names
 * @param {{ token?: string, apiUrl?: string, sha?: string }} [o] token '' means no GitHub
 * @returns {{ env: Record<string,string>, cwd: string, dir: string, cleanup: () => void }}
 */
export function actionEnv(inputs, o = {}) {
  mkdirSync(TMP, { recursive: true })
  const dir = mkdtempSync(join(TMP, 'run-'))
  const workspace = prepareRunnerDir(dir, event)
  const env = runnerEnv({ dir, workspace, event, sha: o.sha ?? freshSha(), apiUrl: o.apiUrl, inputs, token: o.token })
  return { env, cwd: workspace, dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}
