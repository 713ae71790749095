// What a mode is, apart from main.ts which picks one: the modes import this, never main.ts.
import type { Clock } from '../engine/clock.js'
import type { GitHubConnector } from '../github/connect.js'
import type { Log } from '../runner/log.js'
import type { Outputs } from '../runner/outputs.js'
import type { Settings } from '../settings/types.js'

/** What every mode gets besides its settings. */
export interface ModeDeps {
  readonly log: Log
  readonly clock: Clock
  /** The run's GitHub client and repository, opened on first use. */
  readonly github: GitHubConnector
  readonly cancel?: AbortSignal
}

/**
 * What a mode leaves behind for the user; mode/publish.ts writes it, redacted, to the one report
 * path, the job summary and the step outputs. `R` is the report's type.
 */
export interface ModeResult<R extends object = object> {
  /** The JSON report (plain data), written to the run's report path; its path becomes the `report` output. */
  readonly report?: R
  /** The job summary, when it is not rendered from the report. */
  readonly summary?: string
  /**
   * Renders the job summary from the report as redacted, so a line clipped for length can never
   * cut a secret in half and leave the other half behind. Wins over `summary`.
   */
  summarize?(report: R): string
  /** Files written beside the report (mode report: CSV files and the badge), rendered from it as redacted. */
  files?(report: R): Readonly<Record<string, string>>
  /** The outputs the mode knows (`report` is the publisher's); the others keep their defaults. */
  readonly outputs?: Outputs
  readonly exitCode: number
}

/** What the publisher did with a result. */
export interface Published<R extends object = object> {
  /** The report's path, when the result had a report. */
  readonly reportPath?: string
  /** The report as written, redacted: what annotations may quote. */
  readonly report?: R
}

/** A mode's view of the run: its settings (`S`, the part of `Settings` it reads), its deps and the publisher. */
export interface ModeContext<S = Settings> extends ModeDeps {
  readonly settings: S
  /**
   * Publishes a result before the mode returns (verify's verdict before any GitHub wait): a run
   * stopped later still leaves it. The returned result is published again unless it is the same object.
   */
  readonly publish: <R extends object>(result: ModeResult<R>) => Promise<Published<R>>
}

/** A mode: runs with its settings and returns what the user sees. */
export type ModeRun<S = Settings> = (ctx: ModeContext<S>) => Promise<ModeResult>
