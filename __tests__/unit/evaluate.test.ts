import {
  addSample,
  checkStatus,
  EMPTY_TALLY,
  failureLimitNote,
  maxFailureLimit,
  overallVerdict,
  roundCount,
  type CheckStatus,
  type Tally
} from '../../src/engine/evaluate.js'
import type { SampleStatus } from '../../src/checks/types.js'

const tally = (
  pass: number,
  fail: number,
  error: number,
  consecutiveErrors = 0,
  lastValid: Tally['lastValid'] = pass ? 'pass' : fail ? 'fail' : 'none'
): Tally => ({ pass, fail, error, consecutiveErrors, lastValid })

describe('addSample', () => {
  it.each<[SampleStatus[], Tally]>([
    [[], tally(0, 0, 0)],
    [['pass', 'fail', 'pass'], tally(2, 1, 0)],
    [['pass', 'pass', 'fail'], tally(2, 1, 0, 0, 'fail')],
    [['error', 'error'], tally(0, 0, 2, 2)],
    [['error', 'error', 'pass', 'error'], tally(1, 0, 3, 1)],
    [['fail', 'error', 'error'], tally(0, 1, 2, 2, 'fail')],
    [['error', 'fail'], tally(0, 1, 1, 0)]
  ])('%j gives %j', (statuses, expected) => {
    expect(statuses.reduce(addSample, EMPTY_TALLY)).toEqual(expected)
  })
})

const LAST_FAILED = (limit: number, then = ''): string =>
  `${then ? `last valid sample failed (then ${then})` : 'last sample failed'}: failure-limit ${limit} tolerates failed samples inside the window, not at its end`

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
    ['one fail within the limit is a valid sample, and the last one', tally(0, 1, 0), 1, 4, true, 'failed', LAST_FAILED(1)],
    ['a failed last sample within the limit keeps the check running', tally(3, 1, 0, 0, 'fail'), 1, 4, false, 'running', '']
  ])('%s', (_, t, failureLimit, errorLimit, windowOver, status, reason) => {
    expect(checkStatus(t, limits(failureLimit, errorLimit), windowOver)).toEqual({ status, reason })
  })
})

// PRODUCT.md section 4: a check passes only when its last valid sample passed, whatever the limit.
describe('checkStatus at the end of the window, from the samples in order', () => {
  it.each<[SampleStatus[], number, CheckStatus, string]>([
    [['fail'], 1, 'failed', LAST_FAILED(1)],
    [['fail'], 5, 'failed', LAST_FAILED(5)],
    [['fail'], 0, 'failed', '1 failed sample > failure-limit 0'],
    [['pass'], 1, 'passed', '0 failed samples <= failure-limit 1'],
    [['pass', 'pass', 'fail'], 1, 'failed', LAST_FAILED(1)],
    [['pass', 'fail', 'pass'], 1, 'passed', '1 failed sample <= failure-limit 1'],
    [['fail', 'fail', 'pass'], 3, 'passed', '2 failed samples <= failure-limit 3'],
    [['fail', 'fail', 'fail'], 20, 'failed', LAST_FAILED(20)],
    [['pass', 'fail', 'error'], 1, 'failed', LAST_FAILED(1, '1 error sample')],
    [['pass', 'fail', 'error', 'error'], 1, 'failed', LAST_FAILED(1, '2 error samples')],
    [['fail', 'error', 'pass', 'error'], 1, 'passed', '1 failed sample <= failure-limit 1'],
    [['error', 'error'], 1, 'inconclusive', 'no valid sample in the window'],
    [['fail', 'fail'], 1, 'failed', '2 failed samples > failure-limit 1']
  ])('%j with failure-limit %d is %s', (statuses, failureLimit, status, reason) => {
    expect(checkStatus(statuses.reduce(addSample, EMPTY_TALLY), { failureLimit, consecutiveErrorLimit: 4 }, true)).toEqual({ status, reason })
  })
})

describe('failureLimitNote and maxFailureLimit', () => {
  it.each<[number, number, boolean]>([
    [0, 1, false],
    [1, 1, true],
    [1, 20, false],
    [19, 20, false],
    [20, 20, true],
    [50, 20, true]
  ])('failure-limit %d over %d rounds: note %s', (limit, rounds, noted) => {
    const note = failureLimitNote(limit, rounds)
    expect(note !== undefined).toBe(noted)
    if (note)
      expect(note).toBe(
        `failure-limit ${limit} is not below the ${rounds} round${rounds === 1 ? '' : 's'} of the window: it can never be exceeded, so only a failed last sample can fail a check`
      )
  })

  it.each([
    [1, 100],
    [2, 200],
    [20, 2000]
  ])('a window of %d rounds accepts a failure-limit up to %d', (rounds, max) => {
    expect(maxFailureLimit(rounds)).toBe(max)
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
