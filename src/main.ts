import * as core from '@actions/core'
import { closeAgents } from './net/http-request.js'
import { setDefaultOutputs, setOutputs } from './runner/outputs.js'
import { writeSummary } from './runner/summary.js'
import { redactingLog } from './runner/redacting-log.js'
import { inline } from './text/markdown.js'
import { redact } from './text/redact.js'
import { sourceStack } from './runner/source-stack.js'
import { runnerLog, type Log } from './runner/log.js'
import { intendedMode, readSettings } from './settings/read-settings.js'
import type { ToolkitContext } from './settings/context.js'
import type { Env } from './settings/inputs.js'
import type { Mode } from './settings/types.js'
import { UserError } from './values/user-error.js'
import { systemClock, type Clock } from './engine/clock.js'
import { run as verify } from './verify/verify-mode.js'
import { gitHubConnector } from './github/connect.js'
import type { ModeRun } from './mode/mode.js'
import { runMode, unjudgedOutputs } from './mode/publish.js'

export interface RunDeps {
  readonly env: Env
  readonly log: Log
  readonly clock: Clock
  /** The run's context; @actions/github's `context` unless a test gives one. */
  readonly context?: ToolkitContext
  /** Aborts when the runner cancels the step. */
  readonly cancel?: AbortSignal
}

/**
 * The modes of PRODUCT.md section 1, each a `run(ctx) → result` that mode/publish.ts publishes.
 * verify loads with the action (its probes go out first); the other modes load when chosen.
 */
const MODE_RUNNERS: Readonly<Record<Mode, () => Promise<ModeRun>>> = {
  verify: async () => verify,
  approval: async () => (await import('./approval/approval-mode.js')).run,
  gate: async () => (await import('./approval/gate-mode.js')).run,
  drill: async () => (await import('./drill/drill-mode.js')).run,
  report: async () => (await import('./report/report-mode.js')).run
}

/** The action: the one place that turns anything thrown into a failed step. Returns the exit code. */
export async function run(deps: RunDeps = { env: process.env, log: runnerLog, clock: systemClock }): Promise<number> {
  let log = deps.log
  let secrets: readonly string[] = []
  let context: ToolkitContext | undefined
  try {
    setDefaultOutputs()
    context = deps.context ?? (await import('@actions/github')).context
    const settings = await readSettings(
      deps.env,
      context,
      (s) => core.setSecret(s),
      (m) => deps.log.warning(m)
    )
    secrets = settings.secrets
    log = redactingLog(deps.log, settings.secrets)
    const load = MODE_RUNNERS[settings.mode]
    const github = gitHubConnector(settings, log)
    return await runMode(await load(), settings, { log, clock: deps.clock, github, ...(deps.cancel && { cancel: deps.cancel }) })
  } catch (e) {
    if (e instanceof UserError) {
      // Settings may have failed half-way: redact what the message quotes by shape as well.
      const message = redact(e.message, secrets)
      log.error(message, { title: 'deploy-guard: invalid input' })
      // approval and gate know two results: a change or deploy that could not be judged failed.
      const mode = context && intendedMode(deps.env, context)
      const unjudged = mode && unjudgedOutputs(mode)
      if (unjudged) setOutputs(unjudged)
      await writeSummary(
        `## ⛔ deploy-guard: invalid input\n\n${inline(message)}\n\nNothing was checked or changed. See docs/reference.md and schema/deploy-guard.schema.json.\n`
      ).catch(() => false)
    } else {
      const message = e instanceof Error ? (e.stack ? await sourceStack(e.stack) : e.message) : String(e)
      log.error(`deploy-guard failed unexpectedly: ${redact(message, secrets)}`, { title: 'deploy-guard' })
    }
    return 1
  } finally {
    closeAgents()
  }
}
