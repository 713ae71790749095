// Freeze windows through the bundled action, on the real clock: a date range and a weekly window
// around now block an approved change unless an approver adds an emergency label after the
// latest push. (Daylight-saving behaviour is covered with an injected clock in
// __tests__/unit/freeze-windows.test.ts.)
import { jest } from '@jest/globals'
import { AUTHOR, approvalFixture, expectVerdict } from './approval-fixture.js'

jest.setTimeout(30_000)

const { gh, openPr, label, run } = approvalFixture()

/** An instant as ISO 8601 with a +01:00 offset, as a config file would have it. */
function plusOne(ms: number): string {
  return new Date(ms + 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+01:00')
}
const rangeEnd = plusOne(Date.now() + 86_400_000)
const dateRange = `approval:\n  freeze-windows:\n    - name: year-end\n      start: ${plusOne(Date.now() - 3_600_000)}\n      end: ${rangeEnd}\n`

function weeklyAroundNow(tz: string): string {
  const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']
  const today = new Intl.DateTimeFormat('en-US', { timeZone: tz, weekday: 'short' }).format(new Date()).toLowerCase()
  const i = days.indexOf(today)
  // Today and tomorrow, whole days: still on if the test runs across midnight.
  return `approval:\n  freeze-windows:\n    - name: weekend\n      timezone: ${tz}\n      days: [${days[i]}, ${days[(i + 1) % 7]}]\n      from: "00:00"\n      to: "24:00"\n`
}

describe('a date range around now', () => {
  it('blocks an approved change and says which window and until when', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await run(pr, 'labeled', { baseConfig: dateRange })
    expectVerdict(gh, r, pr, 'failure', new RegExp(`^freeze window year-end until ${rangeEnd.replace(/\+/g, '\\+')}: needs label emergency from an approver$`))
    expect(r.summary).toMatch(/\| Approval label \| ✅ pass/)
    expect(r.summary).toMatch(/\| Freeze windows \| ❌ fail \| freeze window year-end until/)
    expect(r.report.freeze).toEqual({ window: 'year-end', until: rangeEnd })
  })

  it('lets it through with an emergency label added by an approver after the latest push', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    label(pr, 'emergency', 'ada', 20)
    const r = await run(pr, 'labeled', { baseConfig: dateRange })
    expectVerdict(gh, r, pr, 'success', /^approved: change-approved by @mia; freeze year-end overridden$/)
    expect(r.summary).toMatch(/overridden: emergency was added by @\u200bada \(admin on/)
  })

  it.each([
    ['by the author', AUTHOR, 20, /emergency was added by the PR's author/],
    ['before the latest push', 'ada', 20, /emergency was added by @\u200bada at .* before the latest push/]
  ])('an emergency label added %s does not override', async (_how, actor, minutes, why) => {
    const pr = openPr()
    label(pr, 'emergency', actor, minutes)
    gh.seed.push({ pull_number: pr.number, at: new Date(Date.now() - 15 * 60_000).toISOString() })
    label(pr, 'change-approved', 'mia', 10)
    const r = await run(pr, 'labeled', { baseConfig: dateRange })
    expectVerdict(gh, r, pr, 'failure', /^freeze window year-end until .*: needs label emergency from an approver$/)
    expect(r.summary).toMatch(why)
  })

  it('does not hold a change that touches no protected path', async () => {
    const pr = openPr({ files: [{ filename: 'docs/guide.md' }] })
    const r = await run(pr, 'opened', { inputs: { 'protected-paths': 'src/**' }, baseConfig: dateRange })
    expectVerdict(gh, r, pr, 'success', /no protected path touched/)
    expect(r.summary).toMatch(/\| Freeze windows \| ✅ pass \| freeze window year-end until .*, but the change touches no protected path/)
  })
})

describe('a weekly window around now', () => {
  it('blocks in its time zone and names the end in local time', async () => {
    const pr = openPr()
    label(pr, 'change-approved', 'mia', 30)
    const r = await run(pr, 'labeled', { baseConfig: weeklyAroundNow('America/New_York') })
    expectVerdict(gh, r, pr, 'failure', /^freeze window weekend until \w{3} \d{4}-\d{2}-\d{2} 00:00 America\/New_York: needs label emergency from an approver$/)
  })
})
