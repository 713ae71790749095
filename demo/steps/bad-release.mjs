// Step: a broken release is detected (health and error rate), rolled back, and its incident
// issue opened with the run's logs attached and redacted.
import { RELEASES } from '../world.mjs'
import { deploymentsTable, verifyInputs, withBlock } from './verify-inputs.mjs'

export default {
  id: 'bad-release',
  title: 'A broken release is detected, rolled back, and its incident opened',
  async run(world, section) {
    const gh = world.github
    world.deploy('v1.5.0')
    // The workflow run the step belongs to: its deploy job and a failed smoke test, whose logs the
    // incident attaches (4242 is the run id test-support/run-action.mjs gives the action).
    gh.seed.workflowRun({ id: 4242, head_sha: RELEASES['v1.5.0'].sha, status: 'in_progress' })
    const t0 = new Date(Date.now() - 5 * 60_000)
    gh.seed.job({
      run_id: 4242,
      name: 'deploy',
      conclusion: 'success',
      started_at: t0,
      completed_at: new Date(Date.now() - 60_000),
      log: '2026-12-01T10:00:00.0000000Z ##[group]Run ./deploy.sh v1.5.0\n2026-12-01T10:00:20.0000000Z rollout complete: checkout 1.5.0 on 12 pods\n'
    })
    gh.seed.job({
      run_id: 4242,
      name: 'smoke-test',
      conclusion: 'failure',
      started_at: t0,
      log: '2026-12-01T10:01:00.0000000Z POST /checkout -> 200 (DB_PASSWORD=hunter2-prod-secret)\n2026-12-01T10:01:02.0000000Z Error: POST /checkout/pay answered 503 (upstream payments timeout)\n2026-12-01T10:01:02.0000000Z ##[error]Process completed with exit code 1.\n'
    })
    gh.seed.job({ run_id: 4242, name: 'verify', status: 'in_progress', started_at: new Date() })
    const inputs = verifyInputs(world, { version: 'v1.5.0', duration: '20s' })
    section.say(
      `The next push ships \`v1.5.0\`. Its \`/health\` answers for three requests, then 503, and its error ratio climbs 1.2 points a second. Verified for a 20 s window, every second:\n\n${withBlock(inputs)}`
    )
    const r = await world.run({ inputs, sha: RELEASES['v1.5.0'].sha })
    section.log('What the step printed', r.stdout)
    section.github('Job summary', r.summary)
    const dispatch = gh.state.workflowDispatches[0]
    section.say(
      `GitHub Deployments now records:\n\n${deploymentsTable(gh, world.historyDeployments)}\n\n` +
        (dispatch
          ? `The rollback: workflow \`${dispatch.path}\` dispatched on \`${dispatch.ref}\` with \`${JSON.stringify(dispatch.inputs)}\` (run ${dispatch.run_id}).`
          : 'No rollback was dispatched.')
    )
    const incident = gh.state.issues.find((i) => String(i.number) === r.outputs['incident-issue-number'])
    world.incident = incident
    if (incident)
      section.github(
        `Incident issue #${incident.number}: ${incident.title} (labels: ${incident.labels.map((l) => (typeof l === 'string' ? l : l.name)).join(', ')})`,
        incident.body
      )
    section.result(
      r.code === 1 && r.outputs.result === 'failed',
      `result ${r.outputs.result}, exit status ${r.code} after ${(r.durationMs / 1000).toFixed(1)} s of a 20 s window: the job fails`
    )
    section.result(
      r.outputs['rolled-back'] === 'true' && r.outputs['rollback-version'] === 'v1.4.0',
      `rolled back to ${r.outputs['rollback-version'] || 'nothing'}`
    )
    section.result(Boolean(incident), `incident issue ${r.outputs['incident-issue-url'] || 'not opened'}`)
    const posted = [incident?.body ?? '', ...gh.state.comments.map((c) => c.body)].join('\n')
    section.result(!posted.includes('hunter2-prod-secret'), 'the password in the smoke test log is redacted from everything posted')
  }
}
