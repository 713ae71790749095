// README's quick starts are the files of examples/ (which examples.test.ts lints and checks
// against action.yml and the permissions table): a yaml block preceded by an
// `<!-- examples/<file> -->` comment, or under a heading naming that file, must equal the file,
// and every workflow README shows must be such a block, so a README snippet cannot drift.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = process.cwd()
const pages = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
]

interface Block {
  page: string
  line: number
  names?: string
  text: string
}

/** The yaml fences of a page, each with the examples/ file its comment or heading names. */
function yamlBlocks(page: string, source: string): Block[] {
  const lines = source.split('\n')
  const out: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l))
    let k = i - 1
    while (k >= 0 && lines[k].trim() === '') k--
    const marker = /^<!--\s*(examples\/\S+)\s*-->$/.exec(lines[k]?.trim() ?? '') ?? /^#{1,6} .*?(examples\/[\w./-]+\.ya?ml)/.exec(lines[k] ?? '')
    out.push({ page, line: i + 1, names: marker?.[1], text: lines.slice(i + 1, end).join('\n') + '\n' })
    i = end
  }
  return out
}

const blocks = pages.flatMap((p) => yamlBlocks(p, readFileSync(join(ROOT, p), 'utf8')))
const named = blocks.filter((b) => b.names)

it('README shows the quick start of every mode as an example file', () => {
  const readme = named.filter((b) => b.page === 'README.md').map((b) => b.names)
  expect(readme).toEqual(
    expect.arrayContaining(['examples/verify-rollback-workflow.yml', 'examples/approval.yml', 'examples/gate.yml', 'examples/drill.yml', 'examples/report.yml'])
  )
})

it.each(named.map((b) => [`${b.page}:${b.line}`, b] as const))('%s equals the file it names', (_, b) => {
  expect(existsSync(join(ROOT, b.names as string))).toBe(true)
  expect(b.text).toBe(readFileSync(join(ROOT, b.names as string), 'utf8'))
})

it('README shows no workflow that is not an example file', () => {
  const loose = blocks.filter((b) => b.page === 'README.md' && !b.names && /^jobs:/m.test(b.text)).map((b) => `README.md:${b.line}`)
  expect(loose).toEqual([])
})

describe('the block finder', () => {
  const src = '# A\n\n<!-- examples/x.yml -->\n```yaml\na: 1\n```\n\n### From examples/y.yml\n\n```yml\nb: 2\n```\n\n```yaml\njobs: {}\n```\n'
  it('names a block by the comment or the heading right before it, and no other', () => {
    expect(yamlBlocks('p.md', src).map((b) => [b.line, b.names, b.text])).toEqual([
      [4, 'examples/x.yml', 'a: 1\n'],
      [10, 'examples/y.yml', 'b: 2\n'],
      [14, undefined, 'jobs: {}\n']
    ])
  })
})
