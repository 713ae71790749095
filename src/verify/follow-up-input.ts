// What each follow-up step gets (a module of its own: the steps import it, follow-ups.ts loads
// the steps, and neither imports the other back).
import type { Clock } from '../engine/clock.js'
import type { VerificationResult } from '../engine/run-verification.js'
import type { GitHubConnector } from '../github/connect.js'
import type { Result } from '../facts/verify-report.js'
import type { Log } from '../runner/log.js'
import type { VerifyModeSettings } from '../settings/types.js'

/** What verify knows when the verdict and the deployment status are in. */
export interface FollowUpInput {
  readonly settings: VerifyModeSettings
  readonly log: Log
  readonly clock: Clock
  readonly github: GitHubConnector
  readonly result: Result
  readonly reason: string
  readonly cancelled: boolean
  readonly verification?: VerificationResult
  /** The deployment verify recorded, when it could. */
  readonly deployment?: { readonly id: number; readonly url: string }
  /** Epoch ms: the window started, and the verdict was known. */
  readonly startedAt: number
  readonly decidedAt: number
}
