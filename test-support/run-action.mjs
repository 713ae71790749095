// Runs the bundled action (dist/index.js) as the GitHub Actions runner does: a child process
// with INPUT_* variables (action.yml defaults filled in), file commands and a real event payload.
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
export const DIST = join(ROOT, 'dist', 'index.js')
/** The Node the runner uses for `runs.using: node24`; the npm-installed one when present. */
export const NODE = process.env.DEPLOY_GUARD_NODE || process.execPath

const actionYml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))

/** The runner's name for an input's environment variable (spaces become _, upper case). */
export function inputVar(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

/** INPUT_* variables for every input of action.yml, defaults expanded as the runner would. */
export const TEST_TOKEN = 'ghs_testtoken0000000000000000000000000000'

export function inputEnv(inputs = {}, { token = TEST_TOKEN } = {}) {
  const env = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    let value = spec.default ?? ''
    if (value === '${{ github.token }}') value = token
    env[inputVar(name)] = String(value)
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`test uses input ${name} that action.yml does not declare`)
    env[inputVar(name)] = String(value)
  }
  return env
}

/** A webhook payload from @octokit/webhooks-examples, e.g. example('push'), example('pull_request', 'labeled'). */
export function example(event, action) {
  const all = JSON.parse(readFileSync(join(ROOT, 'node_modules/@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'))
  const entry = all.find((e) => e.name === event)
  if (!entry) throw new Error(`no webhook example for ${event}`)
  const found = action ? entry.examples.find((e) => e.action === action) : entry.examples[0]
  if (!found) throw new Error(`no webhook example for ${event}.${action}`)
  return structuredClone(found)
}

/** Parses a GITHUB_OUTPUT file (name<<delimiter ... delimiter, or name=value lines). */
export function parseFileCommands(text) {
  const out = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const heredoc = line.match(/^([^=<]+)<<(.+)$/)
    if (heredoc) {
      const value = []
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i])
      out[heredoc[1]] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

/** `::error title=x::message` lines from stdout, unescaped enough for assertions. */
export function annotations(stdout, level = 'error') {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith(`::${level}`))
    .map((l) => decodeURIComponent(l.slice(l.indexOf('::', 2) + 2).replace(/%(?![0-9A-F]{2})/g, '%25')))
}

/**
 * The environment the runner gives a step: file-command paths under `dir`, the workspace, the
 * event payload file, GITHUB_* context and INPUT_* variables.
 */
export function runnerEnv({ dir, workspace, eventName = 'push', event, sha, apiUrl = 'http://127.0.0.1:9', inputs, token }) {
  const repo = event.repository?.full_name ?? 'octo-org/octo-repo'
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: join(dir, 'event.json'),
    GITHUB_REPOSITORY: repo,
    GITHUB_REPOSITORY_OWNER: repo.split('/')[0],
    GITHUB_SHA: sha ?? event.after ?? event.pull_request?.head?.sha ?? 'ffac537e6cbbf934b08745a378932722df287a53',
    GITHUB_REF: event.ref ?? 'refs/heads/main',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_NUMBER: '17',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'deploy',
    GITHUB_JOB: 'verify',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: apiUrl,
    GITHUB_GRAPHQL_URL: `${apiUrl}/graphql`,
    RUNNER_TEMP: join(dir, 'runner-temp'),
    RUNNER_OS: 'Linux',
    // Without an API to talk to, no token: the action then skips GitHub instead of retrying.
    ...inputEnv(inputs, { token: token ?? (apiUrl === 'http://127.0.0.1:9' ? '' : undefined) })
  }
}

/** Creates the empty file-command files, runner temp and workspace of runnerEnv under dir. */
export function prepareRunnerDir(dir, event) {
  const workspace = join(dir, 'workspace')
  mkdirSync(workspace, { recursive: true })
  mkdirSync(join(dir, 'runner-temp'), { recursive: true })
  for (const f of ['output', 'summary.md', 'state', 'env', 'path']) writeFileSync(join(dir, f), '')
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event))
  return workspace
}

/**
 * Runs dist/index.js once and resolves with what the runner would see.
 * @param {object} o
 * @param {Record<string,string>} [o.inputs] action inputs by their action.yml names
 * @param {string} [o.eventName] GITHUB_EVENT_NAME (default push)
 * @param {object} [o.event] the event payload (default: the push example)
 * @param {string} [o.apiUrl] GITHUB_API_URL (e.g. the emulator's URL)
 * @param {Record<string,string>} [o.env] extra or overriding environment
 * @param {Record<string,string>} [o.files] files to write into the workspace before the run
 * @param {number} [o.timeoutMs] kill the child after this long (default 60 s)
 * @param {Record<string,string>} [o.state] saved state of the main step (STATE_* variables): runs the post step,
 *   when action.yml's `post-if` holds for the job's status, as the runner does (otherwise no process is spawned)
 * @param {{ code: number | string }} [o.after] the main step's result: its exit code gives the job's status
 * @param {'success' | 'failure' | 'cancelled'} [o.jobStatus] the job's status for `post-if` (default: from o.after)
 * @param {{ signal: NodeJS.Signals, when: RegExp, then?: { signal: NodeJS.Signals, afterMs: number } }} [o.cancel]
 *   sends `signal` once stdout matches `when`, as the runner does on a cancelled workflow (SIGINT, then SIGTERM)
 */
