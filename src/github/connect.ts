import type { Log } from '../runner/log.js'
import type { Settings } from '../settings/types.js'
import { createClient, type GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import type { ActionTaken } from '../facts/verify-report.js'

/** The run's one GitHub client and the repository it works on. */
export interface GitHubConnection {
  readonly client: GitHubClient
  readonly repo: Repo
}

/** Opens the connection on first use, once per run; undefined when there is no token or repository. */
export type GitHubConnector = () => Promise<GitHubConnection | undefined>

// The connection a connector opened, if it did: reading it never opens one (a run that did not
// touch GitHub should not load Octokit, or warn of a missing token, just to find nothing).
const openedBy = new WeakMap<GitHubConnector, () => Promise<GitHubConnection | undefined> | undefined>()

/**
 * The connector every mode gets. The client loads lazily (the probes go out first) and is
 * shared by the deployment ledger, the rollback and the incident; without a token or a
 * repository it says once what GitHub work is skipped.
 */
export function gitHubConnector(s: Settings, log: Log): GitHubConnector {
  let opened: Promise<GitHubConnection | undefined> | undefined
  const connect: GitHubConnector = () => {
    opened ??= (async () => {
      const repo = s.context.repository
      if (!s.token || !repo) {
        log.warning(`No ${!s.token ? 'github-token' : 'GITHUB_REPOSITORY'}: nothing is recorded or changed on GitHub.`)
        return undefined
      }
      return { client: await createClient(s.token, s.context.apiUrl, log, s.github ?? {}), repo }
    })()
    return opened
  }
  openedBy.set(connect, () => opened)
  return connect
}

/** Every write GitHub made the run retry, as actions for the summary: which write, what failed, what was looked for, how it ended. */
export async function retriedWrites(github: GitHubConnector): Promise<ActionTaken[]> {
  const opened = openedBy.has(github) ? openedBy.get(github)?.() : github()
  const conn = await opened?.catch(() => undefined)
  return (conn?.client.writes.journal ?? []).map((n) => ({ what: `GitHub write retried: ${n.what}`, ok: n.ok, detail: n.detail }))
}
