// README.md and every page under docs/ and examples/ as GitHub renders them (GFM): every code
// fence closes, every heading of the source renders as a heading (an unclosed fence once
// swallowed a whole README section), and every internal link and #anchor resolves.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { linksIn, renderGfm } from '../../test-support/render-gfm.mjs'
import { anchorsOf, renderedHeadings, slug, sourceHeadings, unclosedFence } from '../../test-support/markdown-outline.mjs'

const ROOT = process.cwd()

function markdownUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f)
    return statSync(join(ROOT, p)).isDirectory() ? markdownUnder(p) : p.endsWith('.md') ? [p] : []
  })
}

const PAGES = ['README.md', ...markdownUnder('docs'), ...(existsSync(join(ROOT, 'examples')) ? markdownUnder('examples') : [])]
const html = new Map<string, string>()
const rendered = (page: string): string => {
  if (!html.has(page)) html.set(page, renderGfm(readFileSync(join(ROOT, page), 'utf8')))
  return html.get(page) as string
}

/** Where a link points, when it points inside the repository: the file and the anchor. */
function internalTarget(page: string, href: string): { file: string; anchor: string } | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return undefined
  const [path, anchor = ''] = href.split('#')
  const file = path ? relative(ROOT, resolve(ROOT, dirname(page), decodeURIComponent(path))) : page
  return { file, anchor: decodeURIComponent(anchor) }
}

it('finds the pages to check', () => {
  expect(PAGES).toEqual(expect.arrayContaining(['README.md', 'docs/playbooks/incident-response.md', 'docs/reference.md']))
})

describe.each(PAGES)('%s', (page) => {
  const source = readFileSync(join(ROOT, page), 'utf8')

  it('closes every code fence', () => {
    expect({ page, unclosedFenceAtLine: unclosedFence(source) }).toEqual({ page, unclosedFenceAtLine: 0 })
  })

  it('renders every heading of the source as a heading', () => {
    const want = sourceHeadings(source).map((h) => `h${h.level} ${h.text}`)
    const got = renderedHeadings(rendered(page)).map((h) => `h${h.level} ${h.text}`)
    expect(got).toEqual(want)
    expect(want.length).toBeGreaterThan(0)
  })

  it('links only to files, images and anchors that exist', () => {
    const broken: string[] = []
    const images = [...rendered(page).matchAll(/<img\b[^>]*\bsrc="([^"]*)"/gi)].map((m) => m[1])
    for (const href of [...linksIn(rendered(page)), ...images]) {
      const t = internalTarget(page, href)
      if (!t) continue
      if (t.file.startsWith('..') || !existsSync(join(ROOT, t.file))) {
        broken.push(`${href}: no file ${t.file}`)
        continue
      }
      if (!t.anchor) continue
      if (!t.file.endsWith('.md')) broken.push(`${href}: an anchor into a file that is not Markdown`)
      else if (!anchorsOf(rendered(t.file)).has(t.anchor)) broken.push(`${href}: no heading or anchor #${t.anchor} in ${t.file}`)
    }
    expect(broken).toEqual([])
  })
})

describe('the checks themselves', () => {
  it('catch a fence left open, which swallows the headings after it', () => {
    const md = '# A\n\n```yaml\nx: 1\n\n## B\n'
    expect(unclosedFence(md)).toBe(3)
    expect(renderedHeadings(renderGfm(md)).map((h) => h.text)).toEqual(['A'])
  })

  it('catch a fence closed only by the next block, as the drill example once was', () => {
    const md = '# A\n\n```yaml\nx: 1\n\n## B\n\n```yaml\ny: 2\n```\n'
    expect(unclosedFence(md)).toBe(3)
    expect(unclosedFence(md.replace('x: 1\n', 'x: 1\n```\n'))).toBe(0)
  })

  it('accept a longer fence that shows a fenced block', () => {
    expect(unclosedFence('````markdown\n```yaml\nx: 1\n```\n````\n')).toBe(0)
  })

  it('name anchors as GitHub does', () => {
    expect(slug('Change approval and gate')).toBe('change-approval-and-gate')
    expect(slug('Fork pull requests, and why pull_request_target is safe here')).toBe('fork-pull-requests-and-why-pull_request_target-is-safe-here')
    expect(slug('Networks: proxies, certificates, redirects')).toBe('networks-proxies-certificates-redirects')
    expect(slug('drill')).toBe('drill')
    expect([...anchorsOf(renderGfm('## Config\n\n## Config\n'))]).toEqual(['config', 'config-1'])
  })
})
