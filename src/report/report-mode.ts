// mode report (PRODUCT.md section 10): reads the history, computes the report (pure), and returns
// the JSON report, CSV files, badge, job summary and outputs for mode/publish.ts to write. It
// reads GitHub; it writes a Markdown file when report.markdown-file asks for one, and on GitHub
// only the report issue when report.issue asks for it.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { ModeContext, ModeDeps, ModeResult } from '../mode/mode.js'
import type { GitHubConnection } from '../github/connect.js'
import type { Settings } from '../settings/types.js'
import { redact, redactValue } from '../text/redact.js'
import { inline } from '../text/markdown.js'
import { buildDeliveryReport, type DeliveryReport } from './build-report.js'
import { classify, type Classified } from './classify.js'
import { readCommitPull, readCommits, readDeployments, readIncidents, readMergedPulls } from './github-reader.js'
import { CommitGraph, type CommitRecord, type History, type PullRecord } from './history.js'
import { addLookup, pullsFromList } from './pulls.js'
import { renderBadge, renderCsv, reportOutputs } from './render-files.js'
import { renderReportSummary, weeklyRows } from './render-summary.js'
import { postReportIssue, reportIssue, summaryRoom } from './post-issue.js'
import { runUrl } from '../settings/context.js'
import { messageOf } from '../values/message-of.js'

/** What the report reads of the settings. */
export type ReportModeSettings = Pick<Settings, 'environment' | 'context' | 'secrets' | 'dryRun' | 'report'>

/**
 * Request budget: pages of commits and PRs read at most; commits-to-pulls calls take what is
 * left of REQUEST_BUDGET, at least MIN_COMMIT_PULL_CALLS (a 90-day report stays near 100 requests).
 */
const MAX_COMMIT_PAGES = 60
const MAX_PULL_PAGES = 20
const REQUEST_BUDGET = 95
const MIN_COMMIT_PULL_CALLS = 20
const MAX_EXTRA_COMPARES = 3
const HOUR = 3_600_000