export async function runAction(o = {}) {
  if (o.state && !postIfHolds(jobStatusOf(o))) return skippedPost()
  const work = await mkdtemp(join(tmpdir(), 'deploy-guard-run-'))
  const event = o.event ?? example('push')
  const workspace = prepareRunnerDir(work, event)
  for (const [rel, content] of Object.entries(o.files ?? {})) {
    mkdirSync(dirname(join(workspace, rel)), { recursive: true })
    writeFileSync(join(workspace, rel), content)
  }
  const env = {
    ...runnerEnv({ dir: work, workspace, eventName: o.eventName, event, sha: o.sha, apiUrl: o.apiUrl, inputs: o.inputs, token: o.token }),
    ...Object.fromEntries(Object.entries(o.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...(o.env ?? {})
  }
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k]
  const started = performance.now()
  const child = spawn(NODE, [DIST], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let signalled = false
  child.stdout.on('data', (d) => {
    stdout += d
    if (o.cancel && !signalled && o.cancel.when.test(stdout)) {
      signalled = true
      child.kill(o.cancel.signal)
      if (o.cancel.then) setTimeout(() => child.kill(o.cancel.then.signal), o.cancel.then.afterMs).unref()
    }
  })
  child.stderr.on('data', (d) => (stderr += d))
  const timeoutMs = o.timeoutMs ?? 60_000
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (c, signal) => {
      clearTimeout(timer)
      resolve(signal ? `killed:${signal}` : c)
    })
  })
  const durationMs = performance.now() - started
  const outputs = parseFileCommands(await readFile(join(work, 'output'), 'utf8'))
  const summary = await readFile(join(work, 'summary.md'), 'utf8')
  const state = parseFileCommands(await readFile(join(work, 'state'), 'utf8'))
  let report = null
  if (outputs.report) {
    try {
      report = JSON.parse(await readFile(outputs.report, 'utf8'))
    } catch {
      report = null
    }
  }
  if (!o.keep) await rm(work, { recursive: true, force: true }).catch(() => {})
  return { code, stdout, stderr, outputs, summary, report, state, durationMs, workspace, errors: annotations(stdout) }
}

/** The job's status when the post step is considered: given, or from the main step's exit. */
function jobStatusOf(o) {
  if (o.jobStatus) return o.jobStatus
  if (!o.after) throw new Error("a post-step run needs the job status: pass after (the main step's result) or jobStatus")
  if (String(o.after.code).startsWith('killed:')) return 'cancelled'
  return o.after.code === 0 ? 'success' : 'failure'
}

/**
 * Evaluates action.yml's `post-if` as the runner does: its status functions see the job's status
 * (no post-if means always()). Only the status functions, !, && and || and parentheses are known.
 */
export function postIfHolds(jobStatus) {
  const expr = String(actionYml.runs['post-if'] ?? 'always()').replace(/^\$\{\{(.*)\}\}$/s, '$1')
  const fns = { 'success()': jobStatus === 'success', 'failure()': jobStatus === 'failure', 'cancelled()': jobStatus === 'cancelled', 'always()': true }
  const tokens = expr.match(/\w+\(\)|&&|\|\||!|\(|\)|\S+/g) ?? []
  let i = 0
  const or = () => {
    let v = and()
    while (tokens[i] === '||') {
      i++
      v = and() || v
    }
    return v
  }
  const and = () => {
    let v = not()
    while (tokens[i] === '&&') {
      i++
      v = not() && v
    }
    return v
  }
  const not = () => {
    const t = tokens[i++]
    if (t === '!') return !not()
    if (t === '(') {
      const v = or()
      if (tokens[i++] !== ')') throw new Error(`post-if: ) expected in ${expr}`)
      return v
    }
    if (!(t in fns)) throw new Error(`post-if: the harness does not know ${t} in ${expr}`)
    return fns[t]
  }
  const v = or()
  if (i !== tokens.length) throw new Error(`post-if: cannot read ${expr}`)
  return v
}

/** What the runner shows for a post step it skipped: no process, nothing written. */
function skippedPost() {
  return { code: 0, skipped: true, stdout: '', stderr: '', outputs: {}, summary: '', report: null, state: {}, durationMs: 0, workspace: '', errors: [] }
}
