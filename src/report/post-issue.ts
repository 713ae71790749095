// report.issue (PRODUCT.md section 10: "writes nothing on GitHub unless asked to"): the report's
// summary as an issue of its own, one per environment, found again by a hidden marker and
// updated in place, so a weekly schedule keeps one issue current instead of opening a new one
// each week. The create goes through safeWrite: a create GitHub may have done without saying
// so is looked for before it is sent again.
import type { GitHubClient } from '../github/client.js'
import type { Repo } from '../github/deployments.js'
import { explain } from '../github/errors.js'
import { idempotent, safeWrite } from '../github/safe-write.js'

const PERMISSION = 'issues: write'
/** GitHub refuses an issue body over 65,536 characters. */
export const ISSUE_BODY_LIMIT = 65_536
const OPEN_ISSUE_PAGES = 3

/** Pure: the hidden marker of the report issue of an environment. */
export function reportMarker(environment: string): string {
  return `<!-- deploy-guard:delivery-report ${JSON.stringify({ environment })} -->`
}

/** Pure: the issue's title and body: the marker, then the summary (already cut to fit). */
export function reportIssue(environment: string, summary: string, runUrl: string): { title: string; body: string } {
  return {
    title: `Delivery report: ${environment}`,
    body: `${reportMarker(environment)}\n${summary}\n\n---\nUpdated by deploy-guard (mode report) in [this run](${runUrl}); the JSON report, CSV files and badge are in its files.\n`
  }
}

/** The room the summary has in the body: the limit less the marker and the footer. */
export function summaryRoom(environment: string, runUrl: string): number {
  return ISSUE_BODY_LIMIT - Buffer.byteLength(reportIssue(environment, '', runUrl).body, 'utf8') - 16
}

type FoundIssue = { number: number; html_url: string; created_at: string }

/** The open issue that carries the environment's marker, if any (most recently created first). */
async function findOpen(gh: GitHubClient, repo: Repo, marker: string): Promise<FoundIssue | undefined> {
  for (let page = 1; page <= OPEN_ISSUE_PAGES; page++) {
    let data
    try {
      data = (await gh.rest.issues.listForRepo({ ...repo, state: 'open', sort: 'created', direction: 'desc', per_page: 100, page })).data
    } catch (e) {
      throw explain('looking for the delivery report issue', e, PERMISSION)
    }
    const hit = data.find((i) => !i.pull_request && (i.body ?? '').includes(marker))
    if (hit) return hit
    if (data.length < 100) return undefined
  }
  return undefined
}

/** Creates the report issue or updates the open one; returns its URL and whether it was created. */
export async function postReportIssue(
  gh: GitHubClient,
  repo: Repo,
  environment: string,
  issue: { title: string; body: string }
): Promise<{ url: string; number: number; created: boolean }> {
  const marker = reportMarker(environment)
  const open = await findOpen(gh, repo, marker)
  if (open) {
    try {
      await safeWrite(gh.writes, {
        what: `updating the delivery report issue #${open.number}`,
        send: () => gh.rest.issues.update({ ...repo, issue_number: open.number, title: issue.title, body: issue.body, request: { retries: 0 } }),
        lookup: idempotent('the same body')
      })
    } catch (e) {
      throw explain(`updating the delivery report issue #${open.number}`, e, PERMISSION)
    }
    return { url: open.html_url, number: open.number, created: false }
  }
  try {
    const made = await safeWrite<FoundIssue>(gh.writes, {
      what: 'creating the delivery report issue',
      send: async () => (await gh.rest.issues.create({ ...repo, title: issue.title, body: issue.body, request: { retries: 0 } })).data,
      lookup: {
        name: `an open issue carrying the delivery report marker of ${environment}`,
        // There was none just before the create: one there now is this run's.
        find: () => findOpen(gh, repo, marker)
      }
    })
    return { url: made.html_url, number: made.number, created: true }
  } catch (e) {
    throw explain('creating the delivery report issue', e, PERMISSION)
  }
}
