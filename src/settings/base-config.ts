// On pull-request events the policy comes from the base branch (PRODUCT.md section 7): the
// workspace holds the PR's own copy of the config file, which the change it judges could edit.
import { approvalSettings, type ApprovalSettings } from './approval-settings.js'
import { parseConfig } from './config-file.js'
import type { Settings } from './types.js'
import { UserError } from '../values/user-error.js'

/**
 * The approval settings from the inputs and the config file's text on the base branch
 * (undefined: no such file there). A bad file is a user error naming the branch.
 */
export async function approvalFromBaseConfig(
  s: Pick<Settings, 'baseConfig' | 'approval' | 'configPath'>,
  text: string | undefined,
  baseRef: string
): Promise<ApprovalSettings> {
  const b = s.baseConfig
  if (!b) return s.approval
  const configFile = s.configPath.replace(/^\.\//, '')
  if (text === undefined) {
    if (b.explicit) {
      throw new UserError('input config', s.configPath, `a YAML file on the base branch ${baseRef}, where pull-request runs read it; it does not exist there`)
    }
    return { ...approvalSettings(b.inputs, {}, s.configPath), configFile }
  }
  const where = `${s.configPath} (base branch ${baseRef})`
  const cfg = await parseConfig(where, text)
  return { ...approvalSettings(b.inputs, (cfg.approval ?? {}) as Record<string, unknown>, where), configFile }
}
