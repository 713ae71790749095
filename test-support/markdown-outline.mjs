// What a reader of rendered Markdown relies on: fences that close, headings that render as
// headings, and anchors named as GitHub names them. Used by the docs test and the demo page test.

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }
const decode = (text) =>
  text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(\w+);/g, (m, name) => ENTITIES[name] ?? m)

/**
 * Walks the lines of a Markdown source as CommonMark reads fences: a run of 3+ backticks or
 * tildes opens one, a run of the same character at least as long with nothing after closes it.
 * Calls `line(text, inFence)` for every line. Returns the line number of a fence that is left
 * open, or whose would-be closing line carries an info string (```yaml inside a ``` block
 * cannot close it: the author forgot a closing fence, and what follows renders as code), or 0.
 */
function walk(markdown, line = () => {}) {
  let open = null
  let openedAt = 0
  let problem = 0
  markdown.split('\n').forEach((text, i) => {
    const m = /^ {0,3}(?:(?:[-*+]|\d+[.)]) +)?(`{3,}|~{3,})(.*)$/.exec(text) ?? /^\s*(`{3,}|~{3,})(.*)$/.exec(text)
    if (open) {
      if (m && m[1][0] === open[0] && m[1].length >= open.length) {
        if (m[2].trim() === '') open = null
        else problem ||= openedAt
      }
      return line(text, true)
    }
    if (m && !(m[1][0] === '`' && m[2].includes('`'))) {
      open = m[1]
      openedAt = i + 1
      return line(text, true)
    }
    line(text, false)
  })
  return problem || (open ? openedAt : 0)
}

/** The line number of a code fence that never closes, or is closed only by a later block's fence; 0 when every fence closes. */
export function unclosedFence(markdown) {
  return walk(markdown)
}

/** The ATX headings of the source, outside fences and HTML comments, as plain text. */
export function sourceHeadings(markdown) {
  const out = []
  walk(
    markdown.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' ')),
    (text, inFence) => {
      const m = !inFence && /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(text)
      if (m) out.push({ level: m[1].length, text: plainInline(m[2]) })
    }
  )
  return out
}

/** Inline Markdown as the text a reader sees: code spans, emphasis and links reduced to their words. */
function plainInline(s) {
  // Code spans keep their text as it is; emphasis and links outside them are reduced.
  return s
    .split(/(`+[^`]*`+)/)
    .map((part, i) =>
      i % 2
        ? part.replace(/^`+|`+$/g, '')
        : part
            .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
            .replace(/(\*\*|\*)(\S(?:.*?\S)?)\1/g, '$2')
            .replace(/(?<!\w)(__|_)(\S(?:.*?\S)?)\1(?!\w)/g, '$2')
    )
    .join('')
    .trim()
}

/** The headings of rendered HTML, in order, as text. */
export function renderedHeadings(html) {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)].map((m) => ({ level: Number(m[1]), text: textOf(m[2]) }))
}

/** The text of an HTML fragment. */
export function textOf(html) {
  return decode(html.replace(/<[^>]+>/g, '')).trim()
}

/** GitHub's anchor for a heading text (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor a rendered page offers: heading slugs (with GitHub's -1, -2 for repeats) and explicit ids and names. */
export function anchorsOf(html) {
  const seen = new Map()
  const anchors = new Set()
  for (const h of renderedHeadings(html)) {
    const base = slug(h.text)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    anchors.add(n ? `${base}-${n}` : base)
  }
  for (const m of html.matchAll(/<[a-z][^>]*\b(?:id|name)="([^"]+)"/gi)) anchors.add(decode(m[1]))
  return anchors
}
