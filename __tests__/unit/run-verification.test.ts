// The observation window on a virtual clock: rounds, fail fast, errors, concurrency, pacing.
import { DECIDING_ROUND_GRACE_MS, runVerification, type WindowOptions } from '../../src/engine/run-verification.js'
import { InFlight, scriptedProbe } from './fake-probes.js'
import { VirtualClock } from './virtual-clock.js'

const window = (o: Partial<WindowOptions> = {}): WindowOptions => ({
  durationMs: 300_000,
  intervalMs: 15_000,
  warmupMs: 0,
  concurrency: 256,
  failureLimit: 1,
  consecutiveErrorLimit: 4,
  ...o
})
const SECOND = 1000

describe('rounds', () => {
  it('duration 0s is a single round', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('api', ['pass'], { clock })
    const r = await runVerification([probe], window({ durationMs: 0 }), clock)
    expect(probe.calls).toHaveLength(1)
    expect(r).toMatchObject({ verdict: 'passed', rounds: 1, stoppedEarly: false })
    expect(r.checks).toEqual([
      {
        name: 'api',
        status: 'passed',
        reason: '0 failed samples <= failure-limit 1',
        tally: { pass: 1, fail: 0, error: 0, consecutiveErrors: 0, lastValid: 'pass' }
      }
    ])
  })

  it('5m every 15s is 20 rounds, one every interval, in virtual time', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('api', ['pass'], { clock, latencyMs: 120 })
    const rounds: string[] = []
    const r = await runVerification([probe], window(), clock, { onRoundStart: (n, of) => rounds.push(`${n}/${of}`) })
    expect(probe.calls.map((c) => (c.start - r.startedAt) / SECOND)).toEqual(Array.from({ length: 20 }, (_, i) => i * 15))
    expect(rounds).toEqual(Array.from({ length: 20 }, (_, i) => `${i + 1}/20`))
    expect(r.samples.map((s) => s.round)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(r.samples[0].at - r.startedAt).toBe(120)
    expect(r).toMatchObject({ verdict: 'passed', rounds: 20, endedAt: r.startedAt + 285_120 })
  })

  it('warm-up delays the first round', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('api', ['pass'], { clock })
    const r = await runVerification([probe], window({ durationMs: 60_000, intervalMs: 20_000, warmupMs: 45_000 }), clock)
    expect(probe.calls.map((c) => (c.start - r.startedAt) / SECOND)).toEqual([45, 65, 85])
  })

  it('a slow round delays the next by a full interval, never firing missed ticks back to back', async () => {
    const clock = new VirtualClock()
    const perProbe = new InFlight()
    const slow = scriptedProbe('slow', ['pass'], { clock, latencyMs: (n) => (n === 0 ? 40_000 : 1000), inFlight: perProbe })
    const r = await runVerification([slow], window({ durationMs: 90_000 }), clock)
    // starts at 0 (takes 40 s), 40 (overdue, at once), then 55, 70, 85; 100 is past the 90 s window
    expect(slow.calls.map((c) => c.start - r.startedAt)).toEqual([0, 40_000, 55_000, 70_000, 85_000])
    expect(perProbe.max).toBe(1)
    expect(r.roundsRun).toBe(5)
    slow.calls.slice(1).forEach((c, i) => expect(c.start).toBeGreaterThanOrEqual(slow.calls[i].end as number))
  })
})

