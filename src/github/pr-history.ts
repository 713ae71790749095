import type { Actor, LabelEvent, PushTime } from '../facts/approval-facts.js'
import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain, GitHubCallError } from './errors.js'
import { linkPage, readPages } from './paged.js'

/** The label events and force pushes of a pull request's issue, in server order. */
export interface PullHistory {
  readonly labels: readonly LabelEvent[]
  /** `head_ref_force_pushed` events: the server's time of each force push. */
  readonly forcePushes: readonly { readonly at: number; readonly sha?: string; readonly by?: string }[]
  /** How many events were read: a later read starts at the page after them. */
  readonly eventCount: number
}

type RawEvent = {
  id: number
  event: string
  created_at: string
  commit_id?: string | null
  actor?: { login: string; type?: string } | null
  performed_via_github_app?: { slug?: string; name?: string } | null
  label?: { name: string }
}

// Issue events, not the timeline: the same labeled/unlabeled and force-push records with fewer
// entries per page (no comments, commits or reviews), so fewer requests on a busy PR.
const MAX_EVENT_PAGES = 100

/** Reads the issue events of a PR live, paged: who added or removed which label, and when, by GitHub's clock. */
export async function readPullHistory(gh: GitHubClient, repo: Repo, number: number): Promise<PullHistory> {
  let events: RawEvent[]
  let truncated = false
  try {
    const fetchPage = (page: number) => gh.rest.issues.listEvents({ ...repo, issue_number: number, per_page: 100, page })
    events = (await readPages(fetchPage, { maxPages: MAX_EVENT_PAGES, onTruncated: () => (truncated = true) })) as RawEvent[]
  } catch (e) {
    throw explain(`reading the events of pull request #${number}`, e, 'issues: read')
  }
  // Events come oldest first: the unread ones are the newest, which decide. Judge nothing rather than half.
  if (truncated) {
    throw new GitHubCallError(
      'reading the events',
      undefined,
      `pull request #${number} has more than ${MAX_EVENT_PAGES * 100} events; its label history cannot be read in full, so no label can be judged.`
    )
  }
  const labels: LabelEvent[] = []
  const forcePushes: { at: number; sha?: string; by?: string }[] = []
  for (const e of events) {
    const at = Date.parse(e.created_at)
    if ((e.event === 'labeled' || e.event === 'unlabeled') && e.label && e.actor) {
      labels.push({ id: e.id, label: e.label.name, action: e.event, actor: actorOf(e), at })
    } else if (e.event === 'head_ref_force_pushed') {
      forcePushes.push({ at, ...(e.commit_id && { sha: e.commit_id }), ...(e.actor?.login && { by: e.actor.login }) })
    }
  }
  return { labels, forcePushes, eventCount: events.length }
}

/**
 * The label and push events recorded since `history` was read, reading from the page its last
 * event was on: one request on a quiet PR, whatever its length. Used just before posting, so a
 * run that judged an older state of the PR posts nothing (PRODUCT.md section 7).
 */
export async function readNewHistory(gh: GitHubClient, repo: Repo, number: number, history: PullHistory): Promise<string[]> {
  const from = Math.floor(history.eventCount / 100) + 1
  const events: RawEvent[] = []
  try {
    // New events are rare here: follow `next` one page at a time.
    for (let page: number | undefined = from; page !== undefined && page < from + MAX_EVENT_PAGES;) {
      const { data, headers } = await gh.rest.issues.listEvents({ ...repo, issue_number: number, per_page: 100, page })
      events.push(...(data as RawEvent[]))
      page = linkPage(headers.link, 'next')
    }
  } catch (e) {
    throw explain(`re-reading the events of pull request #${number}`, e, 'issues: read')
  }
  const known = (from - 1) * 100
  return events
    .slice(history.eventCount - known)
    .filter((e) => ['labeled', 'unlabeled', 'head_ref_force_pushed'].includes(e.event))
    .map((e) => `${e.event}${e.label ? ` ${e.label.name}` : ''} by @${e.actor?.login ?? 'ghost'} at ${e.created_at}`)
}

function actorOf(e: RawEvent): Actor {
  const login = e.actor?.login ?? 'ghost'
  const app = e.performed_via_github_app?.slug ?? e.performed_via_github_app?.name
  return { login, bot: e.actor?.type === 'Bot' || /\[bot\]$/i.test(login), ...(app && { app }) }
}

const PUSHES = new Set(['push', 'force_push', 'branch_creation'])

/**
 * When the head commit was pushed to its branch, by the server's clock, as of `asOf`: the
 * repository activity API records every push with its time (the issue events record only force
 * pushes, and a commit's own dates are set by the client). A push it does not show, or that left
 * another commit on the branch, means the time cannot be told; the caller then counts no label.
 */
export async function readPushTime(gh: GitHubClient, head: { repo?: Repo; ref: string; sha: string }, asOf: number): Promise<PushTime> {
  if (!head.repo) return { unknown: 'the head repository is gone (a deleted fork)' }
  const where = `${head.repo.owner}/${head.repo.repo}:${head.ref}`
  let list: { after: string; timestamp: string; activity_type: string; actor?: { login: string } | null }[]
  try {
    const { data } = await gh.rest.repos.listActivities({ ...head.repo, ref: `refs/heads/${head.ref}`, per_page: 100 })
    list = data
  } catch (e) {
    if ((e as { status?: number }).status === 404) {
      // GitHub.com and recent servers have this endpoint; an older GitHub Enterprise Server answers 404.
      return {
        unknown:
          `this GitHub server has no repository activity API (GET /repos/${head.repo.owner}/${head.repo.repo}/activity answered 404), which tells when ${where} was pushed: ` +
          'upgrade GitHub Enterprise Server to a release that has it; until then no approval label can count'
      }
    }
    return { unknown: `the pushes to ${where} could not be read: ${explain('listing repository activity', e, 'contents: read').message}` }
  }
  const pushes = list
    .filter((a) => PUSHES.has(a.activity_type) && Date.parse(a.timestamp) <= asOf)
    .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp))
  const latest = pushes[0]
  if (!latest) return { unknown: `GitHub's activity record of ${where} shows no push` }
  if (latest.after.toLowerCase() !== head.sha.toLowerCase()) {
    return { unknown: `the latest push to ${where} that GitHub recorded left ${latest.after.slice(0, 7)}, not the head ${head.sha.slice(0, 7)}` }
  }
  return {
    at: Date.parse(latest.timestamp),
    source: `${latest.activity_type.replace('_', ' ')} to ${where}`,
    ...(latest.actor?.login && { by: latest.actor.login })
  }
}

/**
 * The latest of the push times known: the activity record and the force pushes. On a
 * synchronize event the run is itself the news of a push after every label on the PR
 * (PRODUCT.md section 7): `synchronizeAt` (the run's now, or the newest label event if later)
 * makes every label read now predate it; a label added since counts on the run it triggers.
 */
export function latestPush(push: PushTime, forcePushes: PullHistory['forcePushes'], asOf: number, synchronizeAt?: number): PushTime {
  if ('unknown' in push) return push
  let best = push
  for (const f of forcePushes) if (f.at <= asOf && f.at > best.at) best = { at: f.at, source: 'force push (issue events)', ...(f.by && { by: f.by }) }
  // Who pushed stays the pusher of the head as the server recorded it.
  if (synchronizeAt !== undefined && synchronizeAt > best.at)
    best = { at: synchronizeAt, source: 'the synchronize event of this run, a push after every label on the PR', ...(best.by && { by: best.by }) }
  return best
}
