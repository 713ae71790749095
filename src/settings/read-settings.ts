import { readFile } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { buildSettings } from './build-settings.js'
import { parseConfig, type ConfigFile } from './config-file.js'
import { getInput, readInputs, type Env } from './inputs.js'
import { readContext } from './context.js'
import type { Settings } from './types.js'
import { planMasks } from '../text/mask-plan.js'

/**
 * Reads inputs, the optional config file and the runner's context into one Settings value.
 * The token is masked before anything else happens, and every other secret long enough to
 * mask safely as soon as the settings are built (`warn` names the places of the others);
 * a UserError leaves before any side effect.
 */
export async function readSettings(env: Env, mask: (secret: string) => void, warn: (message: string) => void = () => {}): Promise<Settings> {
  const token = getInput(env, 'github-token')
  if (token) mask(token)
  const inputs = readInputs(env)
  const context = readContext(env)
  const configPath = inputs.config || '.github/deploy-guard.yml'
  const { config, loaded } = await loadConfig(context.workspace, configPath)
  const settings = buildSettings(inputs, config, configPath, loaded, env, context)
  const plan = planMasks(settings.secretSources)
  for (const s of plan.mask) if (s !== token) mask(s)
  for (const w of plan.warnings) warn(w)
  return settings
}

async function loadConfig(workspace: string, path: string): Promise<{ config: ConfigFile; loaded: boolean }> {
  const full = isAbsolute(path) ? path : join(workspace, path)
  let text: string
  try {
    text = await readFile(full, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: {}, loaded: false }
    throw e
  }
  return { config: await parseConfig(path, text), loaded: true }
}
