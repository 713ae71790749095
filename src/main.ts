import { closeAgents } from './net/http-request.js'
import { setDefaultOutputs, setVerifyOutputs } from './render/outputs.js'
import { addMask, appendSummary } from './runner/commands.js'
import { redactingLog } from './runner/redacting-log.js'
import { inline } from './text/markdown.js'
import { redact } from './text/redact.js'
import { runnerLog, type Log } from './runner/log.js'
import { readSettings } from './settings/read-settings.js'
import type { Env } from './settings/inputs.js'
import { UserError } from './settings/user-error.js'
import { systemClock, type Clock } from './engine/clock.js'
import { verify } from './modes/verify.js'
import { openLedger } from './github/open-ledger.js'

export interface RunDeps {
  readonly env: Env
  readonly log: Log
  readonly clock: Clock
}

/** The action: the one place that turns anything thrown into a failed step. Returns the exit code. */
export async function run(deps: RunDeps = { env: process.env, log: runnerLog, clock: systemClock }): Promise<number> {
  let log = deps.log
  try {
    setDefaultOutputs()
    const settings = await readSettings(deps.env, addMask, (m) => deps.log.warning(m))
    log = redactingLog(deps.log, settings.secrets)
    if (settings.mode !== 'verify') {
      throw new UserError('input mode', settings.mode, 'verify: this release of deploy-guard implements verify mode only (approval, gate, drill and report are on the way)')
    }
    const outcome = await verify(settings, { log, clock: deps.clock, openLedger: () => openLedger(settings, log) })
    setVerifyOutputs(outcome.report, outcome.reportPath)
    return outcome.exitCode
  } catch (e) {
    if (e instanceof UserError) {
      // Settings redacted the secrets they knew; credential shapes go here (a URL that did not parse).
      const message = redact(e.message, [])
      log.error(message, { title: 'deploy-guard: invalid input' })
      appendSummary(`## ⛔ deploy-guard: invalid input\n\n${inline(message)}\n\nNothing was checked or changed. See README.md#inputs and schema/deploy-guard.schema.json.\n`)
    } else {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e)
      log.error(`deploy-guard failed unexpectedly: ${message}`, { title: 'deploy-guard' })
    }
    return 1
  } finally {
    closeAgents()
  }
}
