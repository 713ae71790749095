import type { GitHubClient } from './client.js'
import { guardPayload, postStatus, type Repo } from './deployments.js'
import { VERSION_HEADER } from './deployment-history.js'
import { GitHubCallError, explain } from './errors.js'
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
}

type ErrorLike = { status?: number; message?: string; response?: { data?: { message?: string } } }
const apiMessage = (e: unknown): string => (e as ErrorLike).response?.data?.message ?? (e as ErrorLike).message ?? String(e)
const statusOf = (e: unknown): number | undefined => (e as ErrorLike).status

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
      headers: VERSION_HEADER,
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
    per_page: 10,
    headers: VERSION_HEADER
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
  const since = new Date(sentAt - 10_000).toISOString()
  for (const wait of [0, 1000, 2000]) {
    if (wait) await sleep(wait)
    try {
      const { data } = await gh.rest.actions.listWorkflowRuns({
        ...repo,
        workflow_id: d.workflow,
        event: 'workflow_dispatch',
        branch: d.ref.replace(/^refs\/(heads|tags)\//, ''),
        per_page: 5,
        headers: VERSION_HEADER
      })
      const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= Date.parse(since))
      if (run) return { id: run.id, url: run.html_url }
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
      `${what} failed (404): no workflow ${d.workflow} in this repository, or the token may not see it: check rollback-workflow, and add \`actions: write\` to the workflow's \`permissions:\` block.`
    )
  }
  return explain(what, e, 'actions: write')
}

/**
 * Sends the repository_dispatch event `event_type` with the client payload. An attempt that
 * got no answer is looked for as a repository_dispatch run created since (a deployer on
 * Actions starts one) before it is sent again; the payload's `delivery` id lets any other
 * deployer drop a second copy.
 */
export async function repositoryDispatch(gh: GitHubClient, repo: Repo, eventType: string, clientPayload: Readonly<Record<string, unknown>>): Promise<void> {
  try {
    await safeWrite(gh.writes, {
      what: `sending the repository_dispatch event ${eventType}`,
      send: async () => {
        await gh.rest.repos.createDispatchEvent({
          ...repo,
          event_type: eventType,
          client_payload: { ...clientPayload },
          headers: VERSION_HEADER,
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
    throw explain(`sending the repository_dispatch event ${eventType}`, e, 'contents: write')
  }
}

/** One look at the repository's repository_dispatch runs created since `since`. */
export async function repositoryDispatchRunSince(gh: GitHubClient, repo: Repo, since: number): Promise<DispatchedRun | undefined> {
  const { data } = await gh.rest.actions.listWorkflowRunsForRepo({ ...repo, event: 'repository_dispatch', per_page: 10, headers: VERSION_HEADER })
  const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= since - 2000)
  return run && { id: run.id, url: run.html_url }
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
          description: d.description.slice(0, 140),
          payload: { ...d.payload },
          auto_merge: false,
          required_contexts: [...d.requiredContexts],
          production_environment: d.productionEnvironment,
          headers: VERSION_HEADER,
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
  const { data } = await gh.rest.repos.listDeployments({ ...repo, environment: d.environment, per_page: 20, headers: VERSION_HEADER })
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
    await postStatus(gh, repo, id, { state, description: description.slice(0, 140), logUrl, autoInactive: false, headers: VERSION_HEADER })
  } catch (e) {
    throw explain(`setting deployment ${id} to ${state}`, e, 'deployments: write')
  }
}

/** Where a workflow run is: `completed` with its conclusion, or still going. */
export async function workflowRunState(gh: GitHubClient, repo: Repo, id: number): Promise<{ status: string; conclusion: string | null }> {
  try {
    const { data } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: id, headers: VERSION_HEADER })
    return { status: data.status ?? 'unknown', conclusion: data.conclusion }
  } catch (e) {
    throw explain(`reading workflow run ${id}`, e, 'actions: read')
  }
}
