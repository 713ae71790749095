// The GitHub API behind a corporate proxy: the client of @actions/github honours HTTPS_PROXY /
// HTTP_PROXY and NO_PROXY. The API's host name resolves only inside the proxy, so a recorded
// deployment proves the calls went through it.
import { jest } from '@jest/globals'
import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'
import { startForwardProxy, type ForwardProxy } from '../../test-support/forward-proxy.mjs'

jest.setTimeout(30_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
let proxy: ForwardProxy
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
  gh.seed.commit({ sha: push.after })
  proxy = await startForwardProxy({ hosts: ['api.github.test'] })
})
afterEach(async () => {
  gh.assertClean()
  await Promise.all([gh.close(), target.close(), proxy.close()])
})

const apiUrl = () => `http://api.github.test:${new URL(gh.url).port}`

// The emulator speaks http, so HTTP_PROXY applies (the toolkit picks the variable by the API's scheme, as for checks).
it.each(['HTTP_PROXY', 'http_proxy'])('records the deployment through %s', async (variable) => {
  const r = await runAction({ apiUrl: apiUrl(), event: push, inputs: { duration: '0s', 'health-urls': `${target.url}/ok` }, env: { [variable]: proxy.url } })
  expect(r.code).toBe(0)
  expect(gh.state.deployments).toHaveLength(1)
  expect(
    gh.state
      .statusesOf(gh.state.deployments[0].id)
      .map((s) => s.state)
      .at(-1)
  ).toBe('success')
  expect(proxy.requests.length).toBeGreaterThan(0)
  expect(proxy.requests.every((q) => q.url.includes('api.github.test'))).toBe(true)
})

it('cannot reach the API without the proxy, and says so without losing the verdict', async () => {
  const r = await runAction({ apiUrl: apiUrl(), event: push, inputs: { duration: '0s', 'health-urls': `${target.url}/ok` } })
  expect(r.code).toBe(0)
  expect(r.outputs.result).toBe('passed')
  expect(gh.requests).toHaveLength(0)
  expect(r.summary).toMatch(/could not record the deployment/)
  expect(r.stdout).toMatch(/listing deployments failed: no answer from GitHub: getaddrinfo (ENOTFOUND|EAI_AGAIN)/)
  // Each step says what it could not do; a passing run makes two calls, fewer than it takes to
  // call GitHub silent (failure-faults.test.ts covers the breaker).
  expect(r.stdout).toMatch(/listing open incident issues failed: no answer from GitHub/)
  expect(r.durationMs).toBeLessThan(20_000)
})
