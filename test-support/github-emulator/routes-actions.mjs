// GitHub Actions: workflow and repository dispatches, runs, jobs and job logs.
import { notFound, ok, paginate, unprocessable } from './http.mjs'
import { newWorkflowRun } from './records-actions.mjs'

/** Where job logs are served (the real API redirects to a storage URL on another host). */
export const LOG_PATH = '/_emulator/job-logs/'

function runOr404(ctx) {
  const run = ctx.state.findRun(ctx.params.run_id)
  if (!run) throw notFound(ctx)
  return run
}

/** Only branches and tags can be dispatched on (refs/heads/x and refs/tags/x too). */
function dispatchRef(s, ref) {
  const m = ref.match(/^refs\/(heads|tags)\/(.+)$/)
  if (m) return { name: m[2], sha: (m[1] === 'heads' ? s.branches : s.tags).get(m[2]) }
  return { name: ref, sha: s.branches.get(ref) ?? s.tags.get(ref) }
}

function filterRuns(ctx, runs) {
  const q = ctx.query
  const list = runs.filter(
    (r) =>
      (q.branch === undefined || r.head_branch === q.branch) &&
      (q.event === undefined || r.event === q.event) &&
      (q.actor === undefined || r.actor.login === q.actor) &&
      (q.head_sha === undefined || r.head_sha === q.head_sha) &&
      (q.check_suite_id === undefined || r.check_suite_id === q.check_suite_id) &&
      (q.status === undefined || r.status === q.status || r.conclusion === q.status)
  )
  const page = paginate(ctx, ctx.state.newestFirst(list))
  return ok({ total_count: list.length, workflow_runs: page.body }, 200, page.headers)
}

export const actionsHandlers = {
  'actions/create-workflow-dispatch'(ctx) {
    const s = ctx.state
    const wf = s.findWorkflow(ctx.params.workflow_id)
    if (!wf) throw notFound(ctx)
    if (String(wf.state).startsWith('disabled')) throw unprocessable(ctx, "Cannot trigger a 'workflow_dispatch' on a disabled workflow")
    if (!wf.emulator.dispatchable) throw unprocessable(ctx, "Workflow does not have 'workflow_dispatch' trigger")
    const { name, sha } = dispatchRef(s, ctx.body.ref)
    if (!sha) throw unprocessable(ctx, `No ref found for: ${ctx.body.ref}`)
    const inputs = ctx.body.inputs ?? {}
    const declared = wf.emulator.inputs
    if (declared) {
      const unexpected = Object.keys(inputs).filter((k) => !(k in declared))
      if (unexpected.length) throw unprocessable(ctx, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`)
      const missing = Object.keys(declared).find((k) => declared[k]?.required && inputs[k] === undefined)
      if (missing) throw unprocessable(ctx, `Required input '${missing}' not provided`)
    }
    const run = newWorkflowRun(s, { workflow: wf, head_branch: name, head_sha: sha, event: 'workflow_dispatch', status: 'queued' })
    s.workflowDispatches.push({ workflow_id: wf.id, path: wf.path, ref: ctx.body.ref, inputs, run_id: run.id })
    s.options.onWorkflowDispatch?.(run, { workflow: wf, ref: ctx.body.ref, inputs }, s)
    // Before API version 2026-03-10 the run details come back only when asked for; since, always.
    if (ctx.body.return_run_details === true || ctx.apiVersion >= '2026-03-10') {
      return ok({ workflow_run_id: run.id, run_url: run.url, html_url: run.html_url })
    }
    return ok(null, 204)
  },

  'repos/create-dispatch-event'(ctx) {
    const payload = ctx.body.client_payload
    if (payload && Buffer.byteLength(JSON.stringify(payload)) >= 64 * 1024) {
      throw unprocessable(ctx, 'client_payload is too large (maximum is 64KB)')
    }
    const s = ctx.state
    s.repositoryDispatches.push({ event_type: ctx.body.event_type, client_payload: payload ?? {} })
    // A workflow listening on repository_dispatch starts a run on the default branch, as on GitHub.
    for (const wf of s.workflows.filter((w) => w.emulator.repositoryDispatch)) {
      newWorkflowRun(s, { workflow: wf, event: 'repository_dispatch', status: 'queued' })
    }
    return ok(null, 204)
  },

  'actions/list-repo-workflows'(ctx) {
    const page = paginate(ctx, ctx.state.workflows)
    return ok({ total_count: ctx.state.workflows.length, workflows: page.body }, 200, page.headers)
  },

  'actions/get-workflow'(ctx) {
    const wf = ctx.state.findWorkflow(ctx.params.workflow_id)
    if (!wf) throw notFound(ctx)
    return ok(wf)
  },

  'actions/list-workflow-runs'(ctx) {
    const wf = ctx.state.findWorkflow(ctx.params.workflow_id)
    if (!wf) throw notFound(ctx)
    return filterRuns(
      ctx,
      ctx.state.workflowRuns.filter((r) => r.workflow_id === wf.id)
    )
  },

  'actions/list-workflow-runs-for-repo'(ctx) {
    return filterRuns(ctx, ctx.state.workflowRuns)
  },

  'actions/get-workflow-run'(ctx) {
    return ok(runOr404(ctx))
  },

  'actions/list-jobs-for-workflow-run'(ctx) {
    const run = runOr404(ctx)
    const all = ctx.state.jobs.filter((j) => j.run_id === run.id)
    const list = (ctx.query.filter ?? 'latest') === 'all' ? all : all.filter((j) => j.run_attempt === run.run_attempt)
    const page = paginate(ctx, list)
    return ok({ total_count: list.length, jobs: page.body }, 200, page.headers)
  },

  'actions/list-jobs-for-workflow-run-attempt'(ctx) {
    const run = runOr404(ctx)
    const list = ctx.state.jobs.filter((j) => j.run_id === run.id && j.run_attempt === ctx.params.attempt_number)
    const page = paginate(ctx, list)
    return ok({ total_count: list.length, jobs: page.body }, 200, page.headers)
  },

  'actions/get-job-for-workflow-run'(ctx) {
    const job = ctx.state.findJob(ctx.params.job_id)
    if (!job) throw notFound(ctx)
    return ok(job)
  },

  'actions/download-job-logs-for-workflow-run'(ctx) {
    const job = ctx.state.findJob(ctx.params.job_id)
    if (!job) throw notFound(ctx)
    if (!ctx.state.jobLogs.has(job.id)) throw notFound(ctx)
    return ok(null, 302, { location: `${ctx.state.apiUrl}${LOG_PATH}${job.id}?expires=${Date.now() + 60_000}` })
  }
}
