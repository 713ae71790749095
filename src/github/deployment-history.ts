import type { GitHubClient } from './client.js'
import { guardPayload, type Repo } from './deployments.js'
import { explain } from './errors.js'

/** Marks a deployment deploy-guard created to roll back: its payload's `deploy_guard` object. */
export interface RollbackMark {
  /** The bad version this deployment replaced. */
  readonly of: string
  /** The deployment that recorded the bad version, when one was recorded. */
  readonly ofDeployment?: number
  /** The workflow run (and attempt, and job) that sent the rollback. */
  readonly runId: string
  readonly runAttempt: string
  readonly job: string
  readonly strategy: string
  /** The webhook delivery id the rollback was (or is to be) sent under. */
  readonly delivery?: string
  /** The run that sent it, as a link (the delivery report's evidence). */
  readonly runUrl?: string
}

/** A deployment as the history sees it. */
export interface PastDeployment {
  readonly id: number
  readonly sha: string
  readonly ref: string
  readonly task: string
  readonly createdAt: string
  /** payload.deploy_guard.version, when deploy-guard recorded it. */
  readonly version?: string
  readonly rollback?: RollbackMark
}

/** One status of a deployment. */
export interface PastStatus {
  readonly id: number
  readonly state: string
  readonly description: string
  readonly logUrl: string
}

const READ = 'deployments: read'
export const PER_PAGE = 100

/**
 * Reads the deployments of one environment, newest first, one page at a time: the caller
 * decides when it knows enough, so a long history costs only the pages it needs.
 */
export class DeploymentHistory {
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: Repo,
    readonly environment: string
  ) {}

  /** Page `page` (1-based) of the environment's deployments, newest first; fewer than PER_PAGE means the last. */
  async page(page: number, perPage = PER_PAGE): Promise<PastDeployment[]> {
    try {
      const { data } = await this.gh.rest.repos.listDeployments({
        ...this.repo,
        environment: this.environment,
        per_page: perPage,
        page
      })
      return data.map(slim)
    } catch (e) {
      throw explain(`listing the deployments of ${this.environment}`, e, READ)
    }
  }

  /** Every status of a deployment, newest first (the first page holds 100: a deployment rarely has more). */
  async statuses(id: number): Promise<PastStatus[]> {
    try {
      const { data } = await this.gh.rest.repos.listDeploymentStatuses({ ...this.repo, deployment_id: id, per_page: PER_PAGE })
      return data.map((s) => ({ id: s.id, state: s.state, description: s.description ?? '', logUrl: s.log_url ?? s.target_url ?? '' }))
    } catch (e) {
      throw explain(`reading the statuses of deployment ${id}`, e, READ)
    }
  }

  /** One deployment by id; undefined when it is gone. */
  async get(id: number): Promise<PastDeployment | undefined> {
    try {
      const { data } = await this.gh.rest.repos.getDeployment({ ...this.repo, deployment_id: id })
      return slim(data)
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined
      throw explain(`reading deployment ${id}`, e, READ)
    }
  }
}

type RawDeployment = { id: number; sha: string; ref: string; task: string; created_at: string; payload: unknown }

function slim(d: RawDeployment): PastDeployment {
  const g = guardPayload(d.payload)
  const version = typeof g?.version === 'string' ? g.version : undefined
  const mark = rollbackMark(g)
  return { id: d.id, sha: d.sha, ref: d.ref, task: d.task, createdAt: d.created_at, ...(version && { version }), ...(mark && { rollback: mark }) }
}

/** deploy-guard's rollback mark in a deployment's payload (`deploy_guard.rollback_of`), if any. */
export function rollbackMark(g: Record<string, unknown> | undefined): RollbackMark | undefined {
  if (!g || typeof g.rollback_of !== 'string') return undefined
  return {
    of: g.rollback_of,
    ...(typeof g.rollback_of_deployment === 'number' && { ofDeployment: g.rollback_of_deployment }),
    runId: String(g.run_id ?? ''),
    runAttempt: String(g.run_attempt ?? ''),
    job: String(g.job ?? ''),
    strategy: String(g.strategy ?? ''),
    ...(typeof g.delivery === 'string' && { delivery: g.delivery }),
    ...(typeof g.run_url === 'string' && { runUrl: g.run_url })
  }
}