describe('fail fast', () => {
  it('stops the window at the sample that exceeds failure-limit; later rounds never run', async () => {
    const clock = new VirtualClock()
    const bad = scriptedProbe('errors', ['pass', 'fail', 'pass', 'fail', 'pass'], { clock, latencyMs: 50 })
    const good = scriptedProbe('health', ['pass'], { clock, latencyMs: 10 })
    const r = await runVerification([bad, good], window(), clock)
    expect(r.verdict).toBe('failed')
    expect(r.stoppedEarly).toBe(true)
    expect(bad.calls).toHaveLength(4)
    expect(good.calls).toHaveLength(4)
    expect(Math.max(...r.samples.map((s) => s.round))).toBe(4)
    expect(r.endedAt - r.startedAt).toBe(45_050)
    expect(r.checks[0]).toMatchObject({ name: 'errors', status: 'failed', reason: '2 failed samples > failure-limit 1', tally: { pass: 2, fail: 2, error: 0 } })
    expect(r.checks[0].decidedBy).toMatchObject({ check: 'errors', round: 4, status: 'fail', detail: 'fail on call 4' })
    expect(r.checks[1]).toMatchObject({ name: 'health', status: 'stopped', reason: 'stopped after 4 of 20 samples: another check failed', tally: { pass: 4 } })
  })

  it('a check that finished its whole window before the failure keeps its own verdict', async () => {
    const clock = new VirtualClock()
    const quick = scriptedProbe('health', ['pass'], { clock, latencyMs: 10 })
    const bad = scriptedProbe('errors', ['fail'], { clock, latencyMs: 50 })
    const r = await runVerification([quick, bad], window({ durationMs: 0, failureLimit: 0 }), clock)
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['health', 'passed'],
      ['errors', 'failed']
    ])
    expect(r.verdict).toBe('failed')
  })

  it('failure-limit 0 fails on the first failed sample', async () => {
    const clock = new VirtualClock()
    const bad = scriptedProbe('errors', ['pass', 'pass', 'fail'], { clock })
    const r = await runVerification([bad], window({ failureLimit: 0 }), clock)
    expect(r.checks[0]).toMatchObject({ status: 'failed', decidedBy: { round: 3 } })
    expect(bad.calls).toHaveLength(3)
  })

  it('aborts measurements still in flight after the grace and returns without waiting for them', async () => {
    const clock = new VirtualClock()
    const bad = scriptedProbe('errors', ['fail'], { clock, latencyMs: 100 })
    const hanging = scriptedProbe('slow', ['pass'], { clock, latencyMs: 60_000, honoursAbort: false })
    const stuck = scriptedProbe('stuck', ['pass'], { clock, latencyMs: 60_000 })
    const r = await runVerification([bad, hanging, stuck], window({ failureLimit: 0 }), clock)
    expect(r.endedAt - r.startedAt).toBe(100 + DECIDING_ROUND_GRACE_MS)
    expect(hanging.calls[0].signal.aborted).toBe(true)
    expect(stuck.calls[0]).toMatchObject({ end: r.startedAt + 100 + DECIDING_ROUND_GRACE_MS })
    expect(r.checks.map((c) => c.status)).toEqual(['failed', 'stopped', 'stopped'])
    expect(r.samples.map((s) => s.check)).toEqual(['errors'])
  })

  it('keeps the samples of the deciding round that arrive within the grace, and their verdicts', async () => {
    const clock = new VirtualClock()
    const first = scriptedProbe('api', ['fail'], { clock, latencyMs: 10 })
    const second = scriptedProbe('web', ['fail'], { clock, latencyMs: 12 })
    const fine = scriptedProbe('docs', ['pass'], { clock, latencyMs: 200 })
    const late = scriptedProbe('slow', ['fail'], { clock, latencyMs: 10 + DECIDING_ROUND_GRACE_MS + 1 })
    const r = await runVerification([first, second, fine, late], window({ failureLimit: 0 }), clock)
    expect(r.verdict).toBe('failed')
    expect(r.samples.map((s) => [s.check, s.at - r.startedAt])).toEqual([
      ['api', 10],
      ['web', 12],
      ['docs', 200]
    ])
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['api', 'failed'],
      ['web', 'failed'],
      ['docs', 'stopped'],
      ['slow', 'stopped']
    ])
    // The failure path waits no longer than the grace after the deciding sample.
    expect(r.endedAt - r.startedAt).toBe(10 + DECIDING_ROUND_GRACE_MS)
    expect(late.calls[0].signal.aborted).toBe(true)
  })

  it('ends the grace as soon as the deciding round has settled', async () => {
    const clock = new VirtualClock()
    const bad = scriptedProbe('api', ['fail'], { clock, latencyMs: 10 })
    const other = scriptedProbe('web', ['pass'], { clock, latencyMs: 30 })
    const r = await runVerification([bad, other], window({ failureLimit: 0 }), clock)
    expect(r.endedAt - r.startedAt).toBe(30)
    expect(r.samples.map((s) => s.check)).toEqual(['api', 'web'])
    expect(clock.pendingTimers).toBe(0)
  })

  it('starts no request of the deciding round that was still queued behind the concurrency bound', async () => {
    const clock = new VirtualClock()
    const bad = scriptedProbe('api', ['fail'], { clock, latencyMs: 10 })
    const queued = scriptedProbe('web', ['fail'], { clock, latencyMs: 10 })
    const r = await runVerification([bad, queued], window({ failureLimit: 0, concurrency: 1 }), clock)
    expect(queued.calls).toHaveLength(0)
    expect(r.checks.map((c) => c.status)).toEqual(['failed', 'stopped'])
    expect(r.endedAt - r.startedAt).toBe(10)
  })

  it('a check decided inconclusive earlier keeps that status when another fails', async () => {
    const clock = new VirtualClock()
    const flaky = scriptedProbe('flaky', ['error'], { clock })
    const bad = scriptedProbe('bad', ['pass', 'pass', 'fail'], { clock })
    const r = await runVerification([flaky, bad], window({ failureLimit: 0, consecutiveErrorLimit: 1 }), clock)
    expect(r.checks.map((c) => c.status)).toEqual(['inconclusive', 'failed'])
    expect(r.verdict).toBe('failed')
  })
})

