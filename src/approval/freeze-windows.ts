import type { FreezeWindow, WeeklyWindow } from '../settings/approval-settings.js'
import { addDays, formatLocal, wallTime, wallToInstant } from './zoned-time.js'

/** The freeze in force: the window the instant falls in and when the freeze ends. */
export interface FreezeHit {
  readonly window: FreezeWindow
  /** End of the freeze, later windows that continue it without a gap included. */
  readonly until: number
  /** The end as people read it: in the window's time zone, or the range's end as configured. */
  readonly untilText: string
}

interface Span {
  readonly start: number
  readonly end: number
}

/** The window `now` falls in (the first one configured when several do), or undefined. Pure: the clock is a parameter. */
export function activeFreeze(windows: readonly FreezeWindow[], now: number): FreezeHit | undefined {
  for (const window of windows) {
    const span = spanAt(window, now)
    if (!span) continue
    let until = span.end
    // Fri, Sat and Sun 00:00-24:00 are one freeze until Monday, not three that end at midnight.
    for (let i = 0; i < 60; i++) {
      const next = windows.map((w) => spanAt(w, until)).find((s) => s !== undefined)
      if (!next || next.end <= until) break
      until = next.end
    }
    return { window, until, untilText: untilText(window, until) }
  }
  return undefined
}

/** The occurrence of a window that contains `instant`: [start, end). */
export function spanAt(w: FreezeWindow, instant: number): Span | undefined {
  if (w.kind === 'range') return w.start <= instant && instant < w.end ? { start: w.start, end: w.end } : undefined
  return weeklySpanAt(w, instant)
}

function weeklySpanAt(w: WeeklyWindow, instant: number): Span | undefined {
  const today = wallTime(instant, w.timezone)
  // A window past midnight that started yesterday may still be on.
  for (const delta of [-1, 0]) {
    const day = addDays(today, delta)
    if (!w.days.includes(new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay())) continue
    const endDay = w.to > w.from ? day : addDays(day, 1)
    // When clocks go back the local hour repeats: both passes of a window inside it are frozen.
    const start = wallToInstant(day, w.from, w.timezone)
    const end = wallToInstant(endDay, w.to, w.timezone)
    if (start <= instant && instant < end) return { start, end }
    const lastEnd = wallToInstant(endDay, w.to, w.timezone, 'last')
    if (delta === 0 && w.to > w.from && lastEnd > end && instant < lastEnd && inWall(instant, w)) {
      return { start: Math.max(wallToInstant(day, w.from, w.timezone, 'last'), end), end: lastEnd }
    }
  }
  return undefined
}

/** Whether the wall clock at `instant` reads from..to (a same-day window). */
function inWall(instant: number, w: WeeklyWindow): boolean {
  const m = wallTime(instant, w.timezone).minutes
  return w.from <= m && m < w.to
}

function untilText(w: FreezeWindow, until: number): string {
  if (w.kind === 'weekly') return formatLocal(until, w.timezone)
  return until === w.end ? w.endText : new Date(until).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z')
}
