// The delivery report's figures on the fixture history, each worked out by hand below (hours
// after T0; see delivery-fixture.ts), and CFR ≤ 100 % over random histories.
import { buildDeliveryReport } from '../../src/report/build-report.js'
import { renderBadge, renderCsv, reportOutputs } from '../../src/report/render-files.js'
import { renderReportSummary, weeklyRows } from '../../src/report/render-summary.js'
import { classify, type Deployment } from '../../src/report/classify.js'
import { figuresOf } from '../../src/report/figures.js'
import type { DeploymentRecord, History } from '../../src/report/history.js'
import { fixtureHistory, SHA, T0, H } from './delivery-fixture.js'

const h = (n: number) => n * 3600

describe('delivery report on the fixture history', () => {
  const r = buildDeliveryReport(fixtureHistory())
  const f = r.figures

  it('counts D1..D9 of production once each: the guard record of D2 merges (same SHA, same run), the preview and the rollback record are left out', () => {
    // D1, D2 (+ its guard record), D3, D4, D5, D6, D8, D9; not P1 (preview), R3 (record), D0 (before the window).
    expect(r.deployments.map((d) => d.id)).toEqual([1001, 1002, 1004, 1006, 1007, 1008, 1010, 1011])
    expect(r.deployments[1]).toMatchObject({ ids: [1002, 1003], version: 'v1.1.0', kind: 'change', changes: 1 })
    expect(f.deployments).toBe(8)
  })

  it("attributes changes by git history: three PRs in D1, merges excluded, none for the rollback or the redeploy, the failed release's changes to the fix", () => {
    const changes = (id: number) =>
      r.changes
        .filter((c) => c.deployment === id)
        .map((c) => c.sha)
        .sort()
    expect(changes(1001)).toEqual([SHA.a1, SHA.a2, SHA.s2, SHA.r1, SHA.r2].sort()) // m1 is a merge
    expect(r.changes.filter((c) => c.deployment === 1001).map((c) => c.pull)).toEqual(expect.arrayContaining([1, 2, 3]))
    expect(changes(1002)).toEqual([SHA.c4])
    expect(r.deployments.find((d) => d.id === 1006)).toMatchObject({ kind: 'rollback', changes: 0 })
    expect(r.deployments.find((d) => d.id === 1008)).toMatchObject({ kind: 'redeploy', changes: 0 })
    expect(changes(1007)).toEqual([SHA.s5, SHA.s6].sort()) // D3 failed: s5 goes live with D5
    expect(changes(1011)).toEqual([SHA.s7, SHA.s8].sort()) // D8 failed: s7 goes live with D9
    expect(r.changes.find((c) => c.sha === SHA.r1)?.pull).toBe(3) // rebase merge: commits-to-pulls
    expect(r.changes.find((c) => c.sha === SHA.c4)?.pull).toBeNull() // direct push
  })

  it('lead time: median and p90 over changes, split open-to-merge and merge-to-deploy', () => {
    // lead (h): a1 8, a2 8 (PR 1 first commit 1h, deployed 9h), s2 3, r1 7, r2 7 (PR 3 first commit 2h),
    // c4 1 (no PR: its own time), s5 24, s6 2, s7 25, s8 4 → sorted 1 2 3 4 7 7 8 8 24 25.
    expect(f.leadTime).toMatchObject({ n: 10, medianSeconds: h(7), p90Seconds: h(24), band: 'elite' })
    // open to merge (h): 2 2 2 3 3 8 10 9 10 → 2 2 2 3 3 8 9 10 10; merge to deploy: 4 4 3 2 2 24 2 25 4 → 2 2 2 3 4 4 4 24 25.
    expect(f.leadTime.openToMerge).toEqual({ n: 9, medianSeconds: h(3), p90Seconds: h(10) })
    expect(f.leadTime.mergeToDeploy).toEqual({ n: 9, medianSeconds: h(4), p90Seconds: h(25) })
  })

  it('deployment frequency: 6 successful deployments on 6 days over 4 weeks', () => {
    expect(f.deploymentFrequency).toEqual({ n: 6, perWeek: 1.5, deploymentDaysPerWeek: 1.5, band: 'high' })
  })

  it('change fail rate: D3 (guard, incident, rollback) and D8 (guard) over the 7 deployments that are not rollbacks, with the evidence', () => {
    expect(f.changeFailRate).toEqual({ n: 7, failed: 2, rate: 2 / 7, band: 'high', failures: [1004, 1010] })
    expect(r.deployments.find((d) => d.id === 1004)?.evidence).toEqual({
      verdictUrl: 'https://github.com/octo-org/octo-repo/actions/runs/103',
      rollbackDeployment: 1005,
      rollbackUrl: 'https://github.com/octo-org/octo-repo/actions/runs/103',
      incident: 7,
      incidentUrl: 'https://github.com/octo-org/octo-repo/issues/7'
    })
    expect(r.incidents).toEqual([expect.objectContaining({ number: 7, deployment: 1004 })])
  })

  it('recovery time: D3 detected 49h30m, D4 verified 50h20m (50m); D8 failed 120h30m, D9 verified 145h (24h30m)', () => {
    expect(f.recoveryTime).toEqual({ n: 2, medianSeconds: (50 * 60 + h(24.5)) / 2, p90Seconds: h(24.5), band: 'high', unrecovered: [] })
  })

  it('rework rate: the rollback D4 and the redeploy D6 over 8', () => {
    expect(f.reworkRate).toEqual({ n: 8, rework: 2, rate: 0.25, deployments: [1006, 1008] })
  })

  it('bands of DORA 2024, the lowest one overall; the previous window (D0 alone) has insufficient data', () => {
    expect(r.dora).toEqual({ year: 2024, band: 'high' })
    expect(r.previousFigures).toMatchObject({ deployments: 1, insufficientData: true, band: null })
  })

  it('outputs, badge, CSV and summary from the same report; the same history gives the same bytes', () => {
    expect(reportOutputs(r, '/tmp/r.json')).toEqual({
      report: '/tmp/r.json',
      deployments: '8',
      'deployment-frequency': '1.5',
      'lead-time-median-seconds': '25200',
      'change-fail-rate': '0.2857',
      'recovery-time-median-seconds': String((3000 + 88200) / 2),
      'rework-rate': '0.25',
      'dora-band': 'high'
    })
    expect(JSON.parse(renderBadge(r))).toEqual({ schemaVersion: 1, label: 'DORA 2024 (production)', message: 'high', color: 'green' })
    const csv = renderCsv(r)
    expect(csv['deployments.csv'].trim().split('\r\n')).toHaveLength(9)
    expect(csv['changes.csv'].trim().split('\r\n')).toHaveLength(11)
    expect(csv['incidents.csv']).toContain('7,https://github.com/octo-org/octo-repo/issues/7')
    const summary = renderReportSummary(r, weeklyRows(r))
    expect(summary).toContain('DORA 2024 band: **high**')
    expect(summary).toContain('xychart-beta')
    // Week 1 (0–168h) holds every deployment: 6 successful (D1 D2 D4 D5 D6 D9), 2 failed (D3 D8).
    expect(summary).toContain('bar [6, 0, 0, 0]')
    expect(summary).toContain('line [2, 0, 0, 0]')
    expect(JSON.stringify(buildDeliveryReport(fixtureHistory()))).toBe(JSON.stringify(r))
  })
})

