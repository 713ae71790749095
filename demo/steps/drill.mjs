// Step: the weekly drill rehearses the failure path with reads only: the checks, the release a
// rollback would pick now, the rollback workflow and the verify job's permissions.
import { verifyInputs } from './verify-inputs.mjs'

export default {
  id: 'drill',
  title: 'A drill of the failure path',
  async run(world, section) {
    const gh = world.github
    const inputs = { ...verifyInputs(world), mode: 'drill' }
    delete inputs.interval
    delete inputs['failure-limit']
    section.say(
      'Every Monday the drill (`examples/drill.yml`) checks that recovery would work today, sending GitHub only GET requests. It reads `deploy.yml`, the workflow a rollback dispatches (here the file `examples/verify-rollback-workflow.yml`), and the permissions of its verify job.'
    )
    const writesBefore = gh.requests.filter((q) => q.method !== 'GET').length
    const r = await world.run({ eventName: 'schedule', inputs })
    section.github('Job summary', r.summary)
    section.result(
      r.code === 0 && r.outputs.result === 'passed',
      `result ${r.outputs.result}: ${r.code === 0 ? 'ready to recover' : 'recovery would not work today'}; a rollback now would redeploy ${r.outputs['rollback-version'] || 'nothing'}`
    )
    section.result(gh.requests.filter((q) => q.method !== 'GET').length === writesBefore, 'the drill wrote nothing on GitHub')
  }
}
