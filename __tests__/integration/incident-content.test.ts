// What an incident may carry, through the bundled action: no credential of the corpus leaks
// anywhere the action writes (issue, comments, summary, report, log, outputs, artifact files),
// and untrusted text (commit titles, job names, log lines) cannot mention, link or inject HTML.
import { jest } from '@jest/globals'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { example, runAction, TEST_TOKEN } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator, type GitHubEmulator } from '../../test-support/github-emulator/index.mjs'
import { commentsOf, incidents, seedIncidentScenario } from '../../test-support/incident-scenario.mjs'
import { SECRET_CORPUS } from '../../test-support/secret-corpus.mjs'
import { elementsIn, linksIn, mentionsIn, renderGfm } from '../../test-support/render-gfm.mjs'

jest.setTimeout(60_000)

const push = example('push')
const [owner, repo] = push.repository.full_name.split('/')
const sha = push.after as string

let target: Awaited<ReturnType<typeof startHttpTarget>>
let gh: GitHubEmulator
beforeEach(async () => {
  target = await startHttpTarget()
  gh = await startGitHubEmulator({ owner, repo })
})
afterEach(async () => {
  gh.assertClean()
  await gh.close()
  await target.close()
})

const failing = (o: object = {}) =>
  runAction({ apiUrl: gh.url, event: push, inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503` }, ...o })

/** Everything the issue says: the body and every comment. */
const posted = (): string => gh.state.issues.flatMap((i) => [i.title, i.body ?? '', ...commentsOf(gh, i).map((c: { body: string }) => c.body)]).join('\n')

describe('redaction of the secret corpus', () => {
  it(`no credential of ${SECRET_CORPUS.length} kinds leaks anywhere; the error lines keep their words`, async () => {
    const log = [
      '2026-05-01T10:00:00.0000000Z starting',
      ...SECRET_CORPUS.map((e) => `##[error]${e.line}`),
      `##[error]token in env: ${TEST_TOKEN}`,
      '2026-05-01T10:00:09.0000000Z done',
      ''
    ].join('\n')
    const commits = SECRET_CORPUS.slice(0, 6).map((e) => ({
      message: `Rotate ${e.line.split('\n')[0]}`,
      author: { name: 'Dev', email: 'd@example.com', login: 'dev' }
    }))
    seedIncidentScenario(gh, { sha, failedLog: log, deployLog: log, commits })
    const r = await failing({ keep: true, inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, 'log-lines': '500' } })
    expect(r.code).toBe(1)
    expect(incidents(gh)).toHaveLength(1)
    const dir = join(dirname(r.workspace), 'runner-temp', 'deploy-guard-logs-4242-1')
    const artifactFiles = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))
    expect(artifactFiles).toHaveLength(2)
    const places: Record<string, string> = {
      issue: posted(),
      summary: r.summary,
      report: JSON.stringify(r.report),
      log: r.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
      stderr: r.stderr,
      outputs: JSON.stringify(r.outputs),
      artifact: artifactFiles.join('\n')
    }
    const leaks = Object.entries(places).flatMap(([where, text]) =>
      [...SECRET_CORPUS.map((e) => e.secret), TEST_TOKEN].filter((s) => text.includes(s)).map((s) => `${where}: ${s.slice(0, 24)}`)
    )
    expect(leaks).toEqual([])
    const errorLines = posted().slice(posted().indexOf('**Error lines**'))
    for (const e of SECRET_CORPUS) {
      expect(errorLines).toContain(e.keep)
      expect(places.artifact).toContain(e.keep)
    }
  })
})

describe('untrusted text', () => {
  const HOSTILE = [
    'ping @octocat and @acme/oncall now',
    '<img src=x onerror=alert(1)> and <details open><summary>pwn</summary>',
    '[click me](javascript:alert(1)) or https://evil.example/phish or www.evil.example',
    'escaped \\@backslash-user and &#64;entity-user and ``@in-ticks``'
  ]

  it('cannot mention, link, inject HTML or break out of code blocks, as GitHub renders the issue', async () => {
    const log = [...HOSTILE.map((h) => `Error: ${h}`), '```', '</details>', '@fence-breaker hello', '~~~', '````', 'Error: <script>alert(1)</script>', ''].join(
      '\n'
    )
    seedIncidentScenario(gh, {
      sha,
      failedLog: log,
      commits: HOSTILE.map((h) => ({
        message: `Fix ${h} (#9)`,
        author: { name: '@author-name <img src=y onerror=z>', email: 'a@example.com', login: 'hostile-login' }
      })),
      extraJobs: [{ name: '<img src=x onerror=alert(2)> @job-owner', conclusion: 'failure', log: 'Error: @in-job-log\n' }]
    })
    const r = await failing({ inputs: { duration: '0s', 'failure-limit': '0', 'health-urls': `${target.url}/status/503`, version: '@version-user' } })
    expect(r.code).toBe(1)
    const issue = incidents(gh)[0]
    for (const text of [issue.body as string, ...commentsOf(gh, issue).map((c: { body: string }) => c.body), r.summary]) {
      const html = renderGfm(text)
      expect(mentionsIn(html)).toEqual([])
      expect(elementsIn(html, 'img')).toBe(0)
      expect(elementsIn(html, 'script')).toBe(0)
      expect(elementsIn(html, 'details')).toBe((text.match(/^<details><summary>/gm) ?? []).length)
      for (const href of linksIn(html)) expect(href).toMatch(/^https:\/\/github\.com\/|^http:\/\/127\.0\.0\.1:\d+\//)
    }
    // The hostile text is still there to read, literally, in code.
    expect(issue.body).toContain('`Fix [click me](javascript:alert(1)) or https://evil.example/phish or www.evil.example (#9)`')
    expect(issue.body).toContain('@fence-breaker hello')
    expect(renderGfm(issue.body)).toMatch(/<pre><code class="language-text">[^<]*Error: &lt;img src=x onerror=alert\(1\)&gt;/)
  })
})
