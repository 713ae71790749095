// report-window and the report.* config: the window in days, weeks or hours, bounded, and the
// Markdown file inside the workspace; every error names where the value came from.
import { reportSettings } from '../../src/settings/report-settings.js'

const DAY = 86_400_000
const where = 'config .github/deploy-guard.yml: '

describe('report settings', () => {
  it.each([
    ['', {}, 90 * DAY],
    ['30d', { window: '7d' }, 30 * DAY],
    ['', { window: '12w' }, 84 * DAY],
    ['720h', {}, 30 * DAY]
  ])('input %j, config %j: %d ms', (input, cfg, ms) => {
    expect(reportSettings(input, cfg, where, '/ws').windowMs).toBe(ms)
  })

  it.each([
    ['3 months', {}, 'input report-window: got "3 months"'],
    ['0d', {}, 'input report-window: got "0d"'],
    ['', { window: '400d' }, 'config .github/deploy-guard.yml: report.window: got "400d"'],
    ['12h', {}, 'input report-window: got "12h"']
  ])('refuses %j %j', (input, cfg, message) => {
    expect(() => reportSettings(input, cfg, where, '/ws')).toThrow(message)
  })

  it('the Markdown file lies in the workspace', () => {
    expect(reportSettings('', { 'markdown-file': 'docs/report.md' }, where, '/ws').markdownFile).toBe('/ws/docs/report.md')
    expect(() => reportSettings('', { 'markdown-file': '../elsewhere.md' }, where, '/ws')).toThrow(
      'report.markdown-file: got "../elsewhere.md"; expected a path inside the workspace'
    )
  })

  it('report.issue is off unless set to true; anything but a boolean is refused', () => {
    expect(reportSettings('', {}, where, '/ws').issue).toBe(false)
    expect(reportSettings('', { issue: true }, where, '/ws').issue).toBe(true)
    expect(() => reportSettings('', { issue: 'yes please' }, where, '/ws')).toThrow('report.issue: got "yes please"; expected true or false')
  })
})
