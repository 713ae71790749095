// Pure: which records are deployments, how each one ended, which were rollbacks or redeploys,
// which failed (and the evidence), and the changes each one brought (PRODUCT.md section 10).
import { RECORD_TASK } from '../rollback/rollback-plan.js'
import { versionKey } from '../rollback/judge.js'
import { CommitGraph, STATUS_RETENTION_MS, type DeploymentRecord, type History, type IncidentRecord, type StatusRecord } from './history.js'

/** Status descriptions deploy-guard writes start with this (verify/verify-mode.ts). */
const GUARD = /^deploy-guard\b/
const TERMINAL = new Set(['success', 'failure', 'error'])
const RUN = /\/actions\/runs\/(\d+)/

/** Why a deployment counts as a change failure, with the links to its evidence. */
export interface FailureEvidence {
  /** The guard's failure status: the verdict run. */
  readonly verdict?: { readonly at: number; readonly url: string }
  readonly rollback?: { readonly deploymentId: number; readonly at: number; readonly url: string }
  readonly incident?: { readonly number: number; readonly url: string; readonly detectedAt: number }
}

/** One deployment as the report counts it. */
export interface Deployment {
  readonly id: number
  /** Every deployment record merged into this one (same SHA, same workflow run). */
  readonly ids: readonly number[]
  readonly sha: string
  readonly version: string
  readonly createdAt: number
  readonly runId?: string
  readonly outcome: 'success' | 'failure' | 'error'
  /** The first `success` status: when the release went live. */
  readonly succeededAt?: number
  /** The latest terminal status. */
  readonly finishedAt: number
  /** The guard's `success` status: its verification passed. */
  readonly verifiedAt?: number
  readonly logUrl: string
  readonly rollback: boolean
  readonly redeploy: boolean
  readonly failure?: FailureEvidence
  /** Non-merge commits this deployment brought, oldest first; undefined when they cannot be told. */
  readonly changes?: readonly string[]
}

export interface Classified {
  readonly deployments: readonly Deployment[]
  /** Deployments older than GitHub's 90 days of statuses that have none left. */
  readonly missing: readonly { readonly id: number; readonly createdAt: number }[]
}

/** Pure: the environment's deployments in time order, deduplicated, judged and attributed. */
export function classify(h: History, graph: CommitGraph = new CommitGraph(h.commits)): Classified {
  const inScope = h.deployments.filter((d) => d.environment === h.environment && !d.transient)
  const records = inScope.filter((d) => d.task === RECORD_TASK)
  const real = inScope.filter((d) => d.task !== RECORD_TASK)
  const missing = real.filter((d) => d.statuses.length === 0 && d.createdAt < h.now - STATUS_RETENTION_MS).map((d) => ({ id: d.id, createdAt: d.createdAt }))
  const merged = mergeRuns(real.filter((d) => d.statuses.some((s) => TERMINAL.has(s.state))))
  const out: Deployment[] = []
  const claimed = new Set<string>()
  const seen = new Set<string>()
  let lastGood: Deployment | undefined
  let previous: MergedRecord | undefined
  for (const m of merged) {
    const base = judgeStatuses(m)
    const recorded = records.some((r) => r.sha === m.sha && r.createdAt <= m.createdAt && (!previous || r.createdAt >= previous.createdAt))
    // Only a commit already delivered can be behind the last good one: the walk is skipped for new ones.
    const behind =
      !!lastGood &&
      lastGood.sha !== m.sha &&
      (claimed.has(m.sha) || seen.has(m.sha)) &&
      (graph.isAncestor(m.sha, lastGood.sha) || (!graph.has(m.sha) && graph.has(lastGood.sha)))
    const rollback = !!m.rollback || recorded || behind
    const redeploy = !rollback && seen.has(m.sha)
    const changes = rollback ? [] : changesOf(graph, m.sha, claimed, h.baseSha, seen)
    const { statuses: _statuses, rollback: _mark, ...record } = m
    const d: Deployment = { ...record, ...base, rollback, redeploy, ...(changes && { changes }) }
    if (d.outcome === 'success') {
      for (const c of graph.ancestors(m.sha, claimed)) claimed.add(c)
      lastGood = d
    }
    seen.add(m.sha)
    previous = m
    out.push(d)
  }
  return { deployments: withFailures(out, inScope, h.incidents, h.environment), missing }
}

type MergedRecord = Omit<Deployment, 'outcome' | 'finishedAt' | 'succeededAt' | 'verifiedAt' | 'logUrl' | 'rollback' | 'redeploy' | 'failure' | 'changes'> & {
  readonly statuses: readonly StatusRecord[]
  readonly rollback?: DeploymentRecord['rollback']
}

