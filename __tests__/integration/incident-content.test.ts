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

describe('escaped forms of known secrets (issue 14)', () => {
  // A header secret with `/` and `+`, which JSON encoders escape, and the run's own token.
  const HEADER_SECRET = 'hdr-Zq8/xK3+pL0/Wm7+Rt5=='
  const escapes = (s: string): string[] => [
    JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/'),
    JSON.stringify(s).slice(1, -1).replace(/\//g, '\\u002f'),
    JSON.stringify(s)
      .slice(1, -1)
      .replace(/[/+]/g, (c) => `\\u00${c.charCodeAt(0).toString(16).toUpperCase()}`),
    encodeURIComponent(s),
    Buffer.from(s).toString('base64')
  ]

  it('redacts each known secret JSON-escaped, URL-encoded and base64, and credentials in escaped URLs, in the issue, the artifact and the report', async () => {
    const escapedUrlPw = 'Url-Pw-31415-in-json'
    const lines = [
      ...[HEADER_SECRET, TEST_TOKEN].flatMap((s) => escapes(s).map((form) => `##[error]request failed {"X-Api-Key":"${form}","n":1}`)),
      `##[error]Error: connect {"url":"https:\\/\\/deployer:${escapedUrlPw}@db.internal.example\\/shop"}`,
      `##[error]Error: connect {"url":"https:\\u002f\\u002fdeployer:${escapedUrlPw}@db.internal.example\\u002fshop"}`,
      `redirect to /login?next=https%3A%2F%2Fdeployer%3A${escapedUrlPw}%40db.internal.example%2Fshop`,
      'done',
      ''
    ].join('\n')
    seedIncidentScenario(gh, { sha, failedLog: lines, deployLog: lines })
    const config = `checks:\n  - name: api\n    type: http\n    url: ${target.url}/status/503\n    headers: { X-Api-Key: "\${API_KEY}" }\n`
    const r = await runAction({
      apiUrl: gh.url,
      event: push,
      keep: true,
      inputs: { duration: '0s', 'failure-limit': '0', 'log-lines': '50' },
      files: { '.github/deploy-guard.yml': config },
      env: { API_KEY: HEADER_SECRET }
    })
    expect(r.code).toBe(1)
    expect(incidents(gh)).toHaveLength(1)
    const dir = join(dirname(r.workspace), 'runner-temp', 'deploy-guard-logs-4242-1')
    const places: Record<string, string> = {
      issue: posted(),
      report: JSON.stringify(r.report),
      summary: r.summary,
      artifact: readdirSync(dir)
        .map((f) => readFileSync(join(dir, f), 'utf8'))
        .join('\n')
    }
    const forms = [...[HEADER_SECRET, TEST_TOKEN].flatMap((s) => [s, ...escapes(s)]), escapedUrlPw]
    const leaks = Object.entries(places).flatMap(([where, text]) => forms.filter((f) => text.includes(f)).map((f) => `${where}: ${f}`))
    expect(leaks).toEqual([])
    // The words around them stay, and the escaped URL keeps its user and host.
    expect(places.issue).toContain('"X-Api-Key":"***","n":1')
    expect(places.issue).toContain('https:\\/\\/deployer:***@db.internal.example\\/shop')
    expect(places.artifact).toContain('https%3A%2F%2Fdeployer%3A***%40db.internal.example%2Fshop')
  })

  it('redacts a long line whole before cutting it: no token prefix reaches the issue at the cut', async () => {
    const ghp = `ghp_${'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z'.repeat(2).slice(0, 36)}`
    // Lines longer than the 2,000 characters kept, a token straddling the cut, in the tail and as error lines.
    const long = (at: number, token: string, prefix = '') =>
      `${prefix}${'word '.repeat(Math.floor(at / 5))}${' '.repeat(at % 5)}${token} after the token ${'z'.repeat(300)}`
    const log = [
      long(1990, ghp, 'Error: '),
      long(1995, TEST_TOKEN, 'Error: '),
      long(1993, ghp),
      long(1998, TEST_TOKEN),
      long(2000 - 7, ghp),
      'last line',
      ''
    ].join('\n')
    seedIncidentScenario(gh, { sha, failedLog: log })
    const r = await failing()
    expect(r.code).toBe(1)
    const text = posted()
    expect(text).toContain('more characters)')
    for (const token of [ghp, TEST_TOKEN]) expect(text).not.toContain(token.slice(0, 8))
    expect(JSON.stringify(r.report)).not.toContain(ghp.slice(0, 8))
  })
})

describe('hostile job and step names (issue 14)', () => {
  it('render as code: no link, no bold, no mention, as GitHub renders the issue', async () => {
    const hostileJob = 'lint](//evil.example/phish) **urgent** @job-owner [x](https://evil.example/a)'
    const hostileStep = 'Run **tests** [docs](//evil.example/step) @step-owner <img src=x>'
    seedIncidentScenario(gh, {
      sha,
      // The job with an error line is the one "What failed" names, with its failed step.
      failedLog: 'no error line here\n',
      extraJobs: [
        { name: hostileJob, conclusion: 'success', log: 'ok\n' },
        {
          name: `deploy-${hostileJob}`,
          conclusion: 'failure',
          log: 'Error: rollout stuck @log-user\n',
          steps: [
            { name: 'Set up job', status: 'completed', conclusion: 'success', number: 1 },
            { name: hostileStep, status: 'completed', conclusion: 'failure', number: 2 }
          ]
        }
      ]
    })
    const r = await failing()
    expect(r.code).toBe(1)
    const issue = incidents(gh)[0]
    for (const text of [issue.body as string, ...commentsOf(gh, issue).map((c: { body: string }) => c.body)]) {
      const html = renderGfm(text)
      expect(mentionsIn(html)).toEqual([])
      expect(elementsIn(html, 'img')).toBe(0)
      for (const href of linksIn(html)) expect(href).toMatch(/^https:\/\/github\.com\/|^http:\/\/127\.0\.0\.1:\d+\//)
      const bold = [...html.matchAll(/<strong>([\s\S]*?)<\/strong>/g)].map((m) => m[1])
      expect(bold.filter((b) => /urgent|tests/.test(b))).toEqual([])
    }
    // Still there to read, literally, in code.
    expect(issue.body).toContain(`[\`${hostileJob}\`](https://github.com/`)
    expect(issue.body).toContain(`step \`${hostileStep}\``)
  })
})
