// Creates GitHub Actions records (workflows, workflow runs, jobs) in GitHub's response shape.
import { fakeSha, nodeId, simpleCommitShape } from './shapes.mjs'
import { when } from './records.mjs'

/** A workflow; `dispatchable` (default true) and `inputs` ({ name: { required } }) drive dispatch checks. */
export function newWorkflow(s, o = {}) {
  const path = o.path ?? `.github/workflows/${o.file ?? 'deploy.yml'}`
  const id = o.id ?? s.nextId('workflow')
  const created = when(s, o.created_at)
  const file = path.split('/').pop()
  const wf = {
    id,
    node_id: nodeId('W', id),
    name: o.name ?? file.replace(/\.ya?ml$/, ''),
    path,
    state: o.state ?? 'active',
    created_at: created,
    updated_at: created,
    url: `${s.repoApi}/actions/workflows/${id}`,
    html_url: `${s.repoHtml}/blob/${s.defaultBranch}/${path}`,
    badge_url: `${s.repoHtml}/workflows/${encodeURIComponent(o.name ?? file)}/badge.svg`
  }
  Object.defineProperty(wf, 'emulator', {
    value: { dispatchable: o.dispatchable ?? true, inputs: o.inputs, repositoryDispatch: o.repositoryDispatch ?? false },
    enumerable: false
  })
  s.workflows.push(wf)
  return wf
}

export function newWorkflowRun(s, o = {}) {
  const wf = o.workflow ?? (o.workflow_id ? s.findWorkflow(o.workflow_id) : null) ?? s.findWorkflow(o.path ?? 'deploy.yml') ?? newWorkflow(s, { path: o.path })
  const id = o.id ?? s.nextId('run')
  const created = when(s, o.created_at)
  const headBranch = o.head_branch ?? s.defaultBranch
  const headSha = o.head_sha ?? s.resolveRef(headBranch) ?? fakeSha(`run:${id}`)
  const suite = s.nextId('checkSuite')
  const url = `${s.repoApi}/actions/runs/${id}`
  const runNumber = s.workflowRuns.filter((r) => r.workflow_id === wf.id).length + 1
  const actor = o.actor ? s.user(o.actor) : s.user('octocat')
  const status = o.status ?? 'completed'
  const run = {
    id,
    name: o.name ?? wf.name,
    node_id: nodeId('WFR', id),
    head_branch: headBranch,
    head_sha: headSha,
    path: wf.path,
    display_title: o.display_title ?? s.commit(headSha).message.split('\n')[0],
    run_number: o.run_number ?? runNumber,
    event: o.event ?? 'push',
    status,
    conclusion: status === 'completed' ? (o.conclusion ?? 'success') : null,
    workflow_id: wf.id,
    check_suite_id: suite,
    check_suite_node_id: nodeId('CS', suite),
    url,
    html_url: `${s.repoHtml}/actions/runs/${id}`,
    pull_requests: [],
    created_at: created,
    updated_at: created,
    actor,
    run_attempt: o.run_attempt ?? 1,
    referenced_workflows: [],
    run_started_at: created,
    triggering_actor: actor,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${s.repoApi}/check-suites/${suite}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: null,
    workflow_url: wf.url,
    head_commit: simpleCommitShape(s.commit(headSha)),
    repository: s.minimalRepo(),
    head_repository: s.minimalRepo()
  }
  s.workflowRuns.push(run)
  return run
}

export function newJob(s, run, o = {}) {
  const id = o.id ?? s.nextId('job')
  const started = when(s, o.started_at ?? o.created_at)
  const status = o.status ?? 'completed'
  const conclusion = status === 'completed' ? (o.conclusion ?? 'success') : null
  const steps = o.steps ?? [
    // The runner's own first step succeeds; the job's conclusion is that of the step after it.
    {
      name: 'Set up job',
      status,
      conclusion: status === 'completed' ? 'success' : null,
      number: 1,
      started_at: started,
      completed_at: status === 'completed' ? started : null
    },
    { name: o.name ?? 'build', status, conclusion, number: 2, started_at: started, completed_at: status === 'completed' ? started : null }
  ]
  const job = {
    id,
    run_id: run.id,
    workflow_name: run.name,
    head_branch: run.head_branch,
    run_url: run.url,
    run_attempt: o.run_attempt ?? run.run_attempt,
    node_id: nodeId('CR', id),
    head_sha: run.head_sha,
    url: `${s.repoApi}/actions/jobs/${id}`,
    html_url: `${s.repoHtml}/actions/runs/${run.id}/job/${id}`,
    status,
    conclusion,
    created_at: when(s, o.created_at),
    started_at: started,
    completed_at: status === 'completed' ? when(s, o.completed_at ?? o.started_at) : null,
    name: o.name ?? 'build',
    steps,
    check_run_url: `${s.repoApi}/check-runs/${id}`,
    labels: o.labels ?? ['ubuntu-latest'],
    runner_id: status === 'queued' ? null : 1,
    runner_name: status === 'queued' ? null : 'GitHub Actions 1',
    runner_group_id: status === 'queued' ? null : 1,
    runner_group_name: status === 'queued' ? null : 'GitHub Actions'
  }
  s.jobs.push(job)
  if (o.log !== undefined) s.jobLogs.set(id, o.log)
  return job
}
