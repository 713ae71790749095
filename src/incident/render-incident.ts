// The whole incident text: the first screen, then one collapsed section per job log, fitted
// into GitHub's 65,536-character limit per body; what does not fit continues in comments.
import type { IncidentFacts, JobLog } from '../facts/incident-facts.js'
import { renderMarker } from '../facts/incident-marker.js'
import { incidentTitle, jobLink, renderFirstScreen } from './render-first-screen.js'
import { codeBlock, htmlText } from './untrusted.js'

/** GitHub refuses issue and comment bodies longer than this. */
export const MAX_BODY = 65_536
// Room for the continuation heading of a comment.
const COMMENT_HEAD = 200

/** An incident ready to post: the issue (or update comment) body and the comments after it. */
export interface RenderedIncident {
  readonly title: string
  readonly body: string
  readonly comments: readonly string[]
}

/**
 * Pure: the incident as a new issue (`open`, with the marker) or as a comment on the open one
 * (`update`). Every body and comment is at most MAX_BODY characters.
 */
export function renderIncident(f: IncidentFacts, kind: 'open' | 'update', closeOnRecovery: boolean): RenderedIncident {
  const top =
    kind === 'open'
      ? `${renderMarker({ environment: f.environment, version: f.version, deployedAt: f.times.deployedAt, detectedAt: f.times.detectedAt, ...(f.times.rollbackSentAt !== undefined && { rollbackSentAt: f.times.rollbackSentAt }) })}\n`
      : `### 🔁 ${f.result === 'failed' ? 'Failed' : 'Inconclusive'} again${f.runUrl ? ` in [this run](${f.runUrl})` : ''}\n\n`
  const first = cut(top + renderFirstScreen(f, closeOnRecovery), MAX_BODY - 400)
  const sections = logSections(f)
  const body: string[] = [first]
  let size = first.length
  const rest: string[] = []
  for (const s of sections) {
    if (!rest.length && size + s.text.length + 2 <= MAX_BODY) {
      body.push(s.text)
      size += s.text.length + 2
    } else rest.push(fit(s, MAX_BODY - COMMENT_HEAD))
  }
  if (rest.length)
    body.push(`_${rest.length} more log section${rest.length === 1 ? '' : 's'} in the comments below: the body is limited to ${MAX_BODY} characters._`)
  return { title: incidentTitle(f), body: body.join('\n\n'), comments: pack(rest) }
}

interface Section {
  readonly text: string
  readonly job?: JobLog
}

/** The log sections: a heading, then one collapsed section per job with a log or a note. */
function logSections(f: IncidentFacts): Section[] {
  const artifact = f.artifact ? ` Full logs: ${f.artifact.note}${f.artifact.url ? ` [Run artifacts](${f.artifact.url}).` : ''}` : ''
  if (f.logsWithheld) return [{ text: `### Logs\n\n${f.logsWithheld}${artifact}` }]
  if (!f.jobs.length) return [{ text: `### Logs\n\n${f.jobsNote ?? 'No job of this run attempt has a log to attach.'}${artifact}` }]
  const attached = f.jobs.filter((j) => j.excerpt || j.role)
  const others = f.jobs.filter((j) => !attached.includes(j))
  const list = others.length ? `\n\nOther jobs of this attempt: ${others.map((j) => `${jobLink(j)} (${j.conclusion ?? j.status})`).join(', ')}.` : ''
  const head = `### Logs\n\nThe guard's own job is still running: its findings are above.${list}${artifact}`
  return [{ text: head }, ...attached.map((job) => ({ text: jobSection(job), job }))]
}

/**
 * A job's name as a link. Job names are untrusted like commit messages (a matrix value, a
 * name a pull request chose): in a code span nothing in them is a link, emphasis or mention,
 * and a code span binds tighter than the link's brackets, so `]` cannot end the link text.
 */
/** One job's section; `tailLimit` trims the tail when the section must shrink to fit. */
export function jobSection(j: JobLog, tailLimit = Infinity): string {
  const icon = j.conclusion === 'success' ? '✅' : j.conclusion === 'failure' ? '❌' : '⚪'
  const e = j.excerpt
  if (!e)
    return `<details><summary>${icon} ${htmlText(j.name, 80)} (${j.conclusion ?? j.status}): no log</summary>\n\n${j.note ?? 'No log.'} [Job](${j.url}).\n\n</details>`
  const tail = e.tail.slice(Math.max(0, e.tail.length - tailLimit))
  const from = e.tailStart + (e.tail.length - tail.length)
  const summary = `${icon} ${htmlText(j.name, 80)} (${j.conclusion ?? j.status}): ${e.errors.length ? `${e.errors.length}${e.errorsDropped ? '+' : ''} error lines, ` : ''}last ${tail.length} of ${e.totalLines.toLocaleString('en-US')} lines`
  const parts = [`<details><summary>${summary}</summary>`, '', `[Job log](${j.url})${j.note ? `: ${j.note}` : ''}`]
  if (e.errors.length) {
    const dropped = e.errorsDropped ? ` (${e.errorsDropped} more in the middle left out)` : ''
    parts.push('', `**Error lines**${dropped}`, '', codeBlock(e.errors.map((x) => x.text)))
  }
  if (tail.length) parts.push('', `**Last ${tail.length} lines** (from line ${from.toLocaleString('en-US')})`, '', codeBlock(tail))
  parts.push('', '</details>')
  return parts.join('\n')
}

/** Shrinks a section below `max`: a job's tail loses its oldest lines first, then the text is cut. */
function fit(s: Section, max: number): string {
  if (s.text.length <= max) return s.text
  for (let limit = Math.floor((s.job?.excerpt?.tail.length ?? 0) / 2); s.job && limit >= 1; limit = Math.floor(limit / 2)) {
    const smaller = jobSection(s.job, limit)
    if (smaller.length <= max) return smaller
  }
  return cut(s.job ? jobSection(s.job, 0) : s.text, max)
}

/** Groups sections into comments of at most MAX_BODY characters, each with a heading. */
function pack(sections: readonly string[]): string[] {
  const out: string[] = []
  let current: string[] = []
  let size = 0
  for (const s of sections) {
    if (current.length && size + s.length + 2 > MAX_BODY - COMMENT_HEAD) {
      out.push(current.join('\n\n'))
      current = []
      size = 0
    }
    current.push(s)
    size += s.length + 2
  }
  if (current.length) out.push(current.join('\n\n'))
  return out.map((c, i) => `### Logs, continued (${i + 1} of ${out.length})\n\n${c}`)
}

/**
 * Cuts markdown to `max` characters at a line end, closing an open code fence and details
 * section so that what follows is not swallowed.
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const room = max - 120
  let head = text.slice(0, Math.max(0, text.lastIndexOf('\n', room)))
  const fences = [...head.matchAll(/^(`{3,})\w*$/gm)]
  let open: string | undefined
  for (const m of fences) open = open === undefined ? m[1] : m[1].length >= open.length ? undefined : open
  if (open) head += `\n${open}`
  const details = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length
  if (details > 0) head += '\n\n</details>'
  return `${head}\n\n_Cut at GitHub's size limit; the JSON report and the artifact have the rest._`
}
