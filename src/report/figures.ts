// Pure: DORA's five keys over one window (PRODUCT.md section 10), from the classified
// deployments and the PR of each change. Every figure carries its n; under 5 deployments the
// window has "insufficient data" and no figure has a value.
import { changeFailBand, frequencyBand, leadTimeBand, overallBand, recoveryBand, type Band } from './bands.js'
import type { Deployment } from './classify.js'
import { WEEK_MS, type CommitGraph, type PullRecord, type Window } from './history.js'
import type { PullOf } from './pulls.js'
import { median, percentile } from './stats.js'

export const MIN_DEPLOYMENTS = 5

/** One change (a non-merge commit) and its lead time. */
export interface Change {
  readonly sha: string
  readonly title: string
  readonly author: string
  readonly url: string
  readonly deploymentId: number
  readonly deployedAt: number
  readonly pull?: PullRecord
  /** The first commit of its PR (the commit's own time without one). */
  readonly firstCommitAt: number
  readonly leadMs: number
  readonly openToMergeMs?: number
  readonly mergeToDeployMs?: number
}

export interface Spread {
  readonly n: number
  readonly medianMs?: number
  readonly p90Ms?: number
}

export interface Figures {
  readonly window: Window
  /** Deployments of the window (rollbacks and redeploys included). */
  readonly deployments: number
  readonly insufficient: boolean
  readonly leadTime: Spread & { readonly openToMerge: Spread; readonly mergeToDeploy: Spread; readonly unattributed: number; readonly band?: Band }
  readonly frequency: { readonly n: number; readonly perWeek?: number; readonly daysPerWeek?: number; readonly band?: Band }
  readonly changeFail: { readonly n: number; readonly failed: number; readonly rate?: number; readonly band?: Band; readonly failures: readonly number[] }
  readonly recovery: Spread & { readonly band?: Band; readonly unrecovered: readonly number[] }
  readonly rework: { readonly n: number; readonly rework: number; readonly rate?: number; readonly deployments: readonly number[] }
  readonly band?: Band
}

const inWindow = (w: Window) => (t: number) => t >= w.start && t < w.end

/** Pure: the changes delivered by the successful deployments of a window, with their lead times. */
export function changesOf(list: readonly Deployment[], w: Window, graph: CommitGraph, pullOf: PullOf): Change[] {
  const firstCommit = new Map<number, number>()
  for (const p of pullOf.values())
    if (p?.firstCommitAt !== undefined) firstCommit.set(p.number, Math.min(firstCommit.get(p.number) ?? p.firstCommitAt, p.firstCommitAt))
  for (const [sha, p] of pullOf) {
    const at = p ? graph.get(sha)?.authoredAt : undefined
    if (p && at !== undefined) firstCommit.set(p.number, Math.min(firstCommit.get(p.number) ?? at, at))
  }
  const out: Change[] = []
  for (const d of list) {
    if (d.succeededAt === undefined || !inWindow(w)(d.createdAt)) continue
    for (const sha of d.changes ?? []) {
      const c = graph.get(sha)
      if (!c) continue
      const pull = pullOf.get(sha) ?? undefined
      const firstCommitAt = pull ? (firstCommit.get(pull.number) ?? c.authoredAt) : c.authoredAt
      out.push({
        sha,
        title: c.title,
        author: c.author,
        url: c.url,
        deploymentId: d.id,
        deployedAt: d.succeededAt,
        ...(pull && { pull }),
        firstCommitAt,
        leadMs: d.succeededAt - firstCommitAt,
        ...(pull?.mergedAt !== undefined && { openToMergeMs: pull.mergedAt - pull.createdAt, mergeToDeployMs: d.succeededAt - pull.mergedAt })
      })
    }
  }
  return out
}

function spread(values: readonly number[]): Spread {
  const m = median(values)
  const p = percentile(values, 90)
  return { n: values.length, ...(m !== undefined && { medianMs: m }), ...(p !== undefined && { p90Ms: p }) }
}

/**
 * Where a failure's recovery starts (PRODUCT.md section 10: "from a failed deployment's
 * verdict"): the guard's verdict, else the incident's detection (an incident opened on a
 * deployment the guard passed), else the rollback, else its last status.
 */
export function failedAt(d: Deployment): number {
  return d.failure?.verdict?.at ?? d.failure?.incident?.detectedAt ?? d.failure?.rollback?.at ?? d.finishedAt
}

/** Pure: the five keys of one window. */
export function figuresOf(all: readonly Deployment[], w: Window, changes: readonly Change[]): Figures {
  const list = all.filter((d) => inWindow(w)(d.createdAt))
  const insufficient = list.length < MIN_DEPLOYMENTS
  const weeks = (w.end - w.start) / WEEK_MS
  const ok = !insufficient
  const successes = list.filter((d) => d.outcome === 'success')
  const days = new Set(successes.map((d) => new Date(d.succeededAt ?? d.createdAt).toISOString().slice(0, 10)))
  const perWeek = successes.length / weeks
  const lead = spread(changes.map((c) => c.leadMs))
  const counted = list.filter((d) => !d.rollback)
  const failures = counted.filter((d) => d.failure)
  const rate = counted.length ? failures.length / counted.length : undefined
  const recovered: number[] = []
  const unrecovered: number[] = []
  for (const f of failures) {
    const start = failedAt(f)
    const at = all.find((d) => d.createdAt >= f.createdAt && d.id !== f.id && d.verifiedAt !== undefined && d.verifiedAt > start)?.verifiedAt
    if (at === undefined) unrecovered.push(f.id)
    else recovered.push(at - start)
  }
  const recovery = spread(recovered)
  const rework = list.filter((d) => d.rollback || d.redeploy)
  const leadBand = ok && lead.medianMs !== undefined ? leadTimeBand(lead.medianMs) : undefined
  const freqBand = ok ? frequencyBand(perWeek) : undefined
  const cfBand = ok && rate !== undefined ? changeFailBand(rate) : undefined
  const recBand = ok && recovery.medianMs !== undefined ? recoveryBand(recovery.medianMs) : undefined
  const band = ok ? overallBand([leadBand, freqBand, cfBand, recBand]) : undefined
  const withPull = changes.filter((c) => c.openToMergeMs !== undefined)
  return {
    window: w,
    deployments: list.length,
    insufficient,
    leadTime: {
      ...(ok ? lead : { n: lead.n }),
      openToMerge: ok ? spread(withPull.map((c) => c.openToMergeMs as number)) : { n: withPull.length },
      mergeToDeploy: ok ? spread(withPull.map((c) => c.mergeToDeployMs as number)) : { n: withPull.length },
      unattributed: list.filter((d) => d.outcome === 'success' && !d.rollback && d.changes === undefined).length,
      ...(leadBand && { band: leadBand })
    },
    frequency: { n: successes.length, ...(ok && { perWeek, daysPerWeek: days.size / weeks }), ...(freqBand && { band: freqBand }) },
    changeFail: {
      n: counted.length,
      failed: failures.length,
      ...(ok && rate !== undefined && { rate }),
      ...(cfBand && { band: cfBand }),
      failures: failures.map((d) => d.id)
    },
    recovery: { ...(ok ? recovery : { n: recovery.n }), ...(recBand && { band: recBand }), unrecovered },
    rework: { n: list.length, rework: rework.length, ...(ok && list.length && { rate: rework.length / list.length }), deployments: rework.map((d) => d.id) },
    ...(band && { band })
  }
}
