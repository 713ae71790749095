// Pure: the delivery report as data: the JSON file, and what the summary, CSV files, badge and
// outputs are rendered from. The same history gives the same bytes (no clock read here, fixed
// key order, every list sorted).
import { DORA_YEAR, type Band } from './bands.js'
import { classify, type Deployment } from './classify.js'
import { changesOf, figuresOf, type Change, type Figures, type Spread } from './figures.js'
import { CommitGraph, DAY_MS, STATUS_RETENTION_MS, type History, type Window } from './history.js'
import { assignPulls } from './pulls.js'

export const REPORT_SCHEMA_VERSION = 1

const iso = (ms: number): string => new Date(ms).toISOString()
const seconds = (ms: number | undefined): number | undefined => (ms === undefined ? undefined : Math.round(ms / 1000))

export interface SpreadOut {
  readonly n: number
  readonly medianSeconds: number | null
  readonly p90Seconds: number | null
}

export interface FiguresOut {
  readonly deployments: number
  readonly insufficientData: boolean
  readonly leadTime: SpreadOut & {
    readonly openToMerge: SpreadOut
    readonly mergeToDeploy: SpreadOut
    readonly band: Band | null
    readonly deploymentsWithoutAttribution: number
  }
  readonly deploymentFrequency: {
    readonly n: number
    readonly perWeek: number | null
    readonly deploymentDaysPerWeek: number | null
    readonly band: Band | null
  }
  readonly changeFailRate: {
    readonly n: number
    readonly failed: number
    readonly rate: number | null
    readonly band: Band | null
    readonly failures: readonly number[]
  }
  readonly recoveryTime: SpreadOut & { readonly band: Band | null; readonly unrecovered: readonly number[] }
  readonly reworkRate: { readonly n: number; readonly rework: number; readonly rate: number | null; readonly deployments: readonly number[] }
  readonly band: Band | null
}

export interface DeploymentOut {
  readonly id: number
  readonly ids: readonly number[]
  readonly sha: string
  readonly version: string
  readonly createdAt: string
  readonly outcome: Deployment['outcome']
  readonly succeededAt: string | null
  readonly verifiedAt: string | null
  readonly kind: 'change' | 'rollback' | 'redeploy'
  readonly changes: number | null
  readonly failed: boolean
  readonly evidence: {
    readonly verdictUrl?: string
    readonly rollbackDeployment?: number
    readonly rollbackUrl?: string
    readonly incident?: number
    readonly incidentUrl?: string
  }
  readonly url: string
  readonly commitUrl: string
}

export interface ChangeOut {
  readonly sha: string
  readonly title: string
  readonly author: string
  readonly url: string
  readonly deployment: number
  readonly pull: number | null
  readonly pullUrl: string | null
  readonly firstCommitAt: string
  readonly deployedAt: string
  readonly leadTimeSeconds: number
  readonly openToMergeSeconds: number | null
  readonly mergeToDeploySeconds: number | null
}

export interface IncidentOut {
  readonly number: number
  readonly url: string
  readonly version: string
  readonly detectedAt: string
  readonly closedAt: string | null
  readonly deployment: number | null
}

/** The JSON report (schema-versioned). */
export interface DeliveryReport {
  readonly schemaVersion: number
  readonly mode: 'report'
  readonly repository: string
  readonly environment: string
  readonly dora: { readonly year: number; readonly band: Band | null }
  readonly window: { readonly start: string; readonly end: string; readonly days: number }
  readonly previousWindow: { readonly start: string; readonly end: string; readonly unavailable: string | null }
  readonly figures: FiguresOut
  readonly previousFigures: FiguresOut | null
  readonly deployments: readonly DeploymentOut[]
  readonly changes: readonly ChangeOut[]
  readonly incidents: readonly IncidentOut[]
  /** Limits of what GitHub still had or what was read, said out loud. */
  readonly notes: readonly string[]
  readonly definitions: string
}