/** Runs the report. A GitHub read that fails is the publisher's error policy (mode/publish.ts). */
export async function run(ctx: ModeContext<ReportModeSettings>): Promise<ModeResult<DeliveryReport>> {
  const { settings: s } = ctx
  const deps: ModeDeps = ctx
  const gh = await deps.github()
  if (!gh) {
    deps.log.error('mode report reads GitHub Deployments: it needs github-token and GITHUB_REPOSITORY', { title: 'deploy-guard report' })
    return { summary: '## ⛔ deploy-guard report\n\nNo github-token or repository: nothing to report.\n', exitCode: 1 }
  }
  const counts = new Map<string, number>()
  gh.client.hook.before('request', (o: { method?: string; url?: string }) => {
    const key = `${o.method ?? 'GET'} ${o.url ?? ''}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  })
  // The window ends at the start of the hour: re-runs within the hour give the same bytes.
  const asOf = Math.floor(deps.clock.now() / HOUR) * HOUR
  const got = await deps.log.group(`Reading ${s.report.windowText} of ${s.environment} from GitHub`, () =>
    readHistory(s, gh, asOf, () => [...counts.values()].reduce((a, b) => a + b, 0))
  )
  const built = buildDeliveryReport(got.history, got.read)
  // The Markdown file and the report issue carry the summary as well: rendered from the report as
  // redacted, which the publisher then takes as it is (Redactor.value knows what it returned).
  const r = redactValue(built, s.secrets)
  const weeks = weeklyRows(r)
  const summary = redact(renderReportSummary(r, weeks), s.secrets)
  if (s.report.markdownFile) {
    await mkdir(dirname(s.report.markdownFile), { recursive: true })
    await writeFile(s.report.markdownFile, summary, 'utf8')
  }
  const posted = s.report.issue ? await postIssue(s, gh, r, weeks, deps) : { code: 0, note: '' }
  const result: ModeResult<DeliveryReport> = {
    report: r,
    summary: summary + posted.note,
    files: (x) => ({ ...renderCsv(x), 'badge.json': renderBadge(x) }),
    outputs: reportOutputs(r),
    exitCode: posted.code
  }
  const { reportPath } = await ctx.publish(result)
  const total = [...counts.values()].reduce((a, b) => a + b, 0)
  const byEndpoint = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`)
  deps.log.info(
    `deploy-guard report: ${r.figures.deployments} deployment(s), DORA ${r.dora.year} band ${r.dora.band ?? 'n/a'}; ${total} GitHub requests (${byEndpoint.join(', ')}); files in ${dirname(reportPath ?? '')}`
  )
  return result
}

/** report.issue: the summary posted as the environment's report issue; 1 when GitHub refused it. */
async function postIssue(
  s: ReportModeSettings,
  gh: GitHubConnection,
  r: DeliveryReport,
  weeks: ReturnType<typeof weeklyRows>,
  deps: ModeDeps
): Promise<{ code: number; note: string }> {
  const link = runUrl(s.context)
  const issue = reportIssue(s.environment, redact(renderReportSummary(r, weeks, summaryRoom(s.environment, link)), s.secrets), link)
  if (s.dryRun) {
    deps.log.info(`dry-run: would create or update the issue "${issue.title}" with the report's summary`)
    return { code: 0, note: `\n\ndry-run: the report issue "${inline(issue.title)}" was not posted.\n` }
  }
  try {
    const posted = await postReportIssue(gh.client, gh.repo, s.environment, issue)
    deps.log.info(`deploy-guard report: ${posted.created ? 'created' : 'updated'} the report issue #${posted.number}: ${posted.url}`)
    return { code: 0, note: `\n\nReport issue: [#${posted.number}](${posted.url}) (${posted.created ? 'created' : 'updated'}).\n` }
  } catch (e) {
    const message = redact(messageOf(e), s.secrets)
    deps.log.error(message, { title: 'deploy-guard report' })
    return { code: 1, note: `\n\n⛔ The report issue was not posted: ${inline(message)}\n` }
  }
}

/** Everything the report is computed from, read once. */
/** The commit graph and the classified deployments the reader worked out, handed on to the report. */
type Read = { readonly graph: CommitGraph; readonly classified: Classified }

async function readHistory(s: ReportModeSettings, gh: GitHubConnection, now: number, used: () => number): Promise<{ history: History; read: Read }> {
  const { client, repo } = gh
  const window = { start: now - s.report.windowMs, end: now }
  const previous = { start: window.start - s.report.windowMs, end: window.start }
  const gaps: string[] = []
  const [deployments, incidents] = await Promise.all([
    readDeployments(client, repo, s.environment, previous.start),
    readIncidents(client, repo, s.environment, previous.start)
  ])
  if (deployments.truncated) gaps.push('The deployment history was read up to 3,000 deployments; older ones are not counted.')
  const list = deployments.list.filter((d) => d.environment === s.environment)
  const inRange = list.filter((d) => d.createdAt >= previous.start).sort((a, b) => b.createdAt - a.createdAt)
  const baseDeployment = list
    .filter((d) => d.createdAt < previous.start && d.statuses.some((x) => x.state === 'success'))
    .sort((a, b) => b.createdAt - a.createdAt)[0]
  const base = baseDeployment?.sha ?? inRange[inRange.length - 1]?.sha
  const commits = new Map<string, CommitRecord>()
  if (base && inRange.length) {
    // The newest deployment's history holds the others' unless one was on another branch: those get a compare of their own.
    const heads = [...new Set(inRange.map((d) => d.sha))]
    let extra = 0
    for (const head of heads) {
      if (head === base || commits.has(head)) continue
      if (commits.size && extra++ >= MAX_EXTRA_COMPARES) {
        gaps.push('Some deployments are on branches the compare budget did not reach: their changes are not attributed.')
        break
      }
      const got = await readCommits(client, repo, base, head, MAX_COMMIT_PAGES)
      if (!got) continue
      if (got.truncated)
        gaps.push(`More than ${MAX_COMMIT_PAGES * 100} commits between ${base.slice(0, 7)} and ${head.slice(0, 7)}: the oldest changes are not attributed.`)
      for (const c of got.commits) commits.set(c.sha, c)
    }
  }
  const since = baseDeployment?.createdAt ?? previous.start
  const pulls = await readMergedPulls(client, repo, since, MAX_PULL_PAGES)
  if (pulls.truncated)
    gaps.push(
      `More than ${MAX_PULL_PAGES * 100} closed pull requests since ${new Date(since).toISOString().slice(0, 10)}: the rest are found through commits-to-pulls, within its budget.`
    )
  const history: History = {
    repository: `${repo.owner}/${repo.repo}`,
    serverUrl: s.context.serverUrl,
    environment: s.environment,
    now,
    window,
    previous,
    deployments: list,
    commits: [...commits.values()],
    ...(base && { baseSha: base }),
    pulls: pulls.pulls,
    commitPulls: {},
    incidents,
    gaps
  }
  const graph = new CommitGraph(history.commits)
  const read: Read = { graph, classified: classify(history, graph) }
  const commitPulls = await lookUpPulls(history, read, gh, Math.max(MIN_COMMIT_PULL_CALLS, REQUEST_BUDGET - used()))
  return { history: { ...history, commitPulls }, read }
}

/** commits-to-pulls for the delivered changes the PR list does not name, oldest first, within the budget. */
async function lookUpPulls(h: History, { graph, classified }: Read, gh: GitHubConnection, budget: number): Promise<Record<string, PullRecord | null>> {
  const changes = classified.deployments.filter((d) => d.outcome === 'success' && d.createdAt >= h.previous.start).flatMap((d) => d.changes ?? [])
  const lookups: Record<string, PullRecord | null> = {}
  const known = pullsFromList(graph, h.pulls)
  let at = 0
  for (let calls = 0; calls < budget; calls++) {
    while (at < changes.length && known.has(changes[at])) at++
    const next = changes[at]
    if (next === undefined) break
    lookups[next] = await readCommitPull(gh.client, gh.repo, next)
    addLookup(graph, known, next, lookups[next])
  }
  return lookups
}
