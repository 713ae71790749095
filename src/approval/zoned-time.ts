// Local wall time in an IANA time zone from the platform's Intl data, and back: enough for
// freeze windows without a time-zone library.

const MINUTE = 60_000
const DAY = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    formatters.set(tz, f)
  }
  return f
}

/** A local calendar date. */
export interface LocalDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** The wall clock in `tz` at `instant`: date, minutes after midnight, weekday (0 = Sunday). */
export function wallTime(instant: number, tz: string): LocalDate & { readonly minutes: number; readonly weekday: number } {
  const parts: Record<string, number> = {}
  for (const p of formatter(tz).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const date = { year: parts.year, month: parts.month, day: parts.day }
  return { ...date, minutes: parts.hour * 60 + parts.minute, weekday: weekdayOf(date) }
}

/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7,200,000). */
export function offsetAt(instant: number, tz: string): number {
  const floored = Math.floor(instant / 1000) * 1000
  const w = wallTime(floored, tz)
  const seconds = new Date(floored).getUTCSeconds()
  return Date.UTC(w.year, w.month - 1, w.day, 0, w.minutes, seconds) - floored
}

export function weekdayOf(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()
}

export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days))
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }
}

/**
 * The instant the wall clock in `tz` shows `minutes` after midnight of `date` (1440 = the next
 * midnight). A time shown twice (clocks go back) is its first showing (or its last, when asked); a time skipped (clocks go
 * forward) is the instant of the jump, when the clock passes it.
 */
export function wallToInstant(date: LocalDate, minutes: number, tz: string, showing: 'first' | 'last' = 'first'): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes)
  // At most one offset change lies within a day of any instant in real zones.
  const before = offsetAt(wall - DAY, tz)
  const after = offsetAt(wall + DAY, tz)
  const shows = (x: number) => x + offsetAt(x, tz) === wall
  const candidates = [...new Set([wall - before, wall - after])].filter(shows)
  if (candidates.length) return showing === 'first' ? Math.min(...candidates) : Math.max(...candidates)
  // Skipped: the jump lies between the two readings; find it to the minute.
  let lo = Math.min(wall - before, wall - after)
  let hi = Math.max(wall - before, wall - after)
  const late = offsetAt(hi, tz)
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE
    if (offsetAt(mid, tz) === late) hi = mid
    else lo = mid
  }
  return hi
}

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** `Mon 2026-03-30 00:00 Europe/Berlin`: how a person in that zone reads the instant. */
export function formatLocal(instant: number, tz: string): string {
  const w = wallTime(instant, tz)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${WEEKDAY_NAMES[w.weekday]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(Math.floor(w.minutes / 60))}:${pad(w.minutes % 60)} ${tz}`
}
