// Pure: the job summary of the delivery report: a table per figure with its n, the previous
// window and the DORA band (year printed), a weekly Mermaid chart, and the deployments behind
// each number linked. Cut in steps to stay under GitHub's 1 MiB summary limit.
import { BAND_TEXT, DORA_YEAR } from './bands.js'
import type { DeliveryReport, DeploymentOut, FiguresOut, SpreadOut } from './build-report.js'
import { cell, link } from '../text/markdown.js'
import { code } from '../incident/untrusted.js'
import { span } from '../incident/times.js'

/** GitHub refuses a step summary over 1 MiB; leave room for the runner's own framing. */
export const SUMMARY_LIMIT = 1024 * 1024 - 4096
const NO_DATA = 'insufficient data'

const secs = (s: number | null): string => (s === null ? '—' : span(s * 1000))
const pct = (r: number | null): string => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)} %`)
const num = (x: number | null): string => (x === null ? '—' : (Math.round(x * 100) / 100).toFixed(2))
const band = (b: string | null, why: string): string => (b ? `**${b}** (DORA ${DORA_YEAR}: ${why})` : '—')

/** Pure: the summary markdown, within `limit` bytes (the step summary's, or an issue body's). */
export function renderReportSummary(r: DeliveryReport, weekly: readonly WeekRow[], limit = SUMMARY_LIMIT): string {
  for (const rows of [Infinity, 200, 50, 0]) {
    const text = render(r, weekly, rows)
    if (Buffer.byteLength(text, 'utf8') <= limit) return text
  }
  return render(r, [], 0).slice(0, limit)
}

export interface WeekRow {
  readonly week: string
  readonly deployments: number
  readonly failed: number
}

/** Pure: deployments and failures per week of the window (weeks start at the window's start). */
export function weeklyRows(r: DeliveryReport): WeekRow[] {
  const start = Date.parse(r.window.start)
  const weeks = Math.max(1, Math.ceil((Date.parse(r.window.end) - start) / (7 * 86_400_000)))
  const rows = Array.from({ length: weeks }, (_, i) => ({ week: new Date(start + i * 7 * 86_400_000).toISOString().slice(5, 10), deployments: 0, failed: 0 }))
  for (const d of r.deployments) {
    const i = Math.min(weeks - 1, Math.floor((Date.parse(d.createdAt) - start) / (7 * 86_400_000)))
    if (d.outcome === 'success') rows[i].deployments++
    if (d.failed) rows[i].failed++
  }
  return rows
}

function render(r: DeliveryReport, weekly: readonly WeekRow[], maxRows: number): string {
  const f = r.figures
  const p = r.previousFigures
  const prev = (text: (x: FiguresOut) => string): string => (p ? (p.insufficientData ? NO_DATA : text(p)) : (r.previousWindow.unavailable ?? '—'))
  const value = (text: string): string => (f.insufficientData ? NO_DATA : text)
  const out: string[] = [
    `## 📊 deploy-guard delivery report: ${code(r.environment)}`,
    `${r.window.start.slice(0, 10)} to ${r.window.end.slice(0, 10)} (${r.window.days} days), ${f.deployments} deployment(s). ` +
      `DORA ${DORA_YEAR} band: ${f.insufficientData ? `**${NO_DATA}** (under 5 deployments)` : `**${f.band ?? '—'}**`} (the lowest band of the four banded keys).`
  ]
  if (r.notes.length) out.push(r.notes.map((n) => `> ⚠️ ${cell(n)}`).join('\n>\n'))
  out.push(
    '### Lead time for changes',
    spreadTable(
      f.leadTime,
      prev((x) => spreadText(x.leadTime)),
      value,
      "first commit of the change's PR to its deployment"
    ) +
      `\n| open to merge | ${value(spreadText(f.leadTime.openToMerge))} | ${f.leadTime.openToMerge.n} | ${prev((x) => spreadText(x.leadTime.openToMerge))} |` +
      `\n| merge to deploy | ${value(spreadText(f.leadTime.mergeToDeploy))} | ${f.leadTime.mergeToDeploy.n} | ${prev((x) => spreadText(x.leadTime.mergeToDeploy))} |`,
    `Band: ${band(f.leadTime.band, BAND_TEXT.leadTime)}`,
    '### Deployment frequency',
    table([
      [
        'successful deployments per week',
        value(num(f.deploymentFrequency.perWeek)),
        String(f.deploymentFrequency.n),
        prev((x) => num(x.deploymentFrequency.perWeek))
      ],
      [
        'deployment days per week',
        value(num(f.deploymentFrequency.deploymentDaysPerWeek)),
        String(f.deploymentFrequency.n),
        prev((x) => num(x.deploymentFrequency.deploymentDaysPerWeek))
      ]
    ]),
    `Band: ${band(f.deploymentFrequency.band, BAND_TEXT.frequency)}`,
    '### Change fail rate',
    table([
      [
        'failed deployments (guard verdict, rollback or incident) over deployments other than rollbacks',
        value(pct(f.changeFailRate.rate)),
        `${f.changeFailRate.failed} / ${f.changeFailRate.n}`,
        prev((x) => pct(x.changeFailRate.rate))
      ]
    ]),
    `Band: ${band(f.changeFailRate.band, BAND_TEXT.changeFail)}`,
    evidence(
      r.deployments.filter((d) => d.failed),
      maxRows
    ),
    '### Failed deployment recovery time',
    spreadTable(
      f.recoveryTime,
      prev((x) => spreadText(x.recoveryTime)),
      value,
      'failure verdict to the next passing verification'
    ),
    `Band: ${band(f.recoveryTime.band, BAND_TEXT.recovery)}${f.recoveryTime.unrecovered.length ? ` · not recovered yet: ${f.recoveryTime.unrecovered.length}` : ''}`,
    '### Deployment rework rate',
    table([
      [
        'rollbacks and redeploys of earlier versions over all deployments',
        value(pct(f.reworkRate.rate)),
        `${f.reworkRate.rework} / ${f.reworkRate.n}`,
        prev((x) => pct(x.reworkRate.rate))
      ]
    ]),
    `Band: ${BAND_TEXT.rework}.`
  )
  if (weekly.length) out.push('### Weekly', chart(weekly))
  out.push('### Deployments', deploymentTable(r.deployments, maxRows))
  out.push(`_${cell(r.definitions)} Files: the JSON report (output \`report\`), CSV of deployments, changes and incidents, and a shields.io badge next to it._`)
  return out.join('\n\n') + '\n'
}

