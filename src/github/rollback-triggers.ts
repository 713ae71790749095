import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { GitHubCallError, apiMessage, explain, statusOf } from './errors.js'
import { safeWrite } from './safe-write.js'

/** The run a workflow dispatch started, when GitHub says (or the fallback finds it). */
export interface DispatchedRun {
  readonly id: number
  readonly url: string
}

export interface WorkflowDispatch {
  readonly workflow: string
  readonly ref: string
  readonly inputs: Readonly<Record<string, string>>
  /** The input carrying the version, named in the explanation of GitHub's 422. */
  readonly versionInput: string
  /** The grant a 403 or 404 names (`actions: write`), from the trigger's permissions. */
  readonly permission: string
}

/**
 * Dispatches the rollback workflow and returns the run it started. The run comes back when
 * asked for (`return_run_details`); a server that refuses the field (422 naming it) gets the
 * dispatch again without it, and one that answers 204 without the run has the run looked up
 * in the workflow's runs. An attempt that got no answer is looked for among the workflow's
 * runs created since (safeWrite) before the dispatch is sent again: never two runs.
 */
export async function dispatchWorkflow(
  gh: GitHubClient,
  repo: Repo,
  d: WorkflowDispatch,
  sentAt: number,
  sleep: (ms: number) => Promise<void>
): Promise<DispatchedRun | undefined> {
  const send = (details: boolean) =>
    gh.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: d.workflow,
      ref: d.ref,
      inputs: { ...d.inputs },
      ...(details && { return_run_details: true }),
      request: { retries: 0 }
    })
  const attempt = async (): Promise<DispatchedRun | null> => {
    let res
    try {
      res = await send(true)
    } catch (e) {
      if (statusOf(e) !== 422 || !/return_run_details/.test(apiMessage(e))) throw e
      res = await send(false)
    }
    const data = res.data as { workflow_run_id?: number; html_url?: string } | undefined
    return (res.status as number) === 200 && data?.workflow_run_id ? { id: data.workflow_run_id, url: data.html_url ?? '' } : null
  }
  let run: DispatchedRun | null
  try {
    run = await safeWrite(gh.writes, {
      what: `dispatching workflow ${d.workflow} on ${d.ref}`,
      send: attempt,
      lookup: { name: `a run of ${d.workflow} dispatched since the attempt`, find: (since) => dispatchedRunSince(gh, repo, d, since) }
    })
  } catch (e) {
    throw explainDispatch(d, e)
  }
  return run ?? findDispatchedRun(gh, repo, d, sentAt, sleep)
}

/** One look at the workflow's workflow_dispatch runs on the ref created since `since` (GitHub's times have whole seconds). */
export async function dispatchedRunSince(
  gh: GitHubClient,
  repo: Repo,
  d: Pick<WorkflowDispatch, 'workflow' | 'ref'>,
  since: number
): Promise<DispatchedRun | undefined> {
  const { data } = await gh.rest.actions.listWorkflowRuns({
    ...repo,
    workflow_id: d.workflow,
    event: 'workflow_dispatch',
    branch: d.ref.replace(/^refs\/(heads|tags)\//, ''),
    per_page: 10
  })
  const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= since - 2000)
  return run && { id: run.id, url: run.html_url }
}

/** The newest workflow_dispatch run of the workflow on the ref created since the dispatch (GitHub creates it within seconds). */
async function findDispatchedRun(
  gh: GitHubClient,
  repo: Repo,
  d: WorkflowDispatch,
  sentAt: number,
  sleep: (ms: number) => Promise<void>
): Promise<DispatchedRun | undefined> {
  for (const wait of [0, 1000, 2000]) {
    if (wait) await sleep(wait)
    try {
      // Up to 10 s before the send: the runner's clock and GitHub's may disagree by seconds.
      const run = await dispatchedRunSince(gh, repo, d, sentAt - 8_000)
      if (run) return run
    } catch {
      // The dispatch went out; not knowing its run is reported, not failed.
      return undefined
    }
  }
  return undefined
}

function explainDispatch(d: WorkflowDispatch, e: unknown): GitHubCallError {
  const what = `dispatching workflow ${d.workflow} on ${d.ref}`
  const status = statusOf(e)
  const message = apiMessage(e)
  if (status === 422 && /unexpected inputs|required input/i.test(message)) {
    return new GitHubCallError(
      what,
      422,
      `${what} failed (422): ${message}. The workflow must declare the input \`${d.versionInput}\` under \`on: workflow_dispatch: inputs:\` on ${d.ref} ` +
        '(or set rollback.workflow-input to the input it declares).'
    )
  }
  if (status === 422 && /disabled/i.test(message)) {
    return new GitHubCallError(
      what,
      422,
      `${what} failed (422): ${message}. Enable it: \`gh workflow enable ${d.workflow}\`, or Enable workflow on its page in the Actions tab.`
    )
  }
  if (status === 422 && /workflow_dispatch/i.test(message)) {
    return new GitHubCallError(
      what,
      422,
      `${what} failed (422): ${message}. Add \`on: workflow_dispatch\` with the input \`${d.versionInput}\` to ${d.workflow} on ${d.ref}.`
    )
  }
  if (status === 422 && /no ref found/i.test(message)) {
    return new GitHubCallError(what, 422, `${what} failed (422): ${message}. Set rollback-ref to a branch or tag that exists.`)
  }
  if (status === 404) {
    return new GitHubCallError(
      what,
      404,
      `${what} failed (404): no workflow ${d.workflow} in this repository, or the token may not see it: check rollback-workflow, and add \`${d.permission}\` to the workflow's \`permissions:\` block.`
    )
  }
  return explain(what, e, d.permission)
}

/**
 * Sends the repository_dispatch event `event_type` with the client payload. An attempt that
 * got no answer is looked for as a repository_dispatch run created since (a deployer on
 * Actions starts one) before it is sent again; the payload's `delivery` id lets any other
 * deployer drop a second copy. A 403 names `permission`, the trigger's grant.
 */
export async function repositoryDispatch(
  gh: GitHubClient,
  repo: Repo,
  eventType: string,
  clientPayload: Readonly<Record<string, unknown>>,
  permission: string
): Promise<void> {
  try {
    await safeWrite(gh.writes, {
      what: `sending the repository_dispatch event ${eventType}`,
      send: async () => {
        await gh.rest.repos.createDispatchEvent({
          ...repo,
          event_type: eventType,
          client_payload: { ...clientPayload },
          request: { retries: 0 }
        })
        return true
      },
      lookup: {
        name: 'a repository_dispatch run started since the attempt',
        find: async (since) => ((await repositoryDispatchRunSince(gh, repo, since)) ? true : undefined)
      }
    })
  } catch (e) {
    throw explain(`sending the repository_dispatch event ${eventType}`, e, permission)
  }
}

/** One look at the repository's repository_dispatch runs created since `since`. */
export async function repositoryDispatchRunSince(gh: GitHubClient, repo: Repo, since: number): Promise<DispatchedRun | undefined> {
  const { data } = await gh.rest.actions.listWorkflowRunsForRepo({ ...repo, event: 'repository_dispatch', per_page: 10 })
  const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= since - 2000)
  return run && { id: run.id, url: run.html_url }
}

/** Where a workflow run is: `completed` with its conclusion, or still going. */
export async function workflowRunState(gh: GitHubClient, repo: Repo, id: number): Promise<{ status: string; conclusion: string | null }> {
  try {
    const { data } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: id })
    return { status: data.status ?? 'unknown', conclusion: data.conclusion }
  } catch (e) {
    throw explain(`reading workflow run ${id}`, e, 'actions: read')
  }
}
