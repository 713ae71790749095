// Pure: the CSV files (one row per deployment, change and incident), the shields.io endpoint
// badge and the step outputs of PRODUCT.md section 10, from the report.
import { DORA_YEAR } from './bands.js'
import type { DeliveryReport } from './build-report.js'

/** A CSV field: quoted when it holds a comma, quote or line break; formula starters defused for spreadsheets. */
function field(v: string | number | boolean | null | undefined): string {
  let t = v === null || v === undefined ? '' : String(v)
  if (/^[=+\-@\t\r]/.test(t) && typeof v === 'string') t = `'${t}`
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
}

function csv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

/** Pure: the three CSV files by name. */
export function renderCsv(r: DeliveryReport): Record<'deployments.csv' | 'changes.csv' | 'incidents.csv', string> {
  return {
    'deployments.csv': csv(
      [
        'id',
        'sha',
        'version',
        'created_at',
        'outcome',
        'succeeded_at',
        'verified_at',
        'kind',
        'changes',
        'failed',
        'verdict_url',
        'rollback_deployment',
        'incident',
        'url'
      ],
      r.deployments.map((d) => [
        d.id,
        d.sha,
        d.version,
        d.createdAt,
        d.outcome,
        d.succeededAt,
        d.verifiedAt,
        d.kind,
        d.changes,
        d.failed,
        d.evidence.verdictUrl,
        d.evidence.rollbackDeployment,
        d.evidence.incident,
        d.url
      ])
    ),
    'changes.csv': csv(
      [
        'sha',
        'title',
        'author',
        'deployment',
        'pull',
        'first_commit_at',
        'deployed_at',
        'lead_time_seconds',
        'open_to_merge_seconds',
        'merge_to_deploy_seconds'
      ],
      r.changes.map((c) => [
        c.sha,
        c.title,
        c.author,
        c.deployment,
        c.pull,
        c.firstCommitAt,
        c.deployedAt,
        c.leadTimeSeconds,
        c.openToMergeSeconds,
        c.mergeToDeploySeconds
      ])
    ),
    'incidents.csv': csv(
      ['number', 'url', 'version', 'detected_at', 'closed_at', 'deployment'],
      r.incidents.map((i) => [i.number, i.url, i.version, i.detectedAt, i.closedAt, i.deployment])
    )
  }
}

const COLORS = { elite: 'brightgreen', high: 'green', medium: 'yellow', low: 'orange' } as const

/** Pure: the shields.io endpoint JSON (https://shields.io/badges/endpoint-badge). */
export function renderBadge(r: DeliveryReport): string {
  const f = r.figures
  const message = f.insufficientData ? 'insufficient data' : (f.band ?? 'no data')
  const color = f.band && !f.insufficientData ? COLORS[f.band] : 'lightgrey'
  return JSON.stringify({ schemaVersion: 1, label: `DORA ${DORA_YEAR} (${r.environment})`, message, color }) + '\n'
}

/** Pure: the step outputs; a figure without enough data is an empty string. `report` only when given (the publisher sets it). */
export function reportOutputs(r: DeliveryReport, reportPath?: string): Record<string, string> {
  const f = r.figures
  const ok = !f.insufficientData
  const n = (x: number | null): string => (ok && x !== null ? String(Math.round(x * 10_000) / 10_000) : '')
  return {
    ...(reportPath !== undefined && { report: reportPath }),
    deployments: String(f.deployments),
    'deployment-frequency': n(f.deploymentFrequency.perWeek),
    'lead-time-median-seconds': n(f.leadTime.medianSeconds),
    'change-fail-rate': n(f.changeFailRate.rate),
    'recovery-time-median-seconds': n(f.recoveryTime.medianSeconds),
    'rework-rate': n(f.reworkRate.rate),
    'dora-band': ok ? (f.band ?? '') : ''
  }
}
