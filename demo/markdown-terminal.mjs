// GFM as a person reads it in a terminal: headings in bold, tables drawn as tables, task lists
// as boxes, collapsed sections as a one-line title, Mermaid line charts as sparklines. The
// Markdown is parsed (mdast, with GitHub's extensions), never shown raw.
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { gfm } from 'micromark-extension-gfm'

// An inner reset would end the outer style too: re-apply it after each one.
const style = (code) => (s) => `\x1b[${code}m${s.replaceAll('\x1b[0m', `\x1b[0m\x1b[${code}m`)}\x1b[0m`
const bold = style(1)
const dim = style(2)
const italic = style(3)
const underline = style(4)
const cyan = style(36)
// eslint-disable-next-line no-control-regex -- ANSI escapes are what this strips
const plain = (s) => s.replace(/\x1b\[[0-9;]*m/g, '')

/** Columns a string takes in a terminal: wide for emoji and CJK, zero for joiners and variation selectors. */
export function widthOf(s) {
  let w = 0
  for (const ch of plain(s)) {
    const c = ch.codePointAt(0)
    if (c === 0x200b || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0x300 && c <= 0x36f)) continue
    w +=
      (c >= 0x1f000 && c <= 0x1faff) ||
      (c >= 0x2600 && c <= 0x27bf) ||
      (c >= 0x2b00 && c <= 0x2bff) ||
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xff00 && c <= 0xff60)
        ? 2
        : 1
  }
  return w
}

const pad = (s, w) => s + ' '.repeat(Math.max(0, w - widthOf(s)))

function inline(nodes) {
  return nodes
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.value.replace(/\u200b/g, '')
        case 'inlineCode':
          return cyan(n.value)
        case 'strong':
          return bold(inline(n.children))
        case 'emphasis':
          return italic(inline(n.children))
        case 'delete':
          return dim(inline(n.children))
        case 'link':
          return underline(inline(n.children))
        case 'image':
          return `[image: ${n.alt ?? ''}]`
        case 'break':
          return '\n'
        case 'html':
          // <sub>, <br>, comments: keep the words, drop the tags.
          return /^<br\s*\/?>$/i.test(n.value) ? '\n' : n.value.replace(/<!--[\s\S]*?-->|<[^>]+>/g, '')
        default:
          return n.children ? inline(n.children) : (n.value ?? '')
      }
    })
    .join('')
}

const SPARK = '▁▂▃▄▅▆▇█'

/** A Mermaid xychart's lines as sparklines; any other diagram as its first line. */
function mermaid(code) {
  const title = /title\s+"([^"]*)"/.exec(code)?.[1] ?? 'chart'
  const lines = [...code.matchAll(/^\s*line\s+\[([^\]]*)\]/gm)].map((m) => m[1].split(',').map(Number))
  if (!lines.length) return [dim(`[diagram: ${code.trim().split('\n')[0]}]`)]
  const all = lines.flat()
  const [lo, hi] = [Math.min(...all), Math.max(...all)]
  const spark = (xs) => xs.map((x) => SPARK[hi === lo ? 0 : Math.round(((x - lo) / (hi - lo)) * (SPARK.length - 1))]).join('')
  const [values, ...bounds] = lines
  return [
    `${bold(title)}  ${spark(values)}  ${dim(`${values[0]} → ${values.at(-1)}`)}`,
    ...bounds.map((b) => dim(`${' '.repeat(widthOf(title))}  ${spark(b)}  bound ${b[0]}`))
  ]
}

function table(node) {
  const rows = node.children.map((r) => r.children.map((c) => inline(c.children)))
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => widthOf(r[i] ?? ''))))
  const line = (l, m, r) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r
  const row = (cells, head) => '│' + widths.map((w, i) => ` ${pad(head ? bold(cells[i] ?? '') : (cells[i] ?? ''), w)} `).join('│') + '│'
  return [line('┌', '┬', '┐'), row(rows[0], true), line('├', '┼', '┤'), ...rows.slice(1).map((r) => row(r, false)), line('└', '┴', '┘')]
}

function block(n, depth = 0) {
  switch (n.type) {
    case 'heading':
      return [n.depth <= 2 ? bold(underline(inline(n.children))) : bold(inline(n.children))]
    case 'paragraph':
      return inline(n.children).split('\n')
    case 'list':
      return n.children.flatMap((item, i) => {
        const mark = item.checked === true ? '☑' : item.checked === false ? '☐' : n.ordered ? `${(n.start ?? 1) + i}.` : '•'
        const [first = '', ...rest] = item.children.flatMap((c) => block(c, depth + 1))
        return [`${mark} ${first}`, ...rest.map((l) => `  ${l}`)]
      })
    case 'table':
      return table(n)
    case 'code':
      return n.lang === 'mermaid' ? mermaid(n.value) : n.value.split('\n').map((l) => dim(`  ${l}`))
    case 'blockquote':
      return n.children.flatMap((c) => block(c, depth)).map((l) => dim('▌ ') + l)
    case 'thematicBreak':
      return [dim('─'.repeat(40))]
    case 'html': {
      const summary = /<summary>([\s\S]*?)<\/summary>/i.exec(n.value)
      if (summary) return [`▸ ${summary[1].replace(/<[^>]+>/g, '')} ${dim('(collapsed)')}`]
      const text = n.value.replace(/<!--[\s\S]*?-->|<[^>]+>/g, '').trim()
      return text ? [text] : []
    }
    default:
      return n.children ? n.children.flatMap((c) => block(c, depth)) : []
  }
}

/** GFM as terminal text, one string per line; blank lines between blocks, none where a block renders to nothing. */
export function markdownToTerminal(markdown) {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
  const out = []
  let collapsed = false
  for (const n of tree.children) {
    // Inside <details> only the summary shows, as on GitHub until a reader opens it.
    if (collapsed) {
      if (n.type === 'html' && /<\/details>/i.test(n.value)) collapsed = false
      continue
    }
    if (n.type === 'html' && /<details\b/i.test(n.value) && !/<\/details>/i.test(n.value)) collapsed = true
    const lines = block(n)
    if (!lines.length) continue
    if (out.length) out.push('')
    out.push(...lines)
  }
  return out
}
