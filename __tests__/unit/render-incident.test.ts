import { renderIncident, MAX_BODY } from '../../src/incident/render-incident.js'
import { renderFirstScreen, rollbackText } from '../../src/incident/render-first-screen.js'
import { parseMarker } from '../../src/facts/incident-marker.js'
import { incidentFacts, job, ROLLBACKS } from './incident-fixtures.js'

describe('the first screen', () => {
  const text = renderFirstScreen(incidentFacts(), true)

  it('answers what failed, how bad, when, what was done, where to look, what next and what changed, in that order', () => {
    const order = ['**Severity**', '### What failed', '### When', '### What was done', '### Where to look', '### Next steps', '### What changed'].map((h) =>
      text.indexOf(h)
    )
    expect(order.every((i) => i >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(text).toContain('| `error-rate` | failed | `0.12` | `<= 0.05` | `2 failed samples > failure-limit 1` |')
    expect(text).toContain('| 2026-05-01 10:00:00 UTC | 3m12s window from 2026-05-01 10:01:00 UTC | 2026-05-01 10:04:12 UTC (4m12s after deploy) | none sent |')
    expect(text).toContain(
      '- [`aaaaaaa`](https://github.com/acme/shop/commit/' +
        'a'.repeat(40) +
        ') `Tune the pool (#12)` by `Jane Doe` (`jdoe`) · [#12](https://github.com/acme/shop/pull/12)'
    )
    expect(text).toContain('`Raise the pool timeout` by `Sam Lee` (`slee`) · [#14](https://github.com/acme/shop/pull/14)')
    expect(text).toContain(
      '[workflow run](https://github.com/acme/shop/actions/runs/9) · [deployment](https://github.com/acme/shop/deployments/production) · [runbook](https://runbooks.example.com/shop)'
    )
    expect(text).toContain('cc @acme/oncall')
    expect(text).toContain('**Failed job** [`tests`](https://github.com/acme/shop/actions/runs/9/job/5): `Error: boom`')
  })

  it('lists the newest commits first, folds all but the newest five and says how many are left out', () => {
    const commits = Array.from({ length: 20 }, (_, i) => ({
      sha: String(45 - i).padStart(40, '0'),
      title: `c${45 - i}`,
      author: 'x',
      url: 'https://github.com/acme/shop/commit/1',
      pulls: []
    }))
    const many = renderFirstScreen(incidentFacts({ changes: { ...incidentFacts().changes, commits, total: 45 } }), true)
    expect(many).toContain('45 commits from `v1.4.0` (last good) to `v1.5.0`, newest first')
    expect(many.match(/^- \[`/gm)).toHaveLength(20)
    expect(many.indexOf('`c45`')).toBeLessThan(many.indexOf('`c44`'))
    expect(many).toContain('<details><summary>15 older commits</summary>')
    expect(many).toContain('_25 older commits are left out here: see the [comparison](https://github.com/acme/shop/compare/v1.4.0...v1.5.0)._')
  })

  it('marks a PR number taken from the title when GitHub records none', () => {
    const commits = [
      {
        sha: 'e'.repeat(40),
        title: 'Fix (#7)',
        author: 'x',
        url: `https://github.com/acme/shop/commit/${'e'.repeat(40)}`,
        pulls: [7],
        pullsFrom: 'title' as const
      }
    ]
    const t = renderFirstScreen(incidentFacts({ changes: { ...incidentFacts().changes, commits, total: 1 } }), true)
    expect(t).toContain('[#7](https://github.com/acme/shop/pull/7) (named in the title; GitHub records no PR)')
  })

  it('says why the changes are unknown', () => {
    const none = renderFirstScreen(
      incidentFacts({ changes: { head: 'v1.5.0', commits: [], total: 0, note: 'no earlier successful deployment of this environment was found' } }),
      false
    )
    expect(none).toContain('up to `v1.5.0`: no earlier successful deployment of this environment was found')
    expect(none).toContain('close the issue by hand')
  })
})

describe('the rollback, as the rollback step reports it', () => {
  it.each([
    [
      'no rollback step ran (undefined)',
      undefined,
      'none sent: no rollback is configured for this run.',
      'Decide whether to roll back to `v1.4.0`: no rollback was sent',
      'none sent'
    ],
    [
      'sent',
      ROLLBACKS.sent,
      'sent by `workflow` to `v1.4.0` at 2026-05-01 10:04:15 UTC ([rollback run](https://github.com/acme/shop/actions/runs/10)).',
      'Follow the rollback to the end ([run](https://github.com/acme/shop/actions/runs/10))',
      '2026-05-01 10:04:15 UTC (+3s)'
    ],
    [
      'failed',
      ROLLBACKS.failed,
      '**failed** (`webhook` to `v1.4.0`): `the deployer answered 502 three times`; the bad release may still be live, so the severity was raised.',
      'Roll back by hand or fix forward',
      'none sent'
    ],
    ['none configured', ROLLBACKS.none, 'none sent (`none`): `rollback is none`', 'Decide whether to roll back', 'none sent'],
    [
      'of a rollback',
      ROLLBACKS.ofRollback,
      'none sent: the release verified was itself a rollback, and a rollback is never rolled back; escalated.',
      'Roll back by hand or fix forward',
      'none sent'
    ]
  ])('%s', (_, rollback, sentence, step, sentCell) => {
    const f = incidentFacts({
      ...(rollback && { rollback }),
      times: { ...incidentFacts().times, ...(rollback?.sentAt !== undefined && { rollbackSentAt: rollback.sentAt }) }
    })
    expect(rollbackText(f)).toContain(sentence)
    const text = renderFirstScreen(f, true)
    expect(text).toContain(`- **Rollback:** ${rollbackText(f)}`)
    expect(text).toContain(`- [ ] ${step}`)
    expect(text).toContain(`| ${sentCell} |`)
  })
})

describe('the whole incident within GitHub limits', () => {
  it('a new issue carries the marker; an update does not and says it is a repeat', () => {
    const f = incidentFacts()
    const opened = renderIncident(f, 'open', true)
    expect(parseMarker(opened.body)).toEqual({ environment: 'production', version: 'v1.5.0', deployedAt: f.times.deployedAt, detectedAt: f.times.detectedAt })
    expect(opened.title).toBe('[sev1] production: failed verifying v1.5.0 (deploy-guard)')
    const update = renderIncident(f, 'update', true)
    expect(parseMarker(update.body)).toBeUndefined()
    expect(update.body).toMatch(/^### 🔁 Failed again in \[this run\]/)
  })

  it('keeps the body and every comment within 65,536 characters: sections move to comments, a huge tail is trimmed', () => {
    const long = (n: number) => Array.from({ length: n }, (_, i) => `line ${i} ${'x'.repeat(150)}`)
    const jobs = [
      job('a', 'failure', 'failed', long(300), [], 1),
      job('b', 'failure', 'failed', long(300), [], 2),
      job('c', 'failure', 'failed', long(2000), ['Error: x'], 3)
    ]
    const r = renderIncident(incidentFacts({ jobs }), 'open', true)
    expect(r.body.length).toBeLessThanOrEqual(MAX_BODY)
    expect(r.comments.length).toBeGreaterThanOrEqual(2)
    for (const c of r.comments) expect(c.length).toBeLessThanOrEqual(MAX_BODY)
    expect(r.body).toMatch(/_\d more log sections? in the comments below/)
    expect(r.comments[0]).toMatch(/^### Logs, continued \(1 of \d\)/)
    const all = [r.body, ...r.comments].join('\n')
    expect(all).toContain('line 1999 ')
    expect(all).toContain('Error: x')
    for (const part of [r.body, ...r.comments]) {
      expect((part.match(/<details>/g) ?? []).length).toBe((part.match(/<\/details>/g) ?? []).length)
      expect((part.match(/^```/gm) ?? []).length % 2).toBe(0)
    }
  })

  it('withholds the logs when a check is private, and says where they are', () => {
    const r = renderIncident(
      incidentFacts({
        logsWithheld: 'Logs are kept out of this issue.',
        artifact: { url: 'https://github.com/acme/shop/actions/runs/9#artifacts', note: 'artifact deploy-guard-logs-production-9-1.' }
      }),
      'open',
      true
    )
    expect(r.body).not.toContain('<details>')
    expect(r.body).toContain(
      'Logs are kept out of this issue. Full logs: artifact deploy-guard-logs-production-9-1. [Run artifacts](https://github.com/acme/shop/actions/runs/9#artifacts).'
    )
  })
})
