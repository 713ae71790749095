// "What changed" of the first screen: the commits of the release, newest first, each with the
// pull request GitHub records for it. The newest few are in plain view; the rest of those
// listed fold away, so the first screen still fits what an on-call engineer reads first.
import type { ChangeSet, ChangedCommit } from '../facts/incident-facts.js'
import { code } from './untrusted.js'

/** Commits listed at most (commits-to-pulls is asked about each); the compare link has the rest. */
export const COMMITS_SHOWN = 20
/** Commits in plain view; the others listed are in a collapsed section. */
export const COMMITS_IN_VIEW = 5

/** Pure: the "What changed" section. */
export function renderChanges(c: ChangeSet): string {
  const range = c.base ? `from ${code(c.base, { max: 80 })} (last good) to ${code(c.head, { max: 80 })}` : `up to ${code(c.head, { max: 80 })}`
  const compare = c.compareUrl ? ` · [compare](${c.compareUrl})` : ''
  if (c.note) return `### What changed\n\n${range}: ${c.note}${compare}`
  const listed = c.commits.slice(0, COMMITS_SHOWN)
  const order = c.total > 1 ? ', newest first' : ''
  const head = `### What changed\n\n${c.total} commit${c.total === 1 ? '' : 's'} ${range}${order}${compare}`
  const lines = listed.map(commitLine)
  const inView = lines.slice(0, COMMITS_IN_VIEW)
  const folded = lines.slice(COMMITS_IN_VIEW)
  const left = c.total - listed.length
  const fallback = c.headFallback
    ? `\n\n${code(c.head, { max: 80 })} names no commit of this repository: the range ends at the workflow's commit ${code(c.headFallback.slice(0, 7))}.`
    : ''
  const parts = [head + fallback, '', ...inView]
  if (folded.length)
    parts.push('', `<details><summary>${folded.length} older commit${folded.length === 1 ? '' : 's'}</summary>`, '', ...folded, '', '</details>')
  if (left > 0)
    parts.push('', `_${left} older commit${left === 1 ? ' is' : 's are'} left out here${c.compareUrl ? `: see the [comparison](${c.compareUrl})` : ''}._`)
  return parts.join('\n')
}

function commitLine(k: ChangedCommit): string {
  const who = k.login && k.login !== k.author ? `${code(k.author, { max: 60 })} (${code(k.login, { max: 40 })})` : code(k.author, { max: 60 })
  const pulls = k.pulls.map((n) => `[#${n}](${prUrl(k.url, n)})`).join(' ')
  const pr = pulls ? (k.pullsFrom === 'title' ? ` · ${pulls} (named in the title; GitHub records no PR)` : ` · ${pulls}`) : ''
  return `- [${code(k.sha.slice(0, 7))}](${k.url}) ${code(k.title, { max: 120 })} by ${who}${pr}`
}

function prUrl(commitUrl: string, n: number): string {
  return commitUrl.replace(/\/commit\/[0-9a-f]+$/i, `/pull/${n}`)
}
