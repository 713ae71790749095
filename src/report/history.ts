// The plain data the delivery report is computed from (PRODUCT.md section 10): what the GitHub
// adapter read, nothing derived. Times are epoch ms; the clock is the caller's (`now`).
import type { IncidentMarker } from '../facts/incident-marker.js'
import type { RollbackMark } from '../github/deployment-history.js'

export const DAY_MS = 86_400_000
export const WEEK_MS = 7 * DAY_MS
/** GitHub keeps deployment statuses 90 days: older deployments may have none left. */
export const STATUS_RETENTION_MS = 90 * DAY_MS

export interface StatusRecord {
  readonly state: string
  readonly description: string
  readonly createdAt: number
  readonly logUrl: string
}

/** deploy-guard's record of a rollback in a deployment's payload (`deploy_guard.rollback_of`). */
export type RollbackRecordMark = Pick<RollbackMark, 'of' | 'ofDeployment' | 'runId' | 'runUrl'>

export interface DeploymentRecord {
  readonly id: number
  readonly sha: string
  readonly ref: string
  readonly task: string
  readonly environment: string
  readonly createdAt: number
  readonly transient?: boolean
  /** payload.deploy_guard.version */
  readonly version?: string
  readonly rollback?: RollbackRecordMark
  /** Every status GitHub still has, in any order. */
  readonly statuses: readonly StatusRecord[]
}

export interface CommitRecord {
  readonly sha: string
  readonly parents: readonly string[]
  readonly authoredAt: number
  readonly committedAt: number
  readonly title: string
  readonly author: string
  readonly url: string
}

export interface PullRecord {
  readonly number: number
  readonly title: string
  readonly url: string
  readonly createdAt: number
  readonly mergedAt?: number
  readonly mergeCommitSha?: string
  /** The author date of the PR's first commit, when GitHub listed it. */
  readonly firstCommitAt?: number
}

export interface IncidentRecord {
  readonly number: number
  readonly url: string
  readonly createdAt: number
  readonly closedAt?: number
  readonly marker: IncidentMarker
}

export interface Window {
  readonly start: number
  readonly end: number
}

/** Everything read for one report. */
export interface History {
  readonly repository: string
  readonly serverUrl: string
  readonly environment: string
  readonly now: number
  readonly window: Window
  readonly previous: Window
  readonly deployments: readonly DeploymentRecord[]
  /** The commits of compare(base...head), ahead side: the graph changes are attributed on. */
  readonly commits: readonly CommitRecord[]
  /** The SHA the compare started from (the newest successful deployment before the windows), if any. */
  readonly baseSha?: string
  /** Merged PRs GitHub listed (pulls?state=closed). */
  readonly pulls: readonly PullRecord[]
  /** commits-to-pulls answers: the merged PR of a commit, or null when GitHub knows none. */
  readonly commitPulls: Readonly<Record<string, PullRecord | null>>
  readonly incidents: readonly IncidentRecord[]
  /** What could not be read in full, said out loud in the report. */
  readonly gaps: readonly string[]
}

/** The commit graph of the compare, with ancestry walks bounded by it. */
export class CommitGraph {
  private readonly bySha = new Map<string, CommitRecord>()

  constructor(commits: readonly CommitRecord[]) {
    for (const c of commits) this.bySha.set(c.sha, c)
  }

  has(sha: string): boolean {
    return this.bySha.has(sha)
  }

  get(sha: string): CommitRecord | undefined {
    return this.bySha.get(sha)
  }

  /** Commits reachable from `sha` inside the graph, not crossing `stop`, nearest first. */
  ancestors(sha: string, stop: ReadonlySet<string> = new Set()): string[] {
    const out: string[] = []
    const seen = new Set<string>()
    const queue = [sha]
    for (let i = 0; i < queue.length; i++) {
      const cur = queue[i]
      if (seen.has(cur) || stop.has(cur)) continue
      seen.add(cur)
      const c = this.bySha.get(cur)
      if (!c) continue
      out.push(cur)
      queue.push(...c.parents)
    }
    return out
  }

  /** Whether `a` is reachable from `b` (b itself excluded). */
  isAncestor(a: string, b: string): boolean {
    if (a === b || !this.bySha.has(a) || !this.bySha.has(b)) return false
    // Stops at the first sight of `a`: a rollback is usually a few commits behind.
    const seen = new Set<string>()
    const queue = [b]
    for (let i = 0; i < queue.length; i++) {
      const c = this.bySha.get(queue[i])
      if (!c || seen.has(queue[i])) continue
      seen.add(queue[i])
      for (const p of c.parents) {
        if (p === a) return true
        queue.push(p)
      }
    }
    return false
  }

  /** The first-parent chain from `sha` down, inside the graph. */
  firstParents(sha: string): string[] {
    const out: string[] = []
    const seen = new Set<string>()
    let cur: string | undefined = sha
    while (cur && this.bySha.has(cur) && !seen.has(cur)) {
      out.push(cur)
      seen.add(cur)
      cur = this.bySha.get(cur)?.parents[0]
    }
    return out
  }

  /** Every commit, in the order the compare listed them. */
  all(): IterableIterator<CommitRecord> {
    return this.bySha.values()
  }
}