/** Pure: the report of a history. */
export function buildDeliveryReport(h: History): DeliveryReport {
  const graph = new CommitGraph(h.commits)
  const { deployments, missing } = classify(h)
  const pullOf = assignPulls(graph, h.pulls, h.commitPulls)
  const changes = changesOf(deployments, h.window, graph, pullOf)
  const current = figuresOf(deployments, h.window, changes)
  const horizon = h.now - STATUS_RETENTION_MS
  const missingIn = (w: Window) => missing.filter((m) => m.createdAt >= w.start && m.createdAt < w.end).length
  const notes: string[] = []
  if (h.window.start < horizon) {
    const n = missingIn(h.window)
    notes.push(
      `The window reaches back past the 90 days GitHub keeps deployment statuses (before ${iso(horizon).slice(0, 10)}): ` +
        (n ? `${n} deployment(s) there have no statuses left and are not counted.` : 'GitHub still had a status for every deployment there.')
    )
  }
  const prevMissing = missingIn(h.previous)
  const unavailable = prevMissing
    ? `${prevMissing} deployment(s) of the previous window have no statuses left (GitHub keeps them 90 days): its figures are not guessed`
    : null
  const unknownPr = changes.filter((c) => !pullOf.has(c.sha)).length
  if (unknownPr) notes.push(`${unknownPr} change(s) were not looked up for a pull request (request budget): their own commit time stands in.`)
  notes.push(...h.gaps)
  const incidents = [...h.incidents]
    .filter((i) => i.marker.environment === h.environment && i.marker.detectedAt >= h.window.start && i.marker.detectedAt < h.window.end)
    .sort((a, b) => a.number - b.number)
    .map((i): IncidentOut => ({
      number: i.number,
      url: i.url,
      version: i.marker.version,
      detectedAt: iso(i.marker.detectedAt),
      closedAt: i.closedAt === undefined ? null : iso(i.closedAt),
      deployment: deployments.find((d) => d.failure?.incident?.number === i.number)?.id ?? null
    }))
  const repoUrl = `${h.serverUrl}/${h.repository}`
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    mode: 'report',
    repository: h.repository,
    environment: h.environment,
    dora: { year: DORA_YEAR, band: current.band ?? null },
    window: { start: iso(h.window.start), end: iso(h.window.end), days: Math.round((h.window.end - h.window.start) / DAY_MS) },
    previousWindow: { start: iso(h.previous.start), end: iso(h.previous.end), unavailable },
    figures: figuresOut(current),
    previousFigures: unavailable ? null : figuresOut(figuresOf(deployments, h.previous, changesOf(deployments, h.previous, graph, pullOf))),
    deployments: deployments.filter((d) => d.createdAt >= h.window.start && d.createdAt < h.window.end).map((d) => deploymentOut(d, repoUrl, h.environment)),
    changes: changes.map(changeOut),
    incidents,
    notes,
    definitions: `DORA's five keys as DORA defined them in ${DORA_YEAR}; deploy-guard docs/delivery-report.md. Median: the middle value (the mean of the two middle values for an even count); p90: nearest rank.`
  }
}

function spreadOut(s: Spread): SpreadOut {
  return { n: s.n, medianSeconds: seconds(s.medianMs) ?? null, p90Seconds: seconds(s.p90Ms) ?? null }
}

function figuresOut(f: Figures): FiguresOut {
  return {
    deployments: f.deployments,
    insufficientData: f.insufficient,
    leadTime: {
      ...spreadOut(f.leadTime),
      openToMerge: spreadOut(f.leadTime.openToMerge),
      mergeToDeploy: spreadOut(f.leadTime.mergeToDeploy),
      band: f.leadTime.band ?? null,
      deploymentsWithoutAttribution: f.leadTime.unattributed
    },
    deploymentFrequency: {
      n: f.frequency.n,
      perWeek: f.frequency.perWeek ?? null,
      deploymentDaysPerWeek: f.frequency.daysPerWeek ?? null,
      band: f.frequency.band ?? null
    },
    changeFailRate: {
      n: f.changeFail.n,
      failed: f.changeFail.failed,
      rate: f.changeFail.rate ?? null,
      band: f.changeFail.band ?? null,
      failures: f.changeFail.failures
    },
    recoveryTime: { ...spreadOut(f.recovery), band: f.recovery.band ?? null, unrecovered: f.recovery.unrecovered },
    reworkRate: { n: f.rework.n, rework: f.rework.rework, rate: f.rework.rate ?? null, deployments: f.rework.deployments },
    band: f.band ?? null
  }
}

function deploymentOut(d: Deployment, repoUrl: string, environment: string): DeploymentOut {
  const f = d.failure
  return {
    id: d.id,
    ids: d.ids,
    sha: d.sha,
    version: d.version,
    createdAt: iso(d.createdAt),
    outcome: d.outcome,
    succeededAt: d.succeededAt === undefined ? null : iso(d.succeededAt),
    verifiedAt: d.verifiedAt === undefined ? null : iso(d.verifiedAt),
    kind: d.rollback ? 'rollback' : d.redeploy ? 'redeploy' : 'change',
    changes: d.changes?.length ?? null,
    failed: !!f,
    evidence: {
      ...(f?.verdict?.url && { verdictUrl: f.verdict.url }),
      ...(f?.rollback && { rollbackDeployment: f.rollback.deploymentId, ...(f.rollback.url && { rollbackUrl: f.rollback.url }) }),
      ...(f?.incident && { incident: f.incident.number, incidentUrl: f.incident.url })
    },
    url: d.logUrl || `${repoUrl}/deployments/${encodeURIComponent(environment)}`,
    commitUrl: `${repoUrl}/commit/${d.sha}`
  }
}

function changeOut(c: Change): ChangeOut {
  return {
    sha: c.sha,
    title: c.title,
    author: c.author,
    url: c.url,
    deployment: c.deploymentId,
    pull: c.pull?.number ?? null,
    pullUrl: c.pull?.url ?? null,
    firstCommitAt: iso(c.firstCommitAt),
    deployedAt: iso(c.deployedAt),
    leadTimeSeconds: seconds(c.leadMs) as number,
    openToMergeSeconds: seconds(c.openToMergeMs) ?? null,
    mergeToDeploySeconds: seconds(c.mergeToDeployMs) ?? null
  }
}