describe('recovery time starts at the verdict', () => {
  const dep = (id: number, at: number, more: Partial<Deployment> = {}): Deployment => ({
    id,
    ids: [id],
    sha: `${id}`.padStart(40, '0'),
    version: `v${id}`,
    createdAt: at,
    outcome: 'success',
    succeededAt: at,
    finishedAt: at,
    verifiedAt: at + 600_000,
    logUrl: '',
    rollback: false,
    redeploy: false,
    changes: [],
    ...more
  })
  it("the guard's verdict, not an incident detected later; an incident alone starts at its detection", () => {
    const HOUR = 3_600_000
    // D2 failed by the guard at 2h10m, its incident opened at 3h; D3 verified at 5h10m: 3 h.
    // D4 passed at 6h10m, an incident on it detected at 7h; D5 verified at 9h10m: 2h10m.
    const list = [
      dep(1, 0),
      dep(2, 2 * HOUR, {
        outcome: 'failure',
        succeededAt: undefined,
        verifiedAt: undefined,
        failure: { verdict: { at: 2 * HOUR + 600_000, url: 'v' }, incident: { number: 1, url: 'i', detectedAt: 3 * HOUR } }
      }),
      dep(3, 5 * HOUR),
      dep(4, 6 * HOUR, { failure: { incident: { number: 2, url: 'i', detectedAt: 7 * HOUR } } }),
      dep(5, 9 * HOUR)
    ]
    const f = figuresOf(list, { start: 0, end: 10 * HOUR }, [])
    expect(f.recovery).toMatchObject({ n: 2, medianMs: (3 * HOUR + 2 * HOUR + 10 * 60_000) / 2, unrecovered: [] })
  })
})

