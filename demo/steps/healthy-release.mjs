// Step: a healthy release is verified and recorded as the environment's good release.
import { RELEASES } from '../world.mjs'
import { deploymentsTable, verifyInputs, withBlock } from './verify-inputs.mjs'

export default {
  id: 'healthy-release',
  title: 'A healthy release is verified',
  async run(world, section) {
    world.deploy('v1.4.0')
    const inputs = verifyInputs(world, { version: 'v1.4.0', duration: '2s' })
    section.say(
      `The deploy job shipped \`v1.4.0\`. The verify job runs \`dist/index.js\` as the runner would, against a local service, a Prometheus-compatible metrics source and a local GitHub API (${world.github.url}, every request checked against GitHub's OpenAPI description):\n\n${withBlock(inputs)}`
    )
    const r = await world.run({ inputs, sha: RELEASES['v1.4.0'].sha, env: { GITHUB_RUN_ID: '4240' } })
    section.log('What the step printed', r.stdout)
    section.github('Job summary', r.summary)
    section.say(`GitHub Deployments now records:\n\n${deploymentsTable(world.github, world.historyDeployments)}`)
    section.result(r.code === 0 && r.outputs.result === 'passed', `result ${r.outputs.result}, exit status ${r.code}: the job passes`)
  }
}
