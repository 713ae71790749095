import { clip } from '../text/clip.js'
import type { GitHubClient } from './client.js'
import { GitHubCallError, apiMessage, explain, statusOf } from './errors.js'
import { safeWrite } from './safe-write.js'

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'

export interface Repo {
  readonly owner: string
  readonly repo: string
}

/** The slice of a GitHub deployment deploy-guard works with. */
export interface Deployment {
  readonly id: number
  readonly sha: string
  readonly ref: string
  readonly environment: string
  /** The release the deployment records; payload.deploy_guard.version when it is not a git ref. */
  readonly version: string
  readonly created: boolean
}

const PERMISSION = 'deployments: write'

/**
 * The deployment ledger: GitHub Deployments are the only store of what was released where
 * and how it went.
 */
export class DeploymentLedger {
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: Repo
  ) {}

  /**
   * The newest deployment of `version` in `environment`, or a new one. A version that is not
   * a git ref (a semver release name, say) is recorded on the workflow's commit, with the
   * version in the payload. Creation looks before it retries: an attempt GitHub did without
   * answering is found as the deployment of that version, never created twice.
   */
  async findOrCreate(version: string, environment: string, fallbackSha: string, description: string, productionEnvironment: boolean): Promise<Deployment> {
    const existing = await this.find(version, environment)
    if (existing) return existing
    const payload = { deploy_guard: { version } }
    const create = (ref: string) =>
      safeWrite(this.gh.writes, {
        what: `creating the deployment of ${version} in ${environment}`,
        send: async (): Promise<Deployment> => {
          const res = await this.gh.rest.repos.createDeployment({
            ...this.repo,
            ref,
            environment,
            auto_merge: false,
            required_contexts: [],
            task: 'deploy',
            description: clip(description),
            payload,
            production_environment: productionEnvironment,
            request: { retries: 0 }
          })
          const d = res.data as { id: number; sha: string; ref: string; environment: string }
          return { id: d.id, sha: d.sha, ref: d.ref, environment: d.environment, version, created: true }
        },
        lookup: {
          name: `a deployment of ${version} in ${environment}`,
          find: async () => {
            const d = await this.find(version, environment)
            return d && { ...d, created: true }
          }
        }
      })
    try {
      return await create(version)
    } catch (e) {
      const status = statusOf(e)
      if (status !== 422 || !fallbackSha || fallbackSha === version) throw explain('creating the deployment', e, PERMISSION)
      try {
        return await create(fallbackSha)
      } catch (e2) {
        throw explain('creating the deployment', e2, PERMISSION)
      }
    }
  }

  private async find(version: string, environment: string): Promise<Deployment | undefined> {
    const byRef = /^[0-9a-f]{40}$/i.test(version) ? { sha: version } : {}
    try {
      const { data } = await this.gh.rest.repos.listDeployments({ ...this.repo, environment, ...byRef, per_page: 30 })
      const hit = data.find((d) => versionOf(d) === version || d.sha === version || d.ref === version)
      return hit ? { id: hit.id, sha: hit.sha, ref: hit.ref, environment: hit.environment ?? environment, version, created: false } : undefined
    } catch (e) {
      throw explain('listing deployments', e, PERMISSION)
    }
  }

  /** Posts a status; the run's URL goes in log_url so the deployment links back to the evidence. */
  async setStatus(id: number, state: DeploymentState, description: string, logUrl: string): Promise<void> {
    try {
      await postStatus(this.gh, this.repo, id, { state, description: clip(description), logUrl, autoInactive: state === 'success' })
    } catch (e) {
      throw explain(`setting deployment ${id} to ${state}`, e, PERMISSION)
    }
  }
}

/**
 * Posts a deployment status through safeWrite: an attempt that got no answer is looked for
 * among the deployment's statuses (same state and description) before it is sent again.
 */
