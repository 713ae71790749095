import { formatDuration } from '../values/parse.js'
import { cell, inline, link } from '../text/markdown.js'
import { renderChart } from './render-chart.js'
import { renderRollback } from './render-rollback.js'
import { observedText, samplesByCheck, type VerifyReport } from '../facts/verify-report.js'

// GitHub refuses a step summary over 1 MiB; stay well under it and degrade in steps.
export const SUMMARY_LIMIT = 1024 * 1000

const ICON: Record<string, string> = { passed: '✅', failed: '❌', inconclusive: '⚠️', skipped: '⏭️', stopped: '⏹️' }

/** Pure: the job summary of a verify run. Charts go first when space runs out, then sample detail. */
export function renderSummary(r: VerifyReport): string {
  const full =
    [header(r), limits(r), checksTable(r), charts(r), renderRollback(r.rollback), actions(r), incidentSection(r), footer(r)].filter(Boolean).join('\n\n') + '\n'
  if (Buffer.byteLength(full) <= SUMMARY_LIMIT) return full
  const lean =
    [
      header(r),
      limits(r),
      checksTable(r),
      renderRollback(r.rollback),
      actions(r),
      incidentSection(r),
      '_Charts left out to stay within the summary size limit; the JSON report has every sample._',
      footer(r)
    ].join('\n\n') + '\n'
  if (Buffer.byteLength(lean) <= SUMMARY_LIMIT) return lean
  // Cut by bytes on a character boundary; the JSON report still has everything.
  const cut = Buffer.from(lean)
    .subarray(0, SUMMARY_LIMIT - 100)
    .toString('utf8')
    .replace(/\uFFFD$/, '')
  return cut + '\n\n_Summary cut at the size limit; see the JSON report._\n'
}

function header(r: VerifyReport): string {
  const title = `## ${ICON[r.result]} deploy-guard: ${r.result}`
  const facts = [
    `**Environment** \`${inline(r.environment)}\` · **version** \`${inline(r.version)}\`${r.dryRun ? ' · **dry run**: nothing was changed' : ''}`,
    r.reason ? `**Why:** ${inline(r.reason)}` : ''
  ]
  return [title, ...facts.filter(Boolean)].join('\n\n')
}

function limits(r: VerifyReport): string {
  if (r.result === 'skipped' || r.checks.length === 0) return ''
  const l = r.limits
  const ran = r.roundsRun === r.rounds ? `${r.rounds} rounds` : `${r.roundsRun} of ${r.rounds} rounds run`
  const window = l.durationMs === 0 ? 'single round (duration 0s)' : `${formatDuration(l.durationMs)} every ${formatDuration(l.intervalMs)} (${ran})`
  return [
    `**Window:** ${window}${l.warmupMs ? `, after ${formatDuration(l.warmupMs)} warm-up` : ''}${r.stoppedEarly ? ', stopped early at the first failed check' : ''}.`,
    `**Limits in force:** failure-limit ${l.failureLimit} (failed samples tolerated per check; a failed last sample always fails) · ` +
      `inconclusive after ${l.consecutiveErrorLimit + 1} errors in a row · ` +
      `${l.concurrency} requests at once · bodies up to ${l.maxBodyBytes} bytes · ${l.maxRedirects} redirects · ` +
      `inconclusive ${l.inconclusiveFailsJob ? 'fails the job' : 'passes with a warning'}.`,
    ...(l.failureLimitNote ? ['', `> **Note:** ${inline(l.failureLimitNote)}.`] : [])
  ].join('\n')
}

function checksTable(r: VerifyReport): string {
  if (!r.checks.length) return ''
  const rows = r.checks.map((c) => {
    const t = c.tally
    return `| ${ICON[c.status]} ${cell(c.name)} | ${c.type} | ${cell(observedText(c, { detail: true }))} | ${cell(c.bound)} | ${t.pass} / ${t.fail} / ${t.error} | ${cell(c.reason)} |`
  })
  const formulas = r.checks.filter((c) => c.baselineFormula).map((c) => `- ${inline(c.name)}: ${inline(c.baselineFormula as string)}`)
  const warnings = r.checks.flatMap((c) => c.warnings.map((w) => `- ${inline(c.name)}: ${inline(w)}`))
  return [
    '### Checks',
    '| check | type | observed | bound | pass / fail / error | verdict |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(formulas.length ? ['', '**Baseline arithmetic**', ...formulas] : []),
    ...(warnings.length ? ['', '**Backend warnings** (reported, not failed)', ...warnings] : [])
  ].join('\n')
}

function charts(r: VerifyReport): string {
  const start = Date.parse(r.startedAt)
  const byCheck = samplesByCheck(r.samples)
  const drawn = r.checks
    .filter((c) => c.type !== 'http' || c.threshold !== undefined)
    .map((c) => renderChart(c, byCheck.get(c.name) ?? [], start))
    .filter((c): c is string => c !== undefined)
  return drawn.length ? ['### Over the window', ...drawn].join('\n\n') : ''
}

function actions(r: VerifyReport): string {
  if (!r.actions.length) return ''
  const lines = r.actions.map((a) => `- ${a.ok ? '✔️' : '✖️'} ${link(a.what, a.url)}${a.detail ? `: ${inline(a.detail)}` : ''}`)
  return ['### Actions taken', ...lines].join('\n')
}

/** The incident: a link when posted; the whole text when it could not be, so nothing is lost. */
function incidentSection(r: VerifyReport): string {
  const i = r.incident
  if (!i) return ''
  // Our own link to the issue: the reference is meant, so it is not broken like untrusted text.
  const issueLink = `[incident #${i.number ?? ''} ${i.action ?? ''}](${i.url ?? ''}) (${i.severity ?? ''})`
  if (i.posted && !i.error) return `### Incident\n\n${issueLink}`
  // The issue exists but part of this run's text did not reach it: name it, and say what is missing.
  if (i.posted) return `### Incident\n\n${issueLink}\n\n⚠️ Part of it could not be posted: ${inline(i.error ?? '')} The full text is in the JSON report.`
  if (i.number !== undefined) {
    return [
      `### Incident #${i.number} (this run's update not posted)`,
      `⚠️ [incident #${i.number}](${i.url ?? ''}) is open, but this run's update could not be posted: ${inline(i.error ?? 'unknown error')} Its full text follows.`,
      `<details><summary>${inline(i.title)}</summary>\n\n${i.text}\n\n</details>`
    ].join('\n\n')
  }
  return [
    '### Incident (not posted)',
    `⚠️ The incident issue could not be posted: ${inline(i.error ?? 'unknown error')} Its full text follows; open it by hand if needed.`,
    `<details><summary>${inline(i.title)}</summary>\n\n${i.text}\n\n</details>`
  ].join('\n\n')
}

function footer(r: VerifyReport): string {
  return r.runUrl ? `<sub>${link('workflow run', r.runUrl)} · deploy-guard</sub>` : ''
}
