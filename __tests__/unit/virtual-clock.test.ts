import { VirtualClock } from './virtual-clock.js'

describe('VirtualClock', () => {
  it('fires timers in order of due time and jumps to each', async () => {
    const clock = new VirtualClock(0)
    const seen: string[] = []
    await Promise.all([
      clock.sleep(300_000).then(() => seen.push(`long@${clock.now()}`)),
      clock.sleep(15_000).then(() => seen.push(`short@${clock.now()}`)),
      clock.sleep(15_000).then(() => seen.push(`short2@${clock.now()}`))
    ])
    expect(seen).toEqual(['short@15000', 'short2@15000', 'long@300000'])
  })

  it('an aborted sleep resolves at once without moving time', async () => {
    const clock = new VirtualClock(0)
    const stop = new AbortController()
    const slept = clock.sleep(60_000, stop.signal)
    stop.abort()
    await slept
    expect(clock.now()).toBe(0)
    expect(clock.pendingTimers).toBe(0)
  })
})