/** The same SHA deployed by one workflow run (a job's `environment:` and the guard's record) counts once. */
function mergeRuns(list: readonly DeploymentRecord[]): MergedRecord[] {
  const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
  const byKey = new Map<string, MergedRecord>()
  const order: string[] = []
  for (const d of sorted) {
    const runId = d.rollback?.runId || d.statuses.map((s) => RUN.exec(s.logUrl)?.[1]).find((x) => x)
    const key = runId ? `${d.sha}@${runId}` : `id:${d.id}`
    const had = byKey.get(key)
    if (had) {
      byKey.set(key, { ...had, ids: [...had.ids, d.id], statuses: [...had.statuses, ...d.statuses], ...(d.version && { version: d.version }) })
      continue
    }
    order.push(key)
    byKey.set(key, {
      id: d.id,
      ids: [d.id],
      sha: d.sha,
      version: d.version ?? tagOf(d.ref) ?? d.sha,
      createdAt: d.createdAt,
      ...(runId && { runId }),
      statuses: d.statuses,
      ...(d.rollback && { rollback: d.rollback })
    })
  }
  return order.map((k) => byKey.get(k) as MergedRecord)
}

function tagOf(ref: string): string | undefined {
  const tag = /^refs\/tags\/(.+)$/.exec(ref)?.[1]
  return tag ?? (/^v?\d+\.\d+\.\d+/.test(ref) ? ref : undefined)
}

function judgeStatuses(
  m: MergedRecord
): Pick<Deployment, 'outcome' | 'finishedAt' | 'succeededAt' | 'verifiedAt' | 'logUrl'> & { guardFailedAt?: StatusRecord } {
  const list = [...m.statuses].sort((a, b) => a.createdAt - b.createdAt)
  const terminal = list.filter((s) => TERMINAL.has(s.state))
  const last = terminal[terminal.length - 1]
  const guardFailed = terminal.find((s) => s.state === 'failure' && GUARD.test(s.description))
  const success = terminal.find((s) => s.state === 'success')
  const verified = terminal.find((s) => s.state === 'success' && GUARD.test(s.description))
  const outcome = guardFailed ? 'failure' : (last.state as Deployment['outcome'])
  return {
    outcome,
    finishedAt: last.createdAt,
    ...(success && outcome === 'success' && { succeededAt: success.createdAt }),
    ...(verified && !guardFailed && { verifiedAt: verified.createdAt }),
    logUrl: (guardFailed ?? last).logUrl,
    ...(guardFailed && { guardFailedAt: guardFailed })
  }
}

/** Non-merge commits reachable from `sha` and not delivered before; undefined when the graph does not hold it. */
function changesOf(
  graph: CommitGraph,
  sha: string,
  claimed: ReadonlySet<string>,
  baseSha: string | undefined,
  seen: ReadonlySet<string>
): string[] | undefined {
  if (!graph.has(sha)) return sha === baseSha || seen.has(sha) ? [] : undefined
  return graph
    .ancestors(sha, claimed)
    .filter((c) => (graph.get(c)?.parents.length ?? 0) < 2)
    .reverse()
}

/** Failures: failed by the guard, rolled back (the guard's record names it), or owning an incident. */
function withFailures(list: Deployment[], inScope: readonly DeploymentRecord[], incidents: readonly IncidentRecord[], environment: string): Deployment[] {
  const keyed = (d: Deployment, key: string): boolean => versionKey(d.version) === key || d.sha.toLowerCase() === key
  const latestBefore = (key: string, at: number): Deployment | undefined =>
    list.filter((d) => keyed(d, key) && d.createdAt <= at && !d.rollback).sort((a, b) => b.createdAt - a.createdAt)[0]
  const rollbackOf = new Map<number, FailureEvidence['rollback']>()
  for (const r of inScope.filter((d) => d.rollback)) {
    const mark = r.rollback!
    const target = (mark.ofDeployment !== undefined && list.find((d) => d.ids.includes(mark.ofDeployment!))) || latestBefore(versionKey(mark.of), r.createdAt)
    if (target && !rollbackOf.has(target.id)) rollbackOf.set(target.id, { deploymentId: r.id, at: r.createdAt, url: mark.runUrl ?? '' })
  }
  const incidentOf = new Map<number, FailureEvidence['incident']>()
  for (const i of [...incidents].sort((a, b) => a.number - b.number)) {
    if (i.marker.environment !== environment) continue
    const target = latestBefore(versionKey(i.marker.version), i.marker.detectedAt)
    if (target && !incidentOf.has(target.id)) incidentOf.set(target.id, { number: i.number, url: i.url, detectedAt: i.marker.detectedAt })
  }
  return list.map((d) => {
    const { guardFailedAt, ...rest } = d as Deployment & { guardFailedAt?: StatusRecord }
    const rollback = rollbackOf.get(d.id)
    const incident = incidentOf.get(d.id)
    if (!guardFailedAt && !rollback && !incident) return rest
    const failure: FailureEvidence = {
      ...(guardFailedAt && { verdict: { at: guardFailedAt.createdAt, url: guardFailedAt.logUrl } }),
      ...(rollback && { rollback }),
      ...(incident && { incident })
    }
    return { ...rest, failure }
  })
}
