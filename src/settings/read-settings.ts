import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { buildSettings, judgesPullRequests, resolveMode } from './build-settings.js'
import { parseConfig, type ConfigFile } from './config-file.js'
import { getInput, readInputs, type Env } from './inputs.js'
import { readContext, type ToolkitContext } from './context.js'
import type { Settings } from './types.js'
import { UserError } from '../values/user-error.js'
import { planMasks } from '../text/mask-plan.js'

const DEFAULT_CONFIG = '.github/deploy-guard.yml'

/**
 * Reads inputs, the optional config file and the run's context into one Settings value.
 * The token is masked before anything else happens, and every other secret long enough to
 * mask safely as soon as the settings are built (`warn` names the places of the others);
 * a UserError leaves before any side effect.
 */
export async function readSettings(
  env: Env,
  toolkit: ToolkitContext,
  mask: (secret: string) => void,
  warn: (message: string) => void = () => {}
): Promise<Settings> {
  const token = getInput(env, 'github-token')
  if (token) mask(token)
  const inputs = readInputs(env)
  const context = readContext(toolkit, env)
  const configPath = inputs.config || DEFAULT_CONFIG
  // action.yml gives the default path as the input's default: only another path was chosen by the user.
  const explicit = configPath !== DEFAULT_CONFIG
  // On a pull request the workspace holds the PR's own copy of the config: approval reads the
  // base branch's through the API instead (settings/base-config.ts), so a PR cannot loosen the policy that judges it.
  const fromBase = judgesPullRequests(inputs.mode, context.eventName)
  const { config, loaded } = fromBase ? { config: {}, loaded: false } : await loadConfig(context.workspace, configPath, explicit)
  const built = buildSettings(inputs, config, configPath, loaded, env, context)
  const settings = fromBase ? { ...built, baseConfig: { inputs, explicit } } : built
  const plan = planMasks(settings.secretSources)
  for (const s of plan.mask) if (s !== token) mask(s)
  for (const w of plan.warnings) warn(w)
  return settings
}

/** The config file; a missing default file is fine, a missing or unreadable file the user named is not. */
async function loadConfig(workspace: string, path: string, explicit: boolean): Promise<{ config: ConfigFile; loaded: boolean }> {
  const full = isAbsolute(path) ? path : join(workspace, path)
  const info = await stat(full).catch((e: NodeJS.ErrnoException) => e)
  if (info instanceof Error) {
    if (info.code === 'ENOENT' && !explicit) return { config: {}, loaded: false }
    const why = info.code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${info.code ?? info.message})`
    throw new UserError('input config', path, `a YAML file in the repository (relative to the workspace); ${why}`)
  }
  if (!info.isFile()) {
    throw new UserError(explicit ? 'input config' : `config ${path}`, path, 'a YAML file, but it is a directory or other non-file')
  }
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch (e) {
    throw new UserError('input config', path, `a readable YAML file (${(e as NodeJS.ErrnoException).code ?? String(e)})`)
  }
  return { config: await parseConfig(path, text), loaded: true }
}

/** The mode this run was asked for, for an input error's outputs; undefined when even that cannot be told. */
export function intendedMode(env: Env, toolkit: ToolkitContext): string | undefined {
  try {
    return resolveMode(getInput(env, 'mode'), toolkit.eventName ?? '')
  } catch {
    return undefined
  }
}

/** What the post step needs: the token and where to find GitHub. */
export interface PostSettings {
  readonly token: string
  readonly context: ReturnType<typeof readContext>
}

/** The post step's settings: only the token (masked again: the post step is a new process) and the context. */
export function readPostSettings(env: Env, toolkit: ToolkitContext, mask: (secret: string) => void): PostSettings {
  const token = getInput(env, 'github-token')
  if (token) mask(token)
  return { token, context: readContext(toolkit, env) }
}
