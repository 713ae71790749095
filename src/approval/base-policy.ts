// What approval, gate and merge-group share: their settings view and the policy read from the
// base branch (a module of its own, so merge-group.ts and approval.ts do not import each other).
import type { GitHubConnection } from '../github/connect.js'
import { WorkflowFiles } from '../github/workflow-files.js'
import type { ApprovalSettings } from '../settings/approval-settings.js'
import { approvalFromBaseConfig } from '../settings/base-config.js'
import type { Settings } from '../settings/types.js'

/** What approval and gate read of the settings. */
export type ApprovalModeSettings = Pick<Settings, 'approval' | 'baseConfig' | 'configPath' | 'context' | 'secrets' | 'dryRun' | 'version'>

/** Reads the config file from the PR's base branch through the API. */
export function basePolicy(s: ApprovalModeSettings, conn: GitHubConnection): (baseRef: string) => Promise<ApprovalSettings> {
  return async (ref) => approvalFromBaseConfig(s, await new WorkflowFiles(conn.client, conn.repo).text(s.configPath, ref), ref)
}

export function policySource(s: Pick<Settings, 'configPath'>, baseRef: string): string {
  return `${s.configPath} as on the base branch ${baseRef}, read through the API (the PR's own copy in the workspace is ignored)`
}