describe('insufficient data', () => {
  it('a window with 4 deployments gives no figure, and empty outputs', () => {
    const r = buildDeliveryReport(fixtureHistory(['D0', 'D1', 'D2', 'D3', 'D5']))
    expect(r.figures).toMatchObject({ deployments: 4, insufficientData: true, band: null })
    expect(r.figures.leadTime.medianSeconds).toBeNull()
    expect(r.figures.changeFailRate.rate).toBeNull()
    const out = reportOutputs(r, 'x')
    expect(out.deployments).toBe('4')
    for (const k of ['deployment-frequency', 'lead-time-median-seconds', 'change-fail-rate', 'recovery-time-median-seconds', 'rework-rate', 'dora-band'])
      expect(out[k]).toBe('')
    expect(renderReportSummary(r, weeklyRows(r))).toContain('insufficient data')
  })
})

describe('history limits', () => {
  it('a window reaching past 90 days says how many deployments have no statuses left instead of guessing', () => {
    const base = fixtureHistory()
    const old: DeploymentRecord = { id: 1, sha: SHA.base, ref: 'main', task: 'deploy', environment: 'production', createdAt: T0 - 100 * 24 * H, statuses: [] }
    const r = buildDeliveryReport({
      ...base,
      now: base.window.end + 80 * 24 * H,
      window: { start: T0 - 120 * 24 * H, end: base.window.end },
      previous: { start: T0 - 268 * 24 * H, end: T0 - 120 * 24 * H },
      deployments: [old, ...base.deployments]
    })
    expect(r.notes[0]).toMatch(/past the 90 days GitHub keeps deployment statuses .*: 1 deployment\(s\) there have no statuses left and are not counted/)
  })
})

// A tiny seeded generator (mulberry32): the same seed, the same sequence.
function rng(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

describe('change fail rate is never above 100 %', () => {
  it('over 300 random event sequences: failures, rollbacks (marked and recorded), incidents on any version, redeploys', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = rng(seed)
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
      const shas = ['a', 'b', 'c', 'd', 'e'].map((x) => x.repeat(40))
      const deployments: DeploymentRecord[] = []
      const count = 1 + Math.floor(next() * 30)
      for (let i = 0; i < count; i++) {
        const t = T0 + i * H
        const kind = pick(['ok', 'ok', 'guardFail', 'error', 'record', 'marked'])
        const sha = pick(shas)
        const statuses =
          kind === 'guardFail'
            ? [{ state: 'failure', description: 'deploy-guard: failed', createdAt: t + 60_000, logUrl: '' }]
            : kind === 'error'
              ? [{ state: 'error', description: '', createdAt: t, logUrl: '' }]
              : [{ state: 'success', description: pick(['', 'deploy-guard: passed']), createdAt: t, logUrl: `/actions/runs/${Math.floor(next() * 5)}` }]
        deployments.push({
          id: i + 1,
          sha,
          ref: sha,
          task: kind === 'record' ? 'deploy-guard:rollback' : 'deploy',
          environment: 'production',
          createdAt: t,
          ...((kind === 'record' || kind === 'marked') && { rollback: { of: pick(shas), ofDeployment: 1 + Math.floor(next() * count), runId: '1' } }),
          statuses
        })
      }
      const incidents = Array.from({ length: Math.floor(next() * 6) }, (_, i) => ({
        number: i + 1,
        url: '',
        createdAt: T0,
        marker: { environment: 'production', version: pick(shas), deployedAt: T0, detectedAt: T0 + Math.floor(next() * count) * H }
      }))
      const history: History = { ...fixtureHistory([]), deployments, incidents, commits: [], pulls: [], commitPulls: {} }
      const w = { start: T0 - H, end: T0 + 100 * H }
      const figures = figuresOf(classify(history).deployments, w, [])
      expect(figures.changeFail.failed).toBeLessThanOrEqual(figures.changeFail.n)
      if (figures.changeFail.rate !== undefined) expect(figures.changeFail.rate).toBeLessThanOrEqual(1)
      expect(new Set(figures.changeFail.failures).size).toBe(figures.changeFail.failures.length)
    }
  })
})
