// The recovery comment as GitHub renders it (GFM): its only headings are its own three, and the
// post-mortem template's lists render as lists and its action item as a task. An empty `- `
// under `**What went well**:` once turned that line into a setext heading, and an empty
// `- [ ] ` showed as literal brackets.
import { renderRecovery } from '../../src/incident/render-recovery.js'
import { mentionsIn, renderGfm } from '../../test-support/render-gfm.mjs'
import { renderedHeadings, textOf } from '../../test-support/markdown-outline.mjs'

const marker = { environment: 'production', version: 'v1.5.0', deployedAt: 0, detectedAt: 252_000, rollbackSentAt: 255_000 }
const html = renderGfm(
  renderRecovery({
    marker,
    environment: 'production',
    version: 'v1.4.0',
    recoveredAt: 1_000_000,
    runUrl: 'https://github.com/a/b/actions/runs/2',
    closing: true
  })
)
const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => textOf(m[1]))
const listAfter = (label: string): string[] => {
  const at = html.indexOf(`<strong>${label}</strong>`)
  const list = /<ul[^>]*>([\s\S]*?)<\/ul>/.exec(html.slice(at))
  return [...(list?.[1] ?? '').matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1])
}

it('renders only its own headings: Recovered, Timeline, Post-mortem', () => {
  expect(renderedHeadings(html).map((h) => `h${h.level} ${h.text.replace(/\(.*\)/, '').trim()}`)).toEqual([
    'h3 ✅ Recovered: production passed verification',
    'h4 Timeline',
    'h4 Post-mortem'
  ])
})

it('gives each part of the post-mortem its paragraph, the lists their items and the action item a checkbox', () => {
  for (const label of ['Summary', 'Impact', 'Root cause', 'What went well', 'What went wrong', 'Action items'])
    expect(paragraphs.filter((p) => p.startsWith(label))).toHaveLength(1)
  expect(listAfter('What went well').map(textOf)).toEqual([expect.stringMatching(/\w/)])
  expect(listAfter('What went wrong').map(textOf)).toEqual([expect.stringMatching(/\w/)])
  const [action] = listAfter('Action items')
  expect(action).toMatch(/<input type="checkbox" disabled="" \/>/)
  expect(textOf(action)).toMatch(/\w/)
  expect(html).not.toContain('[ ]')
})

it('notifies nobody', () => {
  expect(mentionsIn(html)).toEqual([])
})
