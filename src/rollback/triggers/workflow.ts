// `rollback: workflow`: dispatches the deploy workflow with the good version (PRODUCT.md section 5).
import { broken, ready, type ReadinessItem } from '../../facts/readiness.js'
import { grantText } from '../../facts/permissions.js'
import type { WorkflowFiles } from '../../github/workflow-files.js'
import { dispatchWorkflow, dispatchedRunSince } from '../../github/rollback-triggers.js'
import type { RollbackSettings } from '../../settings/rollback-settings.js'
import { messageOf } from '../../values/message-of.js'
import { workflowFacts, type WorkflowFacts } from '../workflow-yaml.js'
import type { RollbackTrigger } from './trigger.js'

const PERMISSIONS = [{ scope: 'actions', level: 'write', why: 'dispatch the rollback workflow (write includes reading the logs)' }] as const

export const workflowTrigger: RollbackTrigger<'workflow'> = {
  name: 'workflow',
  permissions: PERMISSIONS,
  sends: true,
  usesRef: true,
  deliveryId: false,
  plan: (f) => ({
    strategy: 'workflow',
    where: `workflow ${f.rollback.workflow} on ${f.ref}`,
    payload: { ref: f.ref, inputs: { [f.rollback.workflowInput]: f.target.version } }
  }),
  async send(f, planned, { gh, clock }) {
    const r = f.rollback
    const run = await dispatchWorkflow(
      gh.client,
      gh.repo,
      {
        workflow: r.workflow,
        ref: f.ref,
        inputs: { [r.workflowInput]: f.target.version },
        versionInput: r.workflowInput,
        permission: grantText(PERMISSIONS[0])
      },
      clock.now(),
      (ms) => clock.sleep(ms)
    )
    return { ...planned, ...(run && { run }) }
  },
  async arrived(gh, r, ref, since) {
    const run = await dispatchedRunSince(gh.client, gh.repo, { workflow: r.workflow, ref }, since)
    return run && `run ${run.id}`
  },
  readiness: (ctx) => checkWorkflow(ctx.files, ctx.settings.rollback, ctx.settings.rollback.ref || ctx.branch)
}

/** The rollback workflow exists, is active, and declares the version input on the rollback ref. */
async function checkWorkflow(files: WorkflowFiles, r: RollbackSettings, ref: string): Promise<ReadinessItem[]> {
  const wf = await files.workflow(r.workflow)
  if (!wf) return [broken('trigger', `no workflow ${r.workflow} in the repository`, 'check rollback-workflow (the file name under .github/workflows/)')]
  if (wf.state !== 'active') return [broken('trigger', `workflow ${r.workflow} is ${wf.state}`, `enable it (gh workflow enable ${r.workflow})`)]
  const text = await files.text(wf.path, ref)
  if (text === undefined)
    return [
      broken(
        'trigger',
        `${wf.path} does not exist on ${ref} (or the drill's token lacks contents: read)`,
        'set rollback-ref to a branch or tag that has the workflow'
      )
    ]
  let facts: WorkflowFacts
  try {
    facts = workflowFacts((await import('yaml')).parse(text))
  } catch (e) {
    return [broken('trigger', `${wf.path} on ${ref} is not valid YAML: ${messageOf(e).split('\n')[0]}`, 'fix the workflow file')]
  }
  if (!facts.dispatchInputs)
    return [broken('trigger', `${wf.path} on ${ref} has no on: workflow_dispatch trigger`, `add on: workflow_dispatch with the input ${r.workflowInput}`)]
  if (!(r.workflowInput in facts.dispatchInputs)) {
    return [
      broken(
        'trigger',
        `${wf.path} on ${ref} declares no workflow_dispatch input ${r.workflowInput}`,
        `add inputs: { ${r.workflowInput}: { required: true } } under on.workflow_dispatch, or set rollback.workflow-input`
      )
    ]
  }
  const others = Object.entries(facts.dispatchInputs)
    .filter(([k, v]) => k !== r.workflowInput && v.required && !v.hasDefault)
    .map(([k]) => k)
  if (others.length)
    return [
      broken(
        'trigger',
        `${wf.path} on ${ref} requires input(s) ${others.join(', ')}, which the rollback does not send`,
        'give them a default or make them optional'
      )
    ]
  return [ready('trigger', `workflow ${wf.path} on ${ref} can be dispatched with input ${r.workflowInput}`)]
}
