import { classifyFault, safeWrite, type WritePolicy } from '../../src/github/safe-write.js'

const warnings: string[] = []
const log = { warning: (m: string) => warnings.push(m), info: () => {} } as unknown as WritePolicy['log']

function policy(budgetMs = 10_000): WritePolicy & { slept: number[] } {
  let now = 0
  const slept: number[] = []
  return {
    budgetMs,
    backoffMs: [1000, 2000, 4000],
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms)
      now += ms
    },
    log,
    journal: [],
    slept
  }
}

const answered = (status: number, message = 'x') => Object.assign(new Error(message), { status, response: { headers: {}, data: { message } } })
const silence = (code: string) => Object.assign(new Error('fetch failed'), { status: 500, cause: { name: 'TypeError', cause: { code } } })
const timeout = () => Object.assign(new Error('GitHub did not answer within 30 s'), { status: 500, cause: { name: 'GitHubTimeoutError' } })

describe('classifyFault', () => {
  it.each([
    ['a 502 answer', answered(502), 'unknown'],
    ['a 500 answer', answered(500), 'unknown'],
    ['no answer within the deadline', timeout(), 'unknown'],
    ['a reset connection', silence('ECONNRESET'), 'unknown'],
    ['a refused connection', silence('ECONNREFUSED'), 'refused'],
    ['a name that does not resolve', silence('ENOTFOUND'), 'refused'],
    // The throttling plugin has waited as Retry-After says, or refused to: not sent again early.
    ['a secondary rate limit the plugin gave up on', answered(403, 'You have exceeded a secondary rate limit'), 'final'],
    ['a 429 the plugin gave up on', answered(429), 'final'],
    ['a missing permission', answered(403, 'Resource not accessible by integration'), 'final'],
    ['a validation error', answered(422), 'final'],
    ['the run stopped calling GitHub', Object.assign(new Error('x'), { name: 'GitHubUnreachableError' }), 'final']
  ])('%s is %s', (_what, e, expected) => {
    expect(classifyFault(e)).toBe(expected)
  })
})

describe('safeWrite', () => {
  it('looks for the effect of an unanswered attempt and does not send again when it is there', async () => {
    const p = policy()
    let sends = 0
    const value = await safeWrite(p, {
      what: 'creating the thing',
      send: async () => {
        sends++
        throw answered(502)
      },
      lookup: { name: 'the thing', find: async () => 42 }
    })
    expect(value).toBe(42)
    expect(sends).toBe(1)
    expect(p.journal).toEqual([{ what: 'creating the thing', ok: true, detail: 'attempt 1: 502; found the thing: done, not sent again' }])
  })

  it('sends again, after the backoff, when the lookup finds nothing', async () => {
    const p = policy()
    const answers = [timeout(), answered(500)]
    const lookups: number[] = []
    const value = await safeWrite(p, {
      what: 'dispatching',
      send: async () => {
        const e = answers.shift()
        if (e) throw e
        return 'run'
      },
      lookup: { name: 'a run', find: async (since) => void lookups.push(since) }
    })
    expect(value).toBe('run')
    expect(lookups).toEqual([0, 1000])
    expect(p.slept).toEqual([1000, 2000])
    expect(p.journal[0].detail).toBe('attempt 1: no answer within the deadline; no a run found; attempt 2: 500; no a run found; attempt 3 succeeded')
  })

  it('retries a request that never reached GitHub without looking: it was not done', async () => {
    const p = policy()
    let sends = 0
    let looked = false
    await safeWrite(p, {
      what: 'w',
      send: async () => {
        if (sends++ === 0) throw silence('ECONNREFUSED')
        return 1
      },
      lookup: {
        name: 'x',
        find: async () => {
          looked = true
          return undefined
        }
      }
    })
    expect(sends).toBe(2)
    expect(looked).toBe(false)
  })

  it('gives a final answer up at once and a failing GitHub up when the budget is spent', async () => {
    const p = policy(5000)
    let sends = 0
    await expect(
      safeWrite(p, {
        what: 'w',
        send: async () => {
          sends++
          throw answered(422)
        },
        lookup: { name: 'x', find: async () => undefined }
      })
    ).rejects.toMatchObject({ status: 422 })
    expect(sends).toBe(1)
    sends = 0
    await expect(
      safeWrite(p, {
        what: 'w',
        send: async () => {
          sends++
          throw answered(503)
        },
        lookup: { name: 'x', find: async () => undefined }
      })
    ).rejects.toMatchObject({ status: 503 })
    // Waits of 1 s and 2 s fit in 5 s; the next wait of 4 s would not.
    expect(sends).toBe(3)
    expect(p.journal.at(-1)?.detail).toMatch(/gave up: the 5 s budget for this write is spent$/)
  })
})
