import { addSample, checkStatus, EMPTY_TALLY, overallVerdict, roundCount, type CheckStatus, type Tally } from '../../src/engine/evaluate.js'
import type { SampleStatus } from '../../src/checks/types.js'

const tally = (pass: number, fail: number, error: number, consecutiveErrors = 0): Tally => ({ pass, fail, error, consecutiveErrors })

describe('addSample', () => {
  it.each<[SampleStatus[], Tally]>([
    [[], tally(0, 0, 0)],
    [['pass', 'fail', 'pass'], tally(2, 1, 0)],
    [['error', 'error'], tally(0, 0, 2, 2)],
    [['error', 'error', 'pass', 'error'], tally(1, 0, 3, 1)],
    [['error', 'fail'], tally(0, 1, 1, 0)]
  ])('%j gives %j', (statuses, expected) => {
    expect(statuses.reduce(addSample, EMPTY_TALLY)).toEqual(expected)
  })
})

describe('checkStatus', () => {
  const limits = (failureLimit: number, consecutiveErrorLimit = 4) => ({ failureLimit, consecutiveErrorLimit })

  it.each<[string, Tally, number, number, boolean, CheckStatus, string]>([
    ['failure-limit 0: one failure fails', tally(5, 1, 0), 0, 4, false, 'failed', '1 failed sample > failure-limit 0'],
    ['failure-limit 0: no failure keeps running', tally(5, 0, 0), 0, 4, false, 'running', ''],
    ['failure-limit 1: one failure is tolerated', tally(5, 1, 0), 1, 4, false, 'running', ''],
    ['failure-limit 1: two failures fail', tally(5, 2, 0), 1, 4, false, 'failed', '2 failed samples > failure-limit 1'],
    ['failure-limit 1: one failure at window end passes', tally(19, 1, 0), 1, 4, true, 'passed', '1 failed sample <= failure-limit 1'],
    ['consecutive errors at the limit keep running', tally(1, 0, 4, 4), 1, 4, false, 'running', ''],
    ['consecutive errors over the limit are inconclusive', tally(1, 0, 5, 5), 1, 4, false, 'inconclusive', '5 consecutive errors > limit 4'],
    ['consecutive-error-limit 0: one error is inconclusive', tally(3, 0, 1, 1), 1, 0, false, 'inconclusive', '1 consecutive errors > limit 0'],
    ['errors spread out are not consecutive', tally(10, 0, 9, 1), 1, 4, true, 'passed', '0 failed samples <= failure-limit 1'],
    ['failures win over errors', tally(0, 2, 6, 6), 1, 4, false, 'failed', '2 failed samples > failure-limit 1'],
    ['only errors at window end is inconclusive', tally(0, 0, 3, 3), 1, 4, true, 'inconclusive', 'no valid sample in the window'],
    ['no sample at all at window end is inconclusive', tally(0, 0, 0), 1, 4, true, 'inconclusive', 'no valid sample in the window'],
    ['one fail within the limit is a valid sample', tally(0, 1, 0), 1, 4, true, 'passed', '1 failed sample <= failure-limit 1']
  ])('%s', (_, t, failureLimit, errorLimit, windowOver, status, reason) => {
    expect(checkStatus(t, limits(failureLimit, errorLimit), windowOver)).toEqual({ status, reason })
  })
})

describe('overallVerdict', () => {
  it.each<[CheckStatus[], string]>([
    [['passed', 'passed'], 'passed'],
    [['passed', 'failed', 'inconclusive'], 'failed'],
    [['inconclusive', 'passed'], 'inconclusive'],
    [['running', 'passed'], 'inconclusive'],
    [['failed'], 'failed'],
    [[], 'passed']
  ])('%j is %s', (statuses, verdict) => {
    expect(overallVerdict(statuses)).toBe(verdict)
  })
})

describe('roundCount', () => {
  it.each([
    [0, 15_000, 1],
    [0, 0, 1],
    [300_000, 15_000, 20],
    [300_000, 7_000, 43],
    [10_000, 60_000, 1],
    [60_000, 60_000, 1]
  ])('duration %d ms every %d ms is %d rounds', (duration, interval, rounds) => {
    expect(roundCount(duration, interval)).toBe(rounds)
  })
})
