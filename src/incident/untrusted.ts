// Untrusted text (commit messages, PR titles, author names, branch names, log lines) in an
// issue body. GitHub renders mentions, issue references, autolinks and HTML anywhere but in code,
// and a backslash or an entity before `@` still notifies (PRODUCT.md section 6): code spans and
// code blocks are the only places where nothing is interpreted, so untrusted text goes there.

// Controls other than tab, and the bidirectional overrides that make text read other than it is.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g

/** Text on one line, without control characters, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max = 200): string {
  const flat = text
    .replace(/\r?\n|\r/g, ' ')
    .replace(INVISIBLE, '')
    .trim()
  if (flat.length <= max) return flat
  // Cut at a word when one is near: half a word (`by in…`) reads as another word.
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`
}

/**
 * A code span holding the text literally: the delimiter is one backtick longer than the
 * longest run inside, with a space of padding where the text starts or ends with a backtick.
 * In a table cell (`cell`), pipes are escaped: GFM splits cells before it reads code spans.
 */
export function code(text: string, { max = 200, cell = false }: { max?: number; cell?: boolean } = {}): string {
  let t = oneLine(text, max)
  if (t === '') return '` `'
  if (cell) t = t.replace(/\|/g, '\\|')
  const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : ''
  return `${fence}${pad}${t}${pad}${fence}`
}

/**
 * A fenced code block holding the lines literally: the fence is longer than any run of
 * backticks in them, so no line can close it. Lines lose control characters.
 */
export function codeBlock(lines: readonly string[], info = 'text'): string {
  const body = lines.map((l) => l.replace(INVISIBLE, '')).join('\n')
  const longest = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length))
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return `${fence}${info}\n${body}\n${fence}`
}

/** Text for HTML such as a `<summary>`: escaped, and no mention or reference can form. */
export function htmlText(text: string, max = 200): string {
  return oneLine(text, max)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/@/g, '@\u200b')
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/:\/\//g, ':/\u200b/')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`)
}
