// The demo prints what a person reads on GitHub, not the Markdown behind it.
import { markdownToTerminal, widthOf } from '../../demo/markdown-terminal.mjs'

// eslint-disable-next-line no-control-regex -- styles are not the text
const plain = (md: string): string[] => markdownToTerminal(md).map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''))

it('draws a table with aligned columns, emoji counted as two columns', () => {
  const lines = plain('| check | verdict |\n| --- | --- |\n| ❌ health | failed |\n| error-rate | passed |\n')
  expect(lines).toEqual([
    '┌────────────┬─────────┐',
    '│ check      │ verdict │',
    '├────────────┼─────────┤',
    '│ ❌ health  │ failed  │',
    '│ error-rate │ passed  │',
    '└────────────┴─────────┘'
  ])
})

it('shows headings, emphasis, code and links as their text', () => {
  expect(plain('### What failed\n\n**Why:** `error-rate` over [the bound](https://example.com)')).toEqual(['What failed', '', 'Why: error-rate over the bound'])
})

it('shows task lists as boxes and keeps collapsed sections collapsed', () => {
  const md = '- [ ] Read the logs\n- [x] Roll back\n\n<details><summary>❌ smoke-test (failure)</summary>\n\n```text\nError: boom\n```\n\n</details>\n\nafter'
  expect(plain(md)).toEqual(['☐ Read the logs', '☑ Roll back', '', '▸ ❌ smoke-test (failure) (collapsed)', '', 'after'])
})

it('draws a Mermaid line chart as a sparkline with its bound', () => {
  const md = '```mermaid\nxychart-beta\n  title "error-rate"\n  line [0.01, 0.03, 0.09]\n  line [0.05, 0.05, 0.05]\n```'
  const [values, bound] = plain(md)
  expect(values).toBe('error-rate  ▁▃█  0.01 → 0.09')
  expect(bound.trim()).toBe('▅▅▅  bound 0.05')
})

it('drops hidden comments and never prints raw Markdown syntax', () => {
  const lines = plain('<!-- deploy-guard:incident {} -->\n## 🔴 sev1\n\n| a |\n| --- |\n| b |\n')
  expect(lines.join('\n')).not.toMatch(/<!--|^#|\| --- \|/m)
  expect(widthOf('🔴 sev1')).toBe(7)
})