describe('the last valid sample decides a check that stayed within failure-limit', () => {
  it('a smoke check (duration 0s) whose only sample failed is failed, whatever failure-limit says', async () => {
    const clock = new VirtualClock()
    const down = scriptedProbe('api', [{ status: 'fail', detail: 'status 404, expected 2xx (2 ms)' }], { clock })
    const up = scriptedProbe('web', ['pass'], { clock })
    const r = await runVerification([down, up], window({ durationMs: 0, failureLimit: 1 }), clock)
    expect(r.verdict).toBe('failed')
    expect(r.checks[0]).toMatchObject({
      status: 'failed',
      reason: 'last sample failed: failure-limit 1 tolerates failed samples inside the window, not at its end',
      decidedBy: { detail: 'status 404, expected 2xx (2 ms)', round: 1 }
    })
    expect(r.checks[1].status).toBe('passed')
  })

  it('a window that ends on a failed sample is failed; one failure inside it is tolerated', async () => {
    const clock = new VirtualClock()
    const endsBad = scriptedProbe('api', ['pass', 'pass', 'pass', 'fail'], { clock })
    const blip = scriptedProbe('web', ['pass', 'fail', 'pass'], { clock })
    const r = await runVerification([endsBad, blip], window({ durationMs: 60_000, failureLimit: 1 }), clock)
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['api', 'failed'],
      ['web', 'passed']
    ])
    expect(r.checks[0].decidedBy).toMatchObject({ round: 4, status: 'fail' })
    expect(r.stoppedEarly).toBe(false)
  })

  it('errors after the last failed sample do not hide it', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('metric', ['pass', 'fail', 'error'], { clock })
    const r = await runVerification([probe], window({ durationMs: 60_000, failureLimit: 3 }), clock)
    expect(r.checks[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^last valid sample failed \(then 2 error samples\)/),
      decidedBy: { round: 2 }
    })
  })

  it('a check cut short by another failure is failed when its last sample failed', async () => {
    const clock = new VirtualClock()
    const bad = scriptedProbe('api', ['fail', 'pass', 'fail'], { clock, latencyMs: 10 })
    // web's round-3 answer comes after the grace: its last valid sample is round 2's failure.
    const flaky = scriptedProbe('web', ['pass', 'fail', 'pass'], { clock, latencyMs: (n) => (n === 2 ? 5000 : 5) })
    const fine = scriptedProbe('docs', ['pass'], { clock, latencyMs: 5 })
    const r = await runVerification([bad, flaky, fine], window({ failureLimit: 1 }), clock)
    expect(r.checks.map((c) => [c.name, c.status])).toEqual([
      ['api', 'failed'],
      ['web', 'failed'],
      ['docs', 'stopped']
    ])
    expect(r.checks[1]).toMatchObject({ reason: expect.stringMatching(/^last sample failed/), decidedBy: { round: 2 }, tally: { pass: 1, fail: 1 } })
  })
})

