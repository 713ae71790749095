import type { Log } from '../runner/log.js'
import type { Settings } from '../settings/types.js'
import { createClient } from './client.js'
import { DeploymentLedger } from './deployments.js'

/** The ledger for this repository, or undefined (with a warning) when there is no token or repository. */
export async function openLedger(s: Settings, log: Log): Promise<DeploymentLedger | undefined> {
  const repo = s.context.repository
  if (!s.token || !repo) {
    log.warning(`No ${!s.token ? 'github-token' : 'GITHUB_REPOSITORY'}: the deployment is not recorded in GitHub Deployments.`)
    return undefined
  }
  return new DeploymentLedger(await createClient(s.token, s.context.apiUrl, log), repo)
}
