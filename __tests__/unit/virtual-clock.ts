// A Clock whose time only moves when every task is waiting on it: each sleep registers a timer,
// and once the microtask queue has drained the earliest timer fires and time jumps to its due
// moment. A 5-minute window runs in milliseconds, in the same order real timers would give.
import { setImmediate } from 'node:timers'
import type { Clock } from '../../src/engine/clock.js'

interface Timer {
  readonly due: number
  readonly seq: number
  fire(): void
}

export class VirtualClock implements Clock {
  private time: number
  private timers: Timer[] = []
  private seq = 0
  private pending = false

  constructor(start = Date.UTC(2025, 0, 15, 12, 0, 0)) {
    this.time = start
  }

  now(): number {
    return this.time
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve()
      const timer: Timer = {
        due: this.time + ms,
        seq: this.seq++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort)
          resolve()
        }
      }
      const onAbort = (): void => {
        this.timers = this.timers.filter((t) => t !== timer)
        resolve()
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.timers.push(timer)
      this.schedule()
    })
  }

  /** Timers not yet fired. */
  get pendingTimers(): number {
    return this.timers.length
  }

  private schedule(): void {
    if (this.pending) return
    this.pending = true
    // setImmediate runs once every queued microtask has run: everyone is asleep or done.
    setImmediate(() => {
      this.pending = false
      this.fireNext()
    })
  }

  private fireNext(): void {
    if (!this.timers.length) return
    this.timers.sort((a, b) => a.due - b.due || a.seq - b.seq)
    const next = this.timers.shift() as Timer
    this.time = Math.max(this.time, next.due)
    next.fire()
    if (this.timers.length) this.schedule()
  }
}