export async function postStatus(
  gh: GitHubClient,
  repo: Repo,
  id: number,
  s: { state: DeploymentState | 'queued' | 'pending'; description: string; logUrl: string; autoInactive: boolean }
): Promise<void> {
  await safeWrite(gh.writes, {
    what: `setting deployment ${id} to ${s.state}`,
    send: async () => {
      await gh.rest.repos.createDeploymentStatus({
        ...repo,
        deployment_id: id,
        state: s.state,
        description: s.description,
        ...(s.logUrl && { log_url: s.logUrl }),
        auto_inactive: s.autoInactive,
        request: { retries: 0 }
      })
      return true
    },
    lookup: {
      name: `a ${s.state} status on deployment ${id}`,
      find: async () => {
        const { data } = await gh.rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id, per_page: 30 })
        return data.some((x) => x.state === s.state && (x.description ?? '') === s.description) || undefined
      }
    }
  })
}

/** A deployment to create: the rollback's record, and the trigger itself for the `deployment` strategy. */
export interface NewDeployment {
  readonly ref: string
  readonly environment: string
  readonly task: string
  readonly description: string
  readonly payload: Readonly<Record<string, unknown>>
  readonly requiredContexts: readonly string[]
  readonly productionEnvironment: boolean
}

/**
 * Creates a deployment with `auto_merge: false` and explicit `required_contexts`; returns its
 * id. An attempt that got no answer is looked for (a deployment of that SHA in the environment
 * with the same task and deploy-guard payload) before it is sent again.
 */
export async function createDeployment(gh: GitHubClient, repo: Repo, d: NewDeployment): Promise<number> {
  const what = `creating a deployment of ${d.ref.slice(0, 12)} in ${d.environment}`
  try {
    return await safeWrite(gh.writes, {
      what,
      send: async () => {
        const res = await gh.rest.repos.createDeployment({
          ...repo,
          ref: d.ref,
          environment: d.environment,
          task: d.task,
          description: clip(d.description),
          payload: { ...d.payload },
          auto_merge: false,
          required_contexts: [...d.requiredContexts],
          production_environment: d.productionEnvironment,
          request: { retries: 0 }
        })
        const id = (res.data as { id?: number }).id
        if (res.status !== 201 || !id)
          throw new GitHubCallError(
            what,
            res.status,
            `${what}: GitHub answered ${res.status} without creating it: ${(res.data as { message?: string }).message ?? ''}`
          )
        return id
      },
      lookup: { name: `the deployment of ${d.ref.slice(0, 12)} in ${d.environment} with this payload`, find: (since) => sameDeployment(gh, repo, d, since) }
    })
  } catch (e) {
    if (e instanceof GitHubCallError) throw e
    if (statusOf(e) === 409) {
      throw new GitHubCallError(
        what,
        409,
        `${what} failed (409): ${apiMessage(e)}. A required status check of rollback.required-contexts is not green on that commit.`
      )
    }
    throw explain(what, e, 'deployments: write')
  }
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x
  )

/** The deployment an unanswered attempt of `d` created: same task and deploy-guard payload, created since the attempt. */
async function sameDeployment(gh: GitHubClient, repo: Repo, d: NewDeployment, since: number): Promise<number | undefined> {
  const { data } = await gh.rest.repos.listDeployments({ ...repo, environment: d.environment, per_page: 20 })
  const want = canonical(guardPayload(d.payload))
  const hit = data.find((x) => x.task === d.task && Date.parse(x.created_at) >= since - 2000 && canonical(guardPayload(x.payload)) === want)
  return hit?.id
}

/** Posts a status on the rollback's record deployment (rollback-ledger.ts says what each state means). */
export async function markDeployment(
  gh: GitHubClient,
  repo: Repo,
  id: number,
  state: 'queued' | 'in_progress' | 'error' | 'inactive',
  description: string,
  logUrl: string
): Promise<void> {
  try {
    await postStatus(gh, repo, id, { state, description: clip(description), logUrl, autoInactive: false })
  } catch (e) {
    throw explain(`setting deployment ${id} to ${state}`, e, 'deployments: write')
  }
}

function versionOf(d: { payload: unknown }): string | undefined {
  const version = guardPayload(d.payload)?.version
  return typeof version === 'string' ? version : undefined
}

/** The `deploy_guard` object deploy-guard writes into a deployment's payload (an object, or JSON text on older servers). */
export function guardPayload(payload: unknown): Record<string, unknown> | undefined {
  let p = payload
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p)
    } catch {
      return undefined
    }
  }
  const g = (p as { deploy_guard?: unknown } | null)?.deploy_guard
  return g && typeof g === 'object' ? (g as Record<string, unknown>) : undefined
}
