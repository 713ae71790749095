import { gitHubTimings } from '../../src/settings/github-timings.js'

describe('gitHubTimings', () => {
  it('defaults to a 30 s deadline, a 3 minute budget per write and backoff from 1 s doubling up to 15 s', () => {
    expect(gitHubTimings({})).toEqual({ timeoutMs: 30_000, writeBudgetMs: 180_000, writeBackoffMs: [1000, 2000, 4000, 8000, 15_000] })
  })

  it('reads the runner environment, for a slow GitHub Enterprise Server or a test', () => {
    const t = gitHubTimings({ DEPLOY_GUARD_GITHUB_TIMEOUT: '2s', DEPLOY_GUARD_GITHUB_BACKOFF: '100ms', DEPLOY_GUARD_GITHUB_RETRY_BUDGET: '20s' })
    expect(t).toEqual({ timeoutMs: 2000, writeBudgetMs: 20_000, writeBackoffMs: [100, 200, 400, 800, 1600] })
  })

  it.each([
    ['DEPLOY_GUARD_GITHUB_TIMEOUT', '0s', /above 0s/],
    ['DEPLOY_GUARD_GITHUB_TIMEOUT', 'soon', /a duration such as/],
    ['DEPLOY_GUARD_GITHUB_RETRY_BUDGET', '1h', /at most/]
  ])('%s=%s is refused, naming the variable', (name, value, expected) => {
    expect(() => gitHubTimings({ [name]: value })).toThrow(
      expect.objectContaining({ message: expect.stringMatching(new RegExp(`environment variable ${name}`)) })
    )
    expect(() => gitHubTimings({ [name]: value })).toThrow(expected)
  })
})