function table(rows: readonly (readonly string[])[]): string {
  return ['| figure | value | n | previous window |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n')
}

function spreadText(s: SpreadOut): string {
  return s.medianSeconds === null ? '—' : `median ${secs(s.medianSeconds)}, p90 ${secs(s.p90Seconds)}`
}

function spreadTable(s: SpreadOut, previous: string, value: (t: string) => string, what: string): string {
  return table([[what, value(spreadText(s)), String(s.n), previous]])
}

function evidence(failed: readonly DeploymentOut[], maxRows: number): string {
  if (!failed.length) return '_No failed deployment in the window._'
  const rows = failed.slice(0, maxRows).map((d) => {
    const e = d.evidence
    const links = [
      e.verdictUrl && link('verdict', e.verdictUrl),
      e.rollbackDeployment !== undefined &&
        (e.rollbackUrl ? link(`rollback (deployment ${e.rollbackDeployment})`, e.rollbackUrl) : `rollback (deployment ${e.rollbackDeployment})`),
      e.incident !== undefined && link(`incident #${e.incident}`, e.incidentUrl)
    ].filter(Boolean)
    return `| ${link(String(d.id), d.url)} | ${code(d.version, { max: 40, cell: true })} | ${d.createdAt.replace('T', ' ').slice(0, 16)} | ${links.join(', ')} |`
  })
  const more = failed.length > rows.length ? `\n\n_${failed.length - rows.length} more in the JSON report and deployments CSV._` : ''
  return ['| failed deployment | version | created | evidence |', '| --- | --- | --- | --- |', ...rows].join('\n') + more
}

function chart(weeks: readonly WeekRow[]): string {
  const max = Math.max(1, ...weeks.map((w) => w.deployments))
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Successful deployments (bars) and failed deployments (line) per week"',
    `  x-axis [${weeks.map((w) => `"${w.week}"`).join(', ')}]`,
    `  y-axis "deployments" 0 --> ${max}`,
    `  bar [${weeks.map((w) => w.deployments).join(', ')}]`,
    `  line [${weeks.map((w) => w.failed).join(', ')}]`,
    '```'
  ].join('\n')
}

function deploymentTable(list: readonly DeploymentOut[], maxRows: number): string {
  if (!list.length) return '_No deployment in the window._'
  const rows = [...list]
    .reverse()
    .slice(0, maxRows)
    .map(
      (d) =>
        `| ${link(String(d.id), d.url)} | ${code(d.version, { max: 40, cell: true })} | ${d.createdAt.replace('T', ' ').slice(0, 16)} | ${d.outcome}${d.failed ? ' (failed)' : ''} | ${d.kind} | ${d.changes ?? '?'} |`
    )
  const more = list.length > rows.length ? `\n\n_${list.length - rows.length} older deployment(s) in the JSON report and deployments CSV._` : ''
  return ['| deployment | version | created (UTC) | outcome | kind | changes |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + more
}
