// Step: the gate before a deploy lets the approved PR's merge commit through (it then ships and
// passes verification) and refuses a commit that no pull request brought.
import { RELEASES } from '../world.mjs'
import { verifyInputs } from './verify-inputs.mjs'

export default {
  id: 'gate',
  title: 'The gate before a deploy, and the next release',
  async run(world, section) {
    const gh = world.github
    const pr = world.approvedPr
    const branch = world.push.repository.default_branch
    // The approved PR merges: its merge commit is what the next deploy ships.
    const merge = gh.seed.commit({ message: `Merge pull request #${pr.number} from pool-size`, parents: [RELEASES['v1.5.0'].sha, pr.head.sha], branch }).sha
    Object.assign(pr, { merged: true, merged_at: new Date().toISOString(), merge_commit_sha: merge })
    Object.assign(pr.issue, { state: 'closed', closed_at: pr.merged_at })
    pr.issue.pull_request.merged_at = pr.merged_at
    const direct = gh.seed.commit({ message: 'hotfix straight to main', parents: [merge], branch }).sha
    section.say(
      `PR #${pr.number} merges as \`${merge.slice(0, 7)}\`; then someone pushes \`${direct.slice(0, 7)}\` straight to \`${branch}\`. The deploy workflow runs \`mode: gate\` first (\`examples/gate.yml\`); the gate only reads.`
    )
    const writesBefore = gh.requests.filter((q) => q.method !== 'GET').length
    const allowed = await world.run({ sha: merge, inputs: { mode: 'gate', 'protected-paths': 'infra/**' } })
    const refused = await world.run({ sha: direct, inputs: { mode: 'gate', 'protected-paths': 'infra/**' } })
    section.log(`Gate of ${merge.slice(0, 7)}`, allowed.stdout)
    section.log(`Gate of ${direct.slice(0, 7)}`, refused.stdout)
    section.github(`Job summary of the refused deploy`, refused.summary)
    section.result(allowed.code === 0 && allowed.outputs.result === 'passed', `${merge.slice(0, 7)} may deploy: PR #${pr.number} was approved`)
    section.result(refused.code === 1 && refused.outputs.result === 'failed', `${direct.slice(0, 7)} refused: ${refused.errors[0] ?? 'no error printed'}`)
    section.result(gh.requests.filter((q) => q.method !== 'GET').length === writesBefore, 'the gate wrote nothing on GitHub')
    // The allowed commit ships as v1.6.0 and passes verification: the environment's current release.
    gh.seed.tag({ name: 'v1.6.0', sha: merge })
    world.deploy('v1.6.0')
    const shipped = await world.run({ inputs: verifyInputs(world, { version: 'v1.6.0', duration: '2s' }), sha: merge, env: { GITHUB_RUN_ID: '4250' } })
    section.log(`Verify of v1.6.0 (${merge.slice(0, 7)}), the release the gate let through`, shipped.stdout)
    section.result(shipped.code === 0 && shipped.outputs.result === 'passed', `v1.6.0 deployed and verified: result ${shipped.outputs.result}`)
  }
}
