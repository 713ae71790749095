import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'
import { idempotent, safeWrite } from './safe-write.js'
import { environmentLabel, parseMarker, type IncidentMarker } from '../facts/incident-marker.js'

const PERMISSION = 'issues: write'

/** An open incident issue of an environment. */
export interface OpenIncident {
  readonly number: number
  readonly url: string
  readonly title: string
  readonly labels: readonly string[]
  readonly marker: IncidentMarker
}

/** An incident issue, open or closed, with its times. */
export interface MarkedIssue extends OpenIncident {
  readonly createdAt: number
  readonly closedAt?: number
}

/**
 * The environment's incident issues. Lookups list open issues by the environment label, not
 * the search API, whose index lags behind a fresh issue by seconds to minutes; the hidden
 * marker in the body confirms each one. Every write goes through safeWrite and names where its
 * effect shows: the issue with the environment's marker, the comment with the exact body sent.
 */
export class IncidentIssues {
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: Repo
  ) {}

  /** Every open incident of the environment, oldest first: the oldest is the one that stays. */
  async findOpen(environment: string): Promise<OpenIncident[]> {
    try {
      const found = await this.list(environment, { state: 'open', sort: 'created', direction: 'asc' }, 3)
      return found.sort((a, b) => a.number - b.number)
    } catch (e) {
      throw explain('listing open incident issues', e, PERMISSION)
    }
  }

  /** Every incident of the environment, open or closed, updated since `since` (the delivery report's). */
  async findSince(environment: string, since: number, maxPages: number): Promise<MarkedIssue[]> {
    try {
      return await this.list(environment, { state: 'all', since: new Date(since).toISOString() }, maxPages)
    } catch (e) {
      throw explain('listing the incident issues', e, 'issues: read')
    }
  }

  // The environment label narrows the list; the marker in the body decides (a label can be put on anything).
  private async list(
    environment: string,
    q: { state: 'open' | 'all'; since?: string; sort?: 'created'; direction?: 'asc' },
    maxPages: number
  ): Promise<MarkedIssue[]> {
    const found: MarkedIssue[] = []
    for (let page = 1; page <= maxPages; page++) {
      const { data } = await this.gh.rest.issues.listForRepo({ ...this.repo, ...q, labels: environmentLabel(environment), per_page: 100, page })
      for (const i of data) {
        const marker = i.pull_request ? undefined : parseMarker(i.body)
        if (marker?.environment !== environment) continue
        found.push({
          number: i.number,
          url: i.html_url,
          title: i.title,
          labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
          marker,
          createdAt: Date.parse(i.created_at),
          ...(i.closed_at && { closedAt: Date.parse(i.closed_at) })
        })
      }
      if (data.length < 100) break
    }
    return found
  }

  /**
   * Opens an issue. Assignees GitHub refuses (not collaborators: 422 naming them) are dropped and
   * the issue opened with the others, since nothing was created by the refused call; when the
   * answer does not name them, with none. An attempt that got no answer is looked for as the open
   * issue carrying the body's environment marker.
   */
  async create(o: {
    title: string
    body: string
    labels: readonly string[]
    assignees: readonly string[]
  }): Promise<{ number: number; url: string; assigneesDropped: readonly string[] }> {
    const environment = parseMarker(o.body)?.environment
    const create = (assignees: readonly string[]) =>
      safeWrite(this.gh.writes, {
        what: 'opening the incident issue',
        send: async () => {
          const { data } = await this.gh.rest.issues.create({
            ...this.repo,
            title: o.title,
            body: o.body,
            labels: [...o.labels],
            assignees: [...assignees],
            request: { retries: 0 }
          })
          return { number: data.number, url: data.html_url, assigneesDropped: o.assignees.filter((a) => !assignees.includes(a)) }
        },
        lookup: {
          name: `an open incident issue of ${environment ?? 'the environment'}`,
          find: async () => {
            if (environment === undefined) return undefined
            const [found] = await this.findOpen(environment)
            return found && { number: found.number, url: found.url, assigneesDropped: [] as readonly string[] }
          }
        }
      })
    try {
      return await create(o.assignees)
    } catch (e) {
      if ((e as { status?: number }).status !== 422 || !o.assignees.length) throw explain('opening the incident issue', e, PERMISSION)
      const refused = refusedAssignees(e)
      const kept = refused.length ? o.assignees.filter((a) => !refused.includes(a.toLowerCase())) : []
      try {
        return await create(kept)
      } catch (e2) {
        throw explain('opening the incident issue', e2, PERMISSION)
      }
    }
  }

  /** Posts a comment; returns its URL. An unanswered attempt is looked for as a comment with exactly this body. */
  async comment(issue: number, body: string): Promise<string> {
    try {
      return await safeWrite(this.gh.writes, {
        what: `commenting on incident #${issue}`,
        send: async () => {
          const { data } = await this.gh.rest.issues.createComment({ ...this.repo, issue_number: issue, body, request: { retries: 0 } })
          return data.html_url
        },
        lookup: {
          name: `this run's comment on #${issue}`,
          find: async (since) => {
            const { data } = await this.gh.rest.issues.listComments({
              ...this.repo,
              issue_number: issue,
              since: new Date(since - 2000).toISOString(),
              per_page: 100
            })
            return data.find((c) => c.body === body)?.html_url
          }
        }
      })
    } catch (e) {
      throw explain(`commenting on incident #${issue}`, e, PERMISSION)
    }
  }

  /** Closes the issue: `completed` on recovery, `duplicate` for a second incident a race opened. Closing twice is closing once. */
  async close(issue: number, reason: 'completed' | 'duplicate'): Promise<void> {
    try {
      await safeWrite(this.gh.writes, {
        what: `closing incident #${issue}`,
        send: async () => {
          await this.gh.rest.issues.update({ ...this.repo, issue_number: issue, state: 'closed', state_reason: reason, request: { retries: 0 } })
          return true
        },
        lookup: idempotent(`#${issue} closed`)
      })
    } catch (e) {
      throw explain(`closing incident #${issue}`, e, PERMISSION)
    }
  }

  /** Sets the title: the open incident's title follows the newest failure. Repeats safely. */
  async retitle(issue: number, title: string): Promise<void> {
    try {
      await safeWrite(this.gh.writes, {
        what: `retitling incident #${issue}`,
        send: async () => {
          await this.gh.rest.issues.update({ ...this.repo, issue_number: issue, title, request: { retries: 0 } })
          return true
        },
        lookup: idempotent(`the title of #${issue}`)
      })
    } catch (e) {
      throw explain(`retitling incident #${issue}`, e, PERMISSION)
    }
  }

  /** Adds labels and removes others; used when the severity changes. Both repeat safely: a label added twice is one label. */
  async relabel(issue: number, add: readonly string[], remove: readonly string[]): Promise<void> {
    try {
      if (add.length) {
        await safeWrite(this.gh.writes, {
          what: `labelling incident #${issue}`,
          send: async () => {
            await this.gh.rest.issues.addLabels({ ...this.repo, issue_number: issue, labels: [...add], request: { retries: 0 } })
            return true
          },
          lookup: idempotent(`the labels on #${issue}`)
        })
      }
      for (const name of remove) {
        await safeWrite(this.gh.writes, {
          what: `removing label ${name} from incident #${issue}`,
          send: async () => {
            await this.gh.rest.issues.removeLabel({ ...this.repo, issue_number: issue, name, request: { retries: 0 } }).catch((e: { status?: number }) => {
              if (e.status !== 404) throw e
            })
            return true
          },
          lookup: idempotent(`label ${name} removed from #${issue}`)
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
