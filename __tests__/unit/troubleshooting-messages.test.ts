// docs/troubleshooting.md (and README's Troubleshooting) is ordered by the exact messages the
// action prints: every message it quotes (a bold code span, a code span opening a table row, a
// README list item) must be one the source can print. Each string and template literal of src/
// becomes a pattern (an interpolation matches any text), and so does each part of a template
// alone; a message passes when those patterns cover every word of it (numbers are example
// values), the doc's placeholders (`<name>`, `...`, `…`) standing for any text. A reworded
// message in src/ (or a message the doc invents) leaves words uncovered and fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

const ROOT = process.cwd()
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : []
  })
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every string and template literal of a TypeScript file, as its literal parts (split where it interpolates). */
function literalsOf(file: string): string[][] {
  const out: string[][] = []
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push([n.text])
    else if (ts.isTemplateExpression(n)) out.push([n.head.text, ...n.templateSpans.map((s) => s.literal.text)])
    ts.forEachChild(n, visit)
  }
  visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true))
  return out
}

// A whole literal (interpolations match any text), and each of its parts alone: the page may
// quote the part of a message that matters, with `...` for the rest.
const wordy = (s: string): boolean => s.replace(/\W/g, '').length >= 6
const PATTERNS = sources(join(ROOT, 'src'))
  .flatMap(literalsOf)
  .flatMap((parts) => [parts, ...(parts.length > 1 ? parts.map((p) => [p.replace(/^\W+|\W+$/g, '')]) : [])])
  .filter((parts) => wordy(parts.join('')))
  .map((parts) => new RegExp(parts.map(escape).join('[\\s\\S]*?'), 'g'))

/** The words of a message no source literal accounts for. */
function uncovered(message: string): string[] {
  const m = message.replace(/<[^>]+>|\.\.\.|…/g, '·').replace(/\s+/g, ' ')
  const covered = new Array<boolean>(m.length).fill(false)
  for (const re of PATTERNS) for (const x of m.matchAll(re)) covered.fill(true, x.index, x.index + x[0].length)
  return [...m]
    .map((c, i) => (covered[i] ? ' ' : c))
    .join('')
    .split(/\s+/)
    .filter((w) => /[A-Za-z]{3,}/.test(w))
}

const doc = readFileSync(join(ROOT, 'docs/troubleshooting.md'), 'utf8')
// README's Troubleshooting section quotes a few of them as list items.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const readmeSection = readme.slice(readme.indexOf('## Troubleshooting'), readme.indexOf('\n## ', readme.indexOf('## Troubleshooting') + 3))
const MESSAGES = [
  ...[...doc.matchAll(/\*\*(`+) ?([\s\S]*?) ?\1\*\*/g)].map((m) => m[2].replace(/\s+/g, ' ')),
  ...[...doc.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]),
  ...[...readmeSection.matchAll(/^- (`+) ?([\s\S]*?) ?\1:/gm)].map((m) => m[2])
]

it('finds the messages the page quotes', () => {
  expect(MESSAGES.length).toBeGreaterThanOrEqual(29)
})

it.each(MESSAGES)('src/ prints: %s', (message) => {
  expect(uncovered(message)).toEqual([])
})

describe('the matcher', () => {
  it('accepts a message with placeholders and example values where the source interpolates', () => {
    expect(uncovered('<n> consecutive errors > limit <m>')).toEqual([])
    expect(uncovered('change-approved by @bob predates the push of 1a2b3c4; re-add it')).toEqual([])
  })

  it('rejects a message the source does not print', () => {
    expect(uncovered('<n> consecutive failures > limit <m>')).not.toEqual([])
    expect(uncovered('the deployment was eaten by a grue')).not.toEqual([])
  })
})
