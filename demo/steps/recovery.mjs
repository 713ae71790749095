// Step: the rollback's run deploys the last good release; its verification passes and the
// incident closes with its timeline and a post-mortem template.
import { RELEASES, dispatchEvent } from '../world.mjs'
import { verifyInputs } from './verify-inputs.mjs'

export default {
  id: 'recovery',
  title: 'The rollback passes verification and the incident closes',
  async run(world, section) {
    const gh = world.github
    const dispatch = gh.state.workflowDispatches[0]
    const version = String(dispatch?.inputs?.version ?? 'v1.4.0')
    world.deploy(version)
    section.say(
      `The dispatched run (${dispatch?.run_id ?? 'none'}) deploys \`${version}\` again, and its verify job verifies the version it deployed (\`version: \${{ inputs.version || github.sha }}\`).`
    )
    const r = await world.run({
      inputs: verifyInputs(world, { version, duration: '2s' }),
      eventName: 'workflow_dispatch',
      event: dispatchEvent(world, { version }),
      sha: RELEASES['v1.4.0'].sha,
      env: { GITHUB_RUN_ID: String(dispatch?.run_id ?? 4243) }
    })
    section.log('What the step printed', r.stdout)
    const incident = world.incident
    const comment = gh.state.comments.filter((c) => c.body.includes('Recovered')).at(-1)
    if (comment) section.github(`Comment on incident #${incident.number}, which is now ${incident.state}`, comment.body)
    section.result(r.code === 0 && r.outputs.result === 'passed', `result ${r.outputs.result}: ${version} is healthy`)
    section.result(incident?.state === 'closed' && Boolean(comment), `incident #${incident?.number} ${incident?.state} with its timeline`)
  }
}
