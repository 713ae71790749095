import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import { environmentLabel, parseMarker, type IncidentMarker } from '../incident/marker.js'

const PERMISSION = 'issues: write'

/** An open incident issue of an environment. */
export interface OpenIncident {
  readonly number: number
  readonly url: string
  readonly title: string
  readonly labels: readonly string[]
  readonly marker: IncidentMarker
}

/**
 * The environment's incident issues. Lookups list open issues by the environment label, not
 * the search API, whose index lags behind a fresh issue by seconds to minutes; the hidden
 * marker in the body confirms each one. Writes that create something are never retried blindly.
 */
export class IncidentIssues {
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: Repo
  ) {}

  /** Every open incident of the environment, oldest first: the oldest is the one that stays. */
  async findOpen(environment: string): Promise<OpenIncident[]> {
    try {
      const found: OpenIncident[] = []
      for (let page = 1; page <= 3; page++) {
        const { data } = await this.gh.rest.issues.listForRepo({
          ...this.repo,
          state: 'open',
          labels: environmentLabel(environment),
          sort: 'created',
          direction: 'asc',
          per_page: 100,
          page
        })
        for (const i of data) {
          const marker = i.pull_request ? undefined : parseMarker(i.body)
          if (marker?.environment === environment) {
            found.push({ number: i.number, url: i.html_url, title: i.title, labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))), marker })
          }
        }
        if (data.length < 100) break
      }
      return found.sort((a, b) => a.number - b.number)
    } catch (e) {
      throw explain('listing open incident issues', e, PERMISSION)
    }
  }

  /**
   * Opens an issue. Assignees GitHub refuses (not collaborators: 422 naming them) are dropped and
   * the issue opened with the others, since nothing was created by the refused call; when the
   * answer does not name them, with none.
   */
  async create(o: {
    title: string
    body: string
    labels: readonly string[]
    assignees: readonly string[]
  }): Promise<{ number: number; url: string; assigneesDropped: readonly string[] }> {
    const create = (assignees: readonly string[]) =>
      this.gh.rest.issues.create({ ...this.repo, title: o.title, body: o.body, labels: [...o.labels], assignees: [...assignees], request: { retries: 0 } })
    try {
      const { data } = await create(o.assignees)
      return { number: data.number, url: data.html_url, assigneesDropped: [] }
    } catch (e) {
      if ((e as { status?: number }).status !== 422 || !o.assignees.length) throw explain('opening the incident issue', e, PERMISSION)
      const refused = refusedAssignees(e)
      const kept = refused.length ? o.assignees.filter((a) => !refused.includes(a.toLowerCase())) : []
      try {
        const { data } = await create(kept)
        return { number: data.number, url: data.html_url, assigneesDropped: o.assignees.filter((a) => !kept.includes(a)) }
      } catch (e2) {
        throw explain('opening the incident issue', e2, PERMISSION)
      }
    }
  }

  /** Posts a comment; returns its URL. */
  async comment(issue: number, body: string): Promise<string> {
    try {
      const { data } = await this.gh.rest.issues.createComment({ ...this.repo, issue_number: issue, body, request: { retries: 0 } })
      return data.html_url
    } catch (e) {
      throw explain(`commenting on incident #${issue}`, e, PERMISSION)
    }
  }

  /** Closes the issue: `completed` on recovery, `duplicate` for a second incident a race opened. */
  async close(issue: number, reason: 'completed' | 'duplicate'): Promise<void> {
    try {
      await this.gh.rest.issues.update({ ...this.repo, issue_number: issue, state: 'closed', state_reason: reason })
    } catch (e) {
      throw explain(`closing incident #${issue}`, e, PERMISSION)
    }
  }

  /** Sets the title: the open incident's title follows the newest failure. */
  async retitle(issue: number, title: string): Promise<void> {
    try {
      await this.gh.rest.issues.update({ ...this.repo, issue_number: issue, title })
    } catch (e) {
      throw explain(`retitling incident #${issue}`, e, PERMISSION)
    }
  }

  /** Adds labels (idempotent) and removes others; used when the severity changes. */
  async relabel(issue: number, add: readonly string[], remove: readonly string[]): Promise<void> {
    try {
      if (add.length) await this.gh.rest.issues.addLabels({ ...this.repo, issue_number: issue, labels: [...add] })
      for (const name of remove) {
        await this.gh.rest.issues.removeLabel({ ...this.repo, issue_number: issue, name }).catch((e: { status?: number }) => {
          if (e.status !== 404) throw e
        })
      }
    } catch (e) {
      throw explain(`labelling incident #${issue}`, e, PERMISSION)
    }
  }
}

/** The assignees a 422 names as invalid (`errors: [{ field: 'assignees', value }]`), lower-cased. */
function refusedAssignees(e: unknown): string[] {
  const errors = (e as { response?: { data?: { errors?: unknown } } }).response?.data?.errors
  if (!Array.isArray(errors)) return []
  return errors
    .filter((x): x is { field: string; value: string } => typeof x === 'object' && x !== null && (x as { field?: unknown }).field === 'assignees')
    .map((x) => String(x.value).toLowerCase())
}
