import type { Log } from '../runner/log.js'
import type { VerifyModeSettings } from '../settings/types.js'
import { DeploymentLedger, type DeploymentState } from '../github/deployments.js'
import type { GitHubConnector } from '../github/connect.js'
import type { ActionTaken } from '../facts/verify-report.js'
import { messageOf } from '../values/message-of.js'

/** What the post step needs to close a deployment this process could not (a hard kill). */
export interface LedgerState {
  readonly deploymentId: number
  /** True once the verdict's status was posted: nothing left for the post step. */
  readonly finished: boolean
  /** The verdict's status, once reached: the post step posts it when the main step could not (not a cancel). */
  readonly verdict?: { readonly state: DeploymentState; readonly description: string }
}

/** Opens the ledger for this run; undefined when GitHub is not reachable by design (no token). */
export type LedgerFactory = () => Promise<DeploymentLedger | undefined>

/** The ledger over the run's GitHub connection. */
export function ledgerOf(github: GitHubConnector): LedgerFactory {
  return async () => {
    const gh = await github()
    return gh && new DeploymentLedger(gh.client, gh.repo)
  }
}

/**
 * The deployment record of one verify run: started in parallel with the first probes so the
 * GitHub client's load time never delays them, finished once with the verdict. Failures are
 * logged and reported as actions; they never lose the verification result.
 */
export class LedgerSession {
  private readonly started: Promise<{ ledger: DeploymentLedger; id: number } | undefined>
  readonly actions: ActionTaken[] = []

  constructor(
    private readonly s: VerifyModeSettings,
    open: LedgerFactory,
    private readonly log: Log,
    private readonly logUrl: string,
    private readonly saveState: (state: LedgerState) => void = () => {}
  ) {
    this.started = this.start(open)
    // The rejection is handled where the session finishes; keep Node from flagging it early.
    this.started.catch(() => {})
  }

  get environmentUrl(): string {
    const r = this.s.context.repository
    return r ? `${this.s.context.serverUrl}/${r.owner}/${r.repo}/deployments/${encodeURIComponent(this.s.environment)}` : ''
  }

  private finishing = false
  /** False in a dry run: nothing was or will be recorded. */
  get records(): boolean {
    return !this.s.dryRun
  }

  private async start(open: LedgerFactory): Promise<{ ledger: DeploymentLedger; id: number } | undefined> {
    if (this.s.dryRun) {
      this.actions.push({ what: `dry run: would record deployment of ${this.s.version} to ${this.s.environment}`, ok: true })
      return undefined
    }
    const ledger = await open()
    if (!ledger) return undefined
    const d = await ledger.findOrCreate(
      this.s.version,
      this.s.environment,
      this.s.context.headSha,
      `deploy-guard verifying ${this.s.version}`,
      this.s.productionEnvironment
    )
    this.saveState({ deploymentId: d.id, finished: false })
    // A smoke check (one round) is over before anyone could see in_progress: it would cost a
    // request and nothing else. When the verdict is already in (a window failed fast), in_progress would only
    // delay the failure path.
    if (!this.finishing && this.s.verify.durationMs > 0) await ledger.setStatus(d.id, 'in_progress', `deploy-guard is verifying ${this.s.version}`, this.logUrl)
    this.actions.push({
      what: `${d.created ? 'created' : 'reused'} deployment ${d.id} of ${this.s.version} in ${this.s.environment}`,
      ok: true,
      url: this.environmentUrl
    })
    return { ledger, id: d.id }
  }

  /** Posts the final state; returns the deployment when one was recorded. */
  async finish(state: DeploymentState, description: string): Promise<{ id: number; url: string } | undefined> {
    this.finishing = true
    let d: { ledger: DeploymentLedger; id: number } | undefined
    try {
      d = await this.started
    } catch (e) {
      this.fail('record the deployment', e)
      return undefined
    }
    if (!d) return undefined
    this.saveState({ deploymentId: d.id, finished: false, verdict: { state, description } })
    try {
      await d.ledger.setStatus(d.id, state, description, this.logUrl)
      this.saveState({ deploymentId: d.id, finished: true })
      this.actions.push({ what: `set deployment ${d.id} to ${state}`, ok: true, url: this.environmentUrl, detail: description })
    } catch (e) {
      this.fail(`set deployment ${d.id} to ${state}`, e)
    }
    return { id: d.id, url: this.environmentUrl }
  }

  private fail(what: string, e: unknown): void {
    const message = messageOf(e)
    this.log.warning(`Could not ${what}: ${message}`, { title: 'deploy-guard: GitHub Deployments' })
    this.actions.push({ what: `could not ${what}`, ok: false, detail: message })
  }
}
