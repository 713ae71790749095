// Inputs and run context as the runner would give them, for buildSettings.
import { buildSettings } from '../../src/settings/build-settings.js'
import { INPUT_NAMES, type Env, type InputName } from '../../src/settings/inputs.js'
import type { ConfigFile } from '../../src/settings/config-file.js'
import type { RunContext, Settings } from '../../src/settings/types.js'

export const CONFIG_PATH = '.github/deploy-guard.yml'

/** Every input of action.yml, unset (''), with the given ones set. */
export function inputsWith(set: Partial<Record<InputName, string>> = {}): Record<InputName, string> {
  const all = Object.fromEntries(INPUT_NAMES.map((n) => [n, ''])) as Record<InputName, string>
  return { ...all, ...set }
}

export function runContext(overrides: Partial<RunContext> = {}): RunContext {
  return {
    repository: { owner: 'acme', repo: 'shop' },
    eventName: 'push',
    sha: '0123456789abcdef0123456789abcdef01234567',
    headSha: '0123456789abcdef0123456789abcdef01234567',
    ref: 'refs/heads/main',
    runId: '4242',
    runAttempt: '1',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    graphqlUrl: 'https://api.github.com/graphql',
    workflow: 'deploy',
    job: 'verify',
    actor: 'octocat',
    tempDir: '/tmp',
    workspace: '/tmp',
    ...overrides
  }
}

/** buildSettings with the default config path; the config file counts as loaded when given. */
export function settingsFrom(inputs: Partial<Record<InputName, string>>, config?: ConfigFile, env: Env = {}, context: Partial<RunContext> = {}): Settings {
  return buildSettings(inputsWith(inputs), config ?? {}, CONFIG_PATH, config !== undefined, env, runContext(context))
}

/** The message of what fn throws ('' when it does not throw), for asserting on user-facing text. */
export function thrownBy(fn: () => unknown): { name: string; message: string } {
  try {
    fn()
  } catch (e) {
    return { name: (e as Error).name, message: (e as Error).message }
  }
  return { name: '', message: '' }
}
