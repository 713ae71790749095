import { explain } from '../../src/github/errors.js'
import { GitHubTimeoutError } from '../../src/github/bounded-fetch.js'

const octokitError = (status: number, message: string, headers: Record<string, string> = {}, cause?: Error) => ({
  status,
  message,
  response: { data: { message }, headers },
  ...(cause && { cause })
})

describe('explain: one sentence a user can act on', () => {
  it.each([
    [
      'a timeout is a timeout, not a 500',
      octokitError(500, 'GitHub did not answer within 30 s', {}, new GitHubTimeoutError(30_000)),
      /failed: timeout: GitHub did not answer within 30 s/,
      /\(500\)/
    ],
    ['a 403 from a missing permission names it', octokitError(403, 'Resource not accessible by integration'), /add `deployments: write`/, /rate limit/],
    ['a 404 names the permission too', octokitError(404, 'Not Found'), /add `deployments: write`/, /rate limit/],
    [
      'a primary rate limit is not a permission problem',
      octokitError(403, 'API rate limit exceeded', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1700000000' }),
      /rate limit is used up; not a permission problem\. It resets at 2023-11-14T22:13:20.000Z/,
      /permissions:/
    ],
    [
      'a secondary rate limit says so',
      octokitError(403, 'You have exceeded a secondary rate limit'),
      /secondary rate limit .*not a permission problem/,
      /permissions:/
    ],
    [
      'no HTTP answer at all is not a 500',
      { status: 500, message: 'getaddrinfo ENOTFOUND api.github.test' },
      /failed: no answer from GitHub: getaddrinfo ENOTFOUND/,
      /\(500\)|permissions:/
    ],
    ['a 401 points at the token', octokitError(401, 'Bad credentials'), /check the github-token input/, /permissions:/]
  ])('%s', (_what, e, says, never) => {
    const m = explain('creating the deployment', e, 'deployments: write').message
    expect(m).toMatch(/^creating the deployment failed/)
    expect(m).toMatch(says)
    expect(m).not.toMatch(never)
  })
})
