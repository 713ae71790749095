// What a mode is, apart from main.ts which picks one: the modes import this, never main.ts.
import type { Clock } from '../engine/clock.js'
import type { GitHubConnector } from '../github/connect.js'
import type { Log } from '../runner/log.js'
import type { Settings } from '../settings/types.js'

/** What every mode runner gets besides its settings. */
export interface ModeDeps {
  readonly log: Log
  readonly clock: Clock
  /** The run's GitHub client and repository, opened on first use. */
  readonly github: GitHubConnector
  readonly cancel?: AbortSignal
}

/** A mode: runs with validated settings and returns the exit code. */
export type ModeRunner = (s: Settings, deps: ModeDeps) => Promise<number>