describe('errors', () => {
  it('do not count as failures', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('metric', ['pass', 'error', 'error', 'pass', 'error', 'pass'], { clock })
    const r = await runVerification([probe], window({ durationMs: 90_000, failureLimit: 0 }), clock)
    expect(r.verdict).toBe('passed')
    expect(r.checks[0].tally).toEqual({ pass: 3, fail: 0, error: 3, consecutiveErrors: 0, lastValid: 'pass' })
  })

  it('more consecutive errors than the limit make the check inconclusive and stop sampling it', async () => {
    const clock = new VirtualClock()
    const down = scriptedProbe('metric', ['pass', 'error'], { clock })
    const fine = scriptedProbe('health', ['pass'], { clock })
    const r = await runVerification([down, fine], window({ consecutiveErrorLimit: 2 }), clock)
    expect(r.verdict).toBe('inconclusive')
    expect(r.stoppedEarly).toBe(false)
    expect(down.calls).toHaveLength(4)
    expect(fine.calls).toHaveLength(20)
    expect(r.checks[0]).toMatchObject({ status: 'inconclusive', reason: '3 consecutive errors > limit 2', decidedBy: { round: 4, status: 'error' } })
    expect(r.checks[1]).toMatchObject({ status: 'passed' })
  })

  it('only errors within the limit leave the check inconclusive at window end', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('metric', ['error'], { clock })
    const r = await runVerification([probe], window({ durationMs: 30_000 }), clock)
    expect(r.checks[0]).toMatchObject({ status: 'inconclusive', reason: 'no valid sample in the window', tally: { error: 2 } })
    expect(r.verdict).toBe('inconclusive')
  })

  it('a probe that throws gives an error sample, not a crash', async () => {
    const clock = new VirtualClock()
    const probe = scriptedProbe('metric', [new Error('boom'), 'pass'], { clock })
    const r = await runVerification([probe], window({ durationMs: 30_000 }), clock)
    expect(r.samples.map((s) => [s.status, s.detail])).toEqual([
      ['error', 'internal error: boom'],
      ['pass', 'pass on call 2']
    ])
    expect(r.verdict).toBe('passed')
  })
})

describe('concurrency', () => {
  it('never has more measure calls in flight than the bound, and still measures every check each round', async () => {
    const clock = new VirtualClock()
    const inFlight = new InFlight()
    const probes = Array.from({ length: 10 }, (_, i) => scriptedProbe(`c${i}`, ['pass'], { clock, latencyMs: 1000, inFlight }))
    const r = await runVerification(probes, window({ durationMs: 30_000, concurrency: 3 }), clock)
    expect(inFlight.max).toBe(3)
    expect(probes.map((p) => p.calls.length)).toEqual(Array(10).fill(2))
    const firstRound = r.samples.filter((s) => s.round === 1).map((s) => (s.at - r.startedAt) / SECOND)
    expect(firstRound).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4])
  })

  it('runs a round in parallel up to the bound', async () => {
    const clock = new VirtualClock()
    const inFlight = new InFlight()
    const probes = Array.from({ length: 5 }, (_, i) => scriptedProbe(`c${i}`, ['pass'], { clock, latencyMs: 1000, inFlight }))
    const r = await runVerification(probes, window({ durationMs: 0 }), clock)
    expect(inFlight.max).toBe(5)
    expect(r.endedAt - r.startedAt).toBe(1000)
  })
})
