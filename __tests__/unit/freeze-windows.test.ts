// Freeze windows are pure over an injected instant: date ranges, weekly windows in IANA zones on
// both sides of daylight-saving changes, windows past midnight, 24:00, skipped and repeated times.
import { activeFreeze } from '../../src/approval/freeze-windows.js'
import { offsetAt, wallToInstant } from '../../src/approval/zoned-time.js'
import type { FreezeWindow, WeeklyWindow } from '../../src/settings/approval-settings.js'

const utc = (s: string) => Date.parse(s)
const weekly = (o: Partial<WeeklyWindow> & Pick<WeeklyWindow, 'timezone' | 'days' | 'from' | 'to'>): WeeklyWindow => ({ kind: 'weekly', name: 'w', ...o })
const hm = (h: number, m = 0) => h * 60 + m
const FRI = 5
const SAT = 6
const SUN = 0

// PRODUCT.md section 7's example: Europe/Berlin, fri-sun 16:00-24:00.
const weekend = weekly({ name: 'weekend', timezone: 'Europe/Berlin', days: [FRI, SAT, SUN], from: hm(16), to: 1440 })

describe('a weekly window in Europe/Berlin across the spring change (2026-03-29, 02:00 CET -> 03:00 CEST)', () => {
  it.each([
    ['Fri 15:59 CET', '2026-03-27T14:59:00Z', undefined],
    ['Fri 16:00 CET', '2026-03-27T15:00:00Z', '2026-03-27T23:00:00Z'],
    ['Sat 16:00 CET, the day before the change', '2026-03-28T15:00:00Z', '2026-03-28T23:00:00Z'],
    ['Sat 23:59 CET', '2026-03-28T22:59:00Z', '2026-03-28T23:00:00Z'],
    ['Sun 00:00 CET: Saturday window over', '2026-03-28T23:00:00Z', undefined],
    ['Sun 15:59 CEST, after the change', '2026-03-29T13:59:00Z', undefined],
    ['Sun 16:00 CEST = 14:00Z, not 15:00Z', '2026-03-29T14:00:00Z', '2026-03-29T22:00:00Z'],
    ['Sun 23:59 CEST', '2026-03-29T21:59:00Z', '2026-03-29T22:00:00Z'],
    ['Mon 00:00 CEST', '2026-03-29T22:00:00Z', undefined]
  ])('%s', (_local, now, until) => {
    // Windows ending at 24:00 and starting at 16:00 do not touch, so each ends at its midnight.
    expect(activeFreeze([weekend], utc(now))?.until).toBe(until ? utc(until) : undefined)
  })

  it('says which window and until when in local time', () => {
    const hit = activeFreeze([weekend], utc('2026-03-29T14:00:00Z'))
    expect(hit).toMatchObject({ window: { name: 'weekend' }, untilText: 'Mon 2026-03-30 00:00 Europe/Berlin' })
  })
})

describe('the same window across the autumn change (2026-10-25, 03:00 CEST -> 02:00 CET)', () => {
  it.each([
    ['Sat 16:00 CEST', '2026-10-24T14:00:00Z', true],
    ['Sat 15:59 CEST', '2026-10-24T13:59:00Z', false],
    ['Sun 16:00 CET = 15:00Z', '2026-10-25T15:00:00Z', true],
    ['Sun 15:59 CET', '2026-10-25T14:59:00Z', false],
    ['Sun 23:59 CET', '2026-10-25T22:59:00Z', true],
    ['Mon 00:00 CET', '2026-10-25T23:00:00Z', false]
  ])('%s: frozen %p', (_local, now, frozen) => {
    expect(activeFreeze([weekend], utc(now)) !== undefined).toBe(frozen)
  })
})

describe('a window past midnight belongs to its start day', () => {
  // Saturday 22:00 to Sunday 06:00 in New York, over the spring change (Sun 2026-03-08 02:00 EST -> 03:00 EDT): 7 hours, not 8.
  const night = weekly({ name: 'night', timezone: 'America/New_York', days: [SAT], from: hm(22), to: hm(6) })

  it.each([
    ['Sat 21:59 EST', '2026-03-08T02:59:00Z', false],
    ['Sat 22:00 EST', '2026-03-08T03:00:00Z', true],
    ['Sun 01:59 EST, on a Sunday that is not a listed day', '2026-03-08T06:59:00Z', true],
    ['Sun 03:00 EDT, just after the jump', '2026-03-08T07:00:00Z', true],
    ['Sun 05:59 EDT', '2026-03-08T09:59:00Z', true],
    ['Sun 06:00 EDT', '2026-03-08T10:00:00Z', false],
    ['Sun 22:00 EDT: Sunday is not listed', '2026-03-09T02:00:00Z', false]
  ])('%s: frozen %p', (_local, now, frozen) => {
    expect(activeFreeze([night], utc(now)) !== undefined).toBe(frozen)
  })

  it('ends at 06:00 local on the next day', () => {
    expect(activeFreeze([night], utc('2026-03-08T06:00:00Z'))).toMatchObject({
      until: utc('2026-03-08T10:00:00Z'),
      untilText: 'Sun 2026-03-08 06:00 America/New_York'
    })
  })
})

