import type { PastDeployment, PastStatus } from '../github/deployment-history.js'
import { PER_PAGE } from '../github/deployment-history.js'
import { deploymentKeys, judge, versionKey, versionOfDeployment } from './judge.js'

/** What the search reads: the environment's deployments, newest first, and their statuses. */
export interface HistoryReader {
  page(page: number): Promise<PastDeployment[]>
  statuses(id: number): Promise<PastStatus[]>
  get(id: number): Promise<PastDeployment | undefined>
}

/** The release being replaced: its version and, when verify recorded it, its deployment. */
export interface BadRelease {
  readonly version: string
  readonly deploymentId?: number
}

/** The release a rollback redeploys. */
export interface RollbackTarget {
  /** What is sent as the version (workflow input, payload `good_version`). */
  readonly version: string
  readonly sha: string
  /** Where it was found: a good deployment, or the releases/tags fallback. */
  readonly source: 'deployment' | 'release' | 'tag'
  readonly deploymentId?: number
}

/** What the deployment history says, read no further than needed. */
export interface HistoryFinding {
  readonly target?: RollbackTarget
  /** The deployment of the bad release, when found; its rollback mark means it was itself a rollback. */
  readonly verified?: PastDeployment
  /**
   * The ledger's record of a rollback to the release being verified, when nothing else was
   * deployed since: the release is that rollback, even when its deployer recorded its own
   * newer deployment of it (the loop guard reads this, not the newest deployment's payload).
   */
  readonly rollbackRecord?: PastDeployment
  /** Rollbacks already recorded for the bad release, newest first. */
  readonly rollbacks: readonly PastDeployment[]
  /** Keys (versionKey) of every release the guard recorded bad among those read. */
  readonly recordedBad: ReadonlySet<string>
  /** Deployments whose statuses were read, and pages listed. */
  readonly examined: number
  readonly pages: number
  /** True when the whole history was read (the fallback then knows every bad release). */
  readonly complete: boolean
}

export interface SearchLimits {
  /** Pages of 100 deployments listed at most. */
  readonly maxPages: number
  /** Deployments whose statuses are read at most. */
  readonly maxExamined: number
}

const DEFAULT_LIMITS: SearchLimits = { maxPages: 5, maxExamined: 100 }

/**
 * Finds the last good release (PRODUCT.md section 5): the newest deployment of the environment,
 * other than the one being verified, that reached `success` and was never failed by the guard,
 * skipping every release recorded bad. Pages are listed one at a time and statuses read one
 * deployment at a time, newest first, stopping as soon as the answer is known; the rest of a
 * page already listed is still scanned (no request) for the bad release's own deployment and
 * rollbacks already recorded for it, which re-runs and loop prevention need.
 */
export async function findLastGood(h: HistoryReader, bad: BadRelease, limits: SearchLimits = DEFAULT_LIMITS): Promise<HistoryFinding> {
  const badKey = versionKey(bad.version)
  const recordedBad = new Set<string>([badKey])
  const rollbacks: PastDeployment[] = []
  let verified: PastDeployment | undefined
  let target: RollbackTarget | undefined
  let examined = 0
  let pages = 0
  let complete = false
  const isVerified = (d: PastDeployment): boolean =>
    bad.deploymentId !== undefined ? d.id === bad.deploymentId : !verified && deploymentKeys(d).includes(badKey)
  // Deployments of the release being verified at the top of the history: one of them may be the
  // guard's record of a rollback to it, which makes this release a rollback.
  let leading = true
  for (let page = 1; page <= limits.maxPages; page++) {
    const list = await h.page(page)
    pages++
    for (const d of list) {
      if (leading && (d.id === bad.deploymentId || deploymentKeys(d).includes(badKey))) {
        if (d.rollback && versionKey(d.rollback.of) !== badKey) {
          return { verified: verified ?? d, rollbackRecord: d, rollbacks, recordedBad, examined, pages, complete: false }
        }
      } else leading = false
      if (!verified && isVerified(d)) {
        verified = d
        for (const k of deploymentKeys(d)) recordedBad.add(k)
        // A rollback being verified is never rolled back: nothing more to know.
        if (d.rollback) return { verified, rollbacks, recordedBad, examined, pages, complete: false }
        continue
      }
      if (!verified && d.rollback && (d.rollback.ofDeployment === bad.deploymentId || versionKey(d.rollback.of) === badKey)) rollbacks.push(d)
      if (target || examined >= limits.maxExamined) continue
      const keys = deploymentKeys(d)
      if (keys.some((k) => recordedBad.has(k))) continue
      examined++
      const j = judge(await h.statuses(d.id), { ledgerRecord: d.rollback !== undefined })
      if (j.guardFailed) for (const k of keys) recordedBad.add(k)
      else if (j.good) target = { version: versionOfDeployment(d), sha: d.sha, source: 'deployment', deploymentId: d.id }
    }
    if (list.length < PER_PAGE) {
      complete = true
      break
    }
    if (target || examined >= limits.maxExamined) break
  }
  if (!verified && bad.deploymentId !== undefined) {
    verified = await h.get(bad.deploymentId)
    if (verified) for (const k of deploymentKeys(verified)) recordedBad.add(k)
  }
  if (verified?.rollback) return { verified, rollbacks, recordedBad, examined, pages, complete: false }
  return { ...(target && { target }), ...(verified && { verified }), rollbacks, recordedBad, examined, pages, complete }
}
