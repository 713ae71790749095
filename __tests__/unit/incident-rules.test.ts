import { decideSeverity, raise } from '../../src/incident/severity.js'
import { DEFAULT_SEVERITY_RULES } from '../../src/settings/incident-settings.js'
import { code, codeBlock, htmlText } from '../../src/incident/untrusted.js'
import { parseMarker, renderMarker } from '../../src/facts/incident-marker.js'
import { recoveryFigures, renderRecovery } from '../../src/incident/render-recovery.js'
import { notifyMessage } from '../../src/incident/notify-message.js'
import { span } from '../../src/incident/times.js'

const facts = { environment: 'production', production: true, result: 'failed' as const, tags: [] as string[], rollbackFailed: false }

describe('severity', () => {
  it.each([
    ['production failed', {}, 'sev1'],
    ['staging failed', { environment: 'staging', production: false }, 'sev2'],
    ['production inconclusive', { result: 'inconclusive' as const }, 'sev3'],
    ['staging failed, rollback failed', { environment: 'staging', production: false, rollbackFailed: true }, 'sev1'],
    ['production failed, rollback failed: already the top', { rollbackFailed: true }, 'sev1'],
    ['inconclusive, rollback failed', { result: 'inconclusive' as const, rollbackFailed: true }, 'sev2']
  ])('default rules: %s is %s', (_, over, expected) => {
    expect(decideSeverity(DEFAULT_SEVERITY_RULES, { ...facts, ...over }).severity).toBe(expected)
  })

  it('takes the first matching config rule, by environment, result and tag', () => {
    const rules = [
      { tag: 'security', severity: 'sev1' as const },
      { environment: 'staging', severity: 'sev4' as const }
    ]
    expect(decideSeverity(rules, { ...facts, environment: 'staging', tags: ['security'] })).toEqual({ severity: 'sev1', why: 'rule 1 (tag security: sev1)' })
    expect(decideSeverity(rules, { ...facts, environment: 'staging' }).severity).toBe('sev4')
    expect(decideSeverity(rules, { ...facts, environment: 'qa' })).toEqual({ severity: 'sev2', why: 'no rule matched; failed defaults to sev2' })
    expect(decideSeverity(rules, { ...facts, environment: 'staging', rollbackFailed: true })).toMatchObject({ severity: 'sev3', raisedFrom: 'sev4' })
  })

  it('raises one level, never past sev1', () => {
    expect([raise('sev4'), raise('sev2'), raise('sev1')]).toEqual(['sev3', 'sev1', 'sev1'])
  })
})

describe('untrusted text', () => {
  it.each([
    ['@octocat', '`@octocat`'],
    ['a `tick` b', '``a `tick` b``'],
    ['`edge`', '`` `edge` ``'],
    ['x\ny\r\nz', '`x y z`'],
    ['', '` `'],
    ['a\u202eb\u0007c', '`abc`']
  ])('code(%j) is %j', (text, expected) => {
    expect(code(text)).toBe(expected)
  })

  it('escapes pipes in table cells and cuts long text', () => {
    expect(code('a | b', { cell: true })).toBe('`a \\| b`')
    expect(code('x'.repeat(300), { max: 10 })).toBe('`xxxxxxxxx…`')
  })

  it('fences a block longer than any backtick run inside', () => {
    expect(codeBlock(['a', '````', 'b'])).toBe('`````text\na\n````\nb\n`````')
    expect(codeBlock(['plain'])).toBe('```text\nplain\n```')
  })

  it('makes HTML text inert', () => {
    expect(htmlText('<b>@x</b> #1 https://e.x www.e.x')).toBe('&lt;b&gt;@\u200bx&lt;/b&gt; #\u200b1 https:/\u200b/e.x www\u200b.e.x')
  })
})

describe('the marker', () => {
  it('round-trips, and a name cannot close the HTML comment', () => {
    const m = { environment: 'prod --> <b>', version: 'v1', deployedAt: 1, detectedAt: 2, rollbackSentAt: 3 }
    const text = renderMarker(m)
    expect(text.indexOf('-->')).toBe(text.length - 3)
    expect(parseMarker(`intro\n${text}\nrest`)).toEqual(m)
    expect(parseMarker('no marker')).toBeUndefined()
    expect(parseMarker('<!-- deploy-guard:incident {broken} -->')).toBeUndefined()
  })
})

describe('recovery', () => {
  const marker = { environment: 'production', version: 'v1.5.0', deployedAt: 0, detectedAt: 252_000, rollbackSentAt: 255_000 }
  it('figures: time to detect, time to restore, impact', () => {
    expect(recoveryFigures(marker, 1_000_000)).toEqual({ timeToDetect: 252_000, timeToRestore: 748_000, impact: 1_000_000 })
    expect([span(252_000), span(748_000), span(3_600_000 + 120_000)]).toEqual(['4m12s', '12m28s', '1h2m'])
  })

  it('the comment has the timeline and the post-mortem template', () => {
    const text = renderRecovery({
      marker,
      environment: 'production',
      version: 'v1.5.1',
      recoveredAt: 1_000_000,
      runUrl: 'https://github.com/a/b/actions/runs/2',
      closing: true
    })
    expect(text).toContain('**Time to detect** 4m12s · **time to restore** 12m28s (detected to recovered) · **impact** 16m40s (deployed to recovered)')
    expect(text).toContain('| rolled back | rollback sent | 1970-01-01 00:04:15 UTC | 4m15s |')
    expect(text).toContain('| recovered | `v1.5.1` passed verification |')
    expect(text).toContain('_Closing: the environment verified healthy.')
  })
})

describe('the chat message', () => {
  it('is one line with the verdict and the link; Slack control sequences are escaped', () => {
    const m = notifyMessage({
      event: 'opened',
      environment: 'production',
      version: 'v1',
      result: 'failed',
      severity: 'sev1',
      reason: 'x <!channel> & <@U1>',
      issueUrl: 'https://github.com/a/b/issues/3',
      issueNumber: 3,
      runUrl: ''
    })
    expect(m).toEqual({
      text: '🔴 Incident opened [sev1]: production failed verifying v1: x &lt;!channel&gt; &amp; &lt;@U1&gt;. Issue #3: https://github.com/a/b/issues/3'
    })
  })
})