describe('times the clock skips or shows twice', () => {
  it('a window starting at a skipped time starts when the clock jumps past it', () => {
    // 02:30 does not exist in New York on 2026-03-08; the clock jumps at 07:00Z.
    const w = weekly({ timezone: 'America/New_York', days: [SUN], from: hm(2, 30), to: hm(4) })
    expect(activeFreeze([w], utc('2026-03-08T06:59:00Z'))).toBeUndefined()
    expect(activeFreeze([w], utc('2026-03-08T07:00:00Z'))?.until).toBe(utc('2026-03-08T08:00:00Z'))
  })

  it('a window ending at a time shown twice covers both passes of the hour before it', () => {
    // 02:30 comes twice in Berlin on 2026-10-25: 00:30Z (CEST) and 01:30Z (CET).
    const w = weekly({ timezone: 'Europe/Berlin', days: [SUN], from: hm(1), to: hm(2, 30) })
    expect(activeFreeze([w], utc('2026-10-25T00:29:00Z'))?.until).toBe(utc('2026-10-25T00:30:00Z'))
    expect(activeFreeze([w], utc('2026-10-25T00:30:00Z'))).toBeUndefined()
    expect(activeFreeze([w], utc('2026-10-25T01:15:00Z'))?.until).toBe(utc('2026-10-25T01:30:00Z'))
    expect(activeFreeze([w], utc('2026-10-25T01:30:00Z'))).toBeUndefined()
  })

  it('wallToInstant and offsetAt agree with the zone rules', () => {
    expect(offsetAt(utc('2026-07-01T12:00:00Z'), 'Europe/Berlin')).toBe(2 * 3_600_000)
    expect(offsetAt(utc('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-5 * 3_600_000)
    expect(offsetAt(utc('2026-01-01T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000)
    expect(wallToInstant({ year: 2026, month: 3, day: 29 }, hm(2, 30), 'Europe/Berlin')).toBe(utc('2026-03-29T01:00:00Z'))
    expect(wallToInstant({ year: 2026, month: 10, day: 25 }, hm(2, 30), 'Europe/Berlin')).toBe(utc('2026-10-25T00:30:00Z'))
    expect(wallToInstant({ year: 2026, month: 12, day: 31 }, 1440, 'Pacific/Kiritimati')).toBe(utc('2026-12-31T10:00:00Z'))
  })
})

describe('date ranges', () => {
  const yearEnd: FreezeWindow = {
    kind: 'range',
    name: 'year-end',
    start: utc('2026-12-20T00:00:00+01:00'),
    end: utc('2027-01-04T00:00:00+01:00'),
    endText: '2027-01-04T00:00:00+01:00'
  }

  it.each([
    ['2026-12-19T22:59:59Z', false],
    ['2026-12-19T23:00:00Z', true],
    ['2027-01-03T22:59:59Z', true],
    ['2027-01-03T23:00:00Z', false]
  ])('at %s frozen %p (start included, end excluded, offsets honoured)', (now, frozen) => {
    expect(activeFreeze([yearEnd], utc(now)) !== undefined).toBe(frozen)
  })

  it('says until when as configured', () => {
    expect(activeFreeze([yearEnd], utc('2026-12-24T12:00:00Z'))).toMatchObject({ window: { name: 'year-end' }, untilText: '2027-01-04T00:00:00+01:00' })
  })
})

describe('windows that continue one another', () => {
  it('make one freeze: fri-sun all day ends Monday 00:00, whichever window it started in', () => {
    const allWeekend = weekly({ name: 'weekend', timezone: 'Europe/Berlin', days: [FRI, SAT, SUN], from: 0, to: 1440 })
    expect(activeFreeze([allWeekend], utc('2026-03-27T12:00:00Z'))).toMatchObject({
      until: utc('2026-03-29T22:00:00Z'),
      untilText: 'Mon 2026-03-30 00:00 Europe/Berlin'
    })
  })

  it('a range running into a weekly window ends when the weekly one does; the first window named is the one in force', () => {
    const range: FreezeWindow = {
      kind: 'range',
      name: 'launch',
      start: utc('2026-03-27T00:00:00Z'),
      end: utc('2026-03-27T15:00:00Z'),
      endText: '2026-03-27T15:00:00Z'
    }
    const hit = activeFreeze([range, weekend], utc('2026-03-27T10:00:00Z'))
    expect(hit).toMatchObject({ window: { name: 'launch' }, until: utc('2026-03-27T23:00:00Z') })
  })

  it('no window: no freeze', () => {
    expect(activeFreeze([], Date.now())).toBeUndefined()
  })
})

describe('a weekly window inside the hour that repeats when clocks go back (Berlin, 2026-10-25 03:00 CEST -> 02:00 CET)', () => {
  const repeated = weekly({ name: 'night', timezone: 'Europe/Berlin', days: [SUN], from: hm(2, 15), to: hm(2, 45) })
  it.each([
    ['02:20 CEST, the first pass', '2026-10-25T00:20:00Z', '2026-10-25T00:45:00Z'],
    ['02:50 CEST, between the passes', '2026-10-25T00:50:00Z', undefined],
    ['02:20 CET, the second pass', '2026-10-25T01:20:00Z', '2026-10-25T01:45:00Z'],
    ['02:45 CET', '2026-10-25T01:45:00Z', undefined]
  ])('%s', (_local, now, until) => {
    expect(activeFreeze([repeated], utc(now))?.until).toBe(until ? utc(until) : undefined)
  })
})
