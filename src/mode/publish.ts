// The one place a mode's result reaches the user: the report file, the job summary and the step
// outputs, redacted here once, and the one policy for a GitHub call that failed.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { GitHubCallError } from '../github/errors.js'
import type { Log } from '../runner/log.js'
import { setOutputs, type Outputs } from '../runner/outputs.js'
import { writeSummary } from '../runner/summary.js'
import type { Mode, Settings } from '../settings/types.js'
import { inline } from '../text/markdown.js'
import { redactorFor } from '../text/redact.js'
import { prettyJsonPieces } from '../values/json-lines.js'
import type { ModeDeps, ModeResult, ModeRun, Published } from './mode.js'

/** What publishing reads of the settings. */
export type PublishSettings = Pick<Settings, 'mode' | 'environment' | 'secrets' | 'context'>

/**
 * The outputs of a run that could not be judged. approval and gate know two results, so theirs
 * failed; the other modes keep the defaults (verify's `inconclusive`).
 */
const UNJUDGED_OUTPUTS: Readonly<Partial<Record<Mode, Outputs>>> = { approval: { result: 'failed' }, gate: { result: 'failed' } }

/** The outputs of a run of `mode` (the mode asked for, maybe not a valid one) that could not be judged. */
export function unjudgedOutputs(mode: string): Outputs | undefined {
  return Object.hasOwn(UNJUDGED_OUTPUTS, mode) ? UNJUDGED_OUTPUTS[mode as Mode] : undefined
}

/**
 * The run's report path: `deploy-guard-<mode>-<run>-<attempt>-<environment>.json` in the runner's
 * temp directory, or `report.json` in a folder of that name when files lie beside it. verify,
 * approval and gate keep the names of their first release, which workflows read.
 */
export function reportPath(s: PublishSettings, withFiles: boolean): string {
  const run = `${s.context.runId || 'local'}-${s.context.runAttempt}`
  const environment = s.environment.replace(/[^\w.-]/g, '_')
  const name =
    s.mode === 'verify'
      ? `deploy-guard-${run}-${environment}`
      : s.mode === 'approval' || s.mode === 'gate'
        ? `deploy-guard-${run}-${s.mode}`
        : `deploy-guard-${s.mode}-${run}-${environment}`
  return join(s.context.tempDir, withFiles ? join(name, 'report.json') : `${name}.json`)
}

/** Publishes a mode's results; remembers the last, so a result published early is not written twice. */
export class Publisher {
  /** The result published last. */
  last?: object
  private lastSummary?: string

  constructor(
    private readonly s: PublishSettings,
    private readonly log: Log
  ) {}

  /** Writes the report (redacted as an object, so it stays valid JSON), the files beside it, the summary and the outputs. */
  async publish<R extends object>(result: ModeResult<R>): Promise<Published<R>> {
    this.last = result
    const redactor = redactorFor(this.s.secrets)
    let path: string | undefined
    let report: R | undefined
    let summary = result.summary
    if (result.report) {
      report = redactor.value(result.report)
      const files = result.files?.(report)
      path = reportPath(this.s, files !== undefined)
      if (files) await mkdir(dirname(path), { recursive: true })
      // Item by item: a report of thousands of changes is never one string in memory (values/json-lines.ts).
      const pieces = prettyJsonPieces(report)
      await writeFile(path, files ? withNewline(pieces) : pieces, 'utf8')
      for (const [name, text] of Object.entries(files ?? {})) await writeFile(join(dirname(path), name), text, 'utf8')
      if (result.summarize) summary = result.summarize(report)
    }
    if (summary !== undefined) {
      this.lastSummary = redactor.text(summary)
      await writeSummary(this.lastSummary)
    }
    setOutputs({ ...redactor.value(result.outputs ?? {}), ...(path !== undefined && { report: path }) })
    return path === undefined || report === undefined ? {} : { reportPath: path, report }
  }

  /**
   * The one error policy: a GitHub call that failed (a missing permission, a rate limit) becomes
   * one `::error` saying what to do and a failed job, not a stack trace. What was published
   * before stays, with the error under it.
   */
  callFailed(e: GitHubCallError): ModeResult {
    const message = redactorFor(this.s.secrets).text(e.message)
    const judged = this.lastSummary !== undefined
    this.log.error(`${message} ${judged ? 'The job fails.' : 'Nothing was judged; the job fails.'}`, { title: `deploy-guard: ${this.s.mode}` })
    const section = `## ⛔ deploy-guard ${this.s.mode}: ${judged ? 'a GitHub call failed' : 'cannot judge'}\n\n${inline(message)}\n`
    const outputs = unjudgedOutputs(this.s.mode)
    return { summary: judged ? `${this.lastSummary}\n${section}` : section, ...(outputs && { outputs }), exitCode: 1 }
  }
}

/** Runs a mode and publishes its result; returns the exit code. Anything but a GitHub call error goes on to main's catch. */
export async function runMode<S extends PublishSettings>(run: ModeRun<S>, settings: S, deps: ModeDeps): Promise<number> {
  const publisher = new Publisher(settings, deps.log)
  let result: ModeResult
  try {
    result = await run({ ...deps, settings, publish: (r) => publisher.publish(r) })
  } catch (e) {
    if (!(e instanceof GitHubCallError)) throw e
    result = publisher.callFailed(e)
  }
  if (result !== publisher.last) await publisher.publish(result)
  return result.exitCode
}

function* withNewline(pieces: Iterable<string>): Generator<string> {
  yield* pieces
  yield '\n'
}
