import { runAction, example } from '../../test-support/run-action.mjs'
import { startHttpTarget } from '../../test-support/http-target.mjs'
import { startGitHubEmulator } from '../../test-support/github-emulator/index.mjs'
it('dbg', async () => {
  const target = await startHttpTarget()
  const gh = await startGitHubEmulator({ owner: 'octo-org', repo: 'octo-repo' })
  for (const [v, st] of [['v1.4.0', ['success','inactive']], ['v1.5.0', ['success']]] as const) gh.seed.deployment({ sha: gh.seed.commit({message: v}).sha, ref: v, environment: 'production', payload: { deploy_guard: { version: v } }, statuses: [...st] })
  gh.seed.workflow({ file: 'deploy.yml', content: 'on:\n  workflow_dispatch:\n    inputs:\n      tag: { required: true }\njobs:\n  verify:\n    steps:\n      - uses: deploy-guard/deploy-guard@v1\n' })
  const r = await runAction({ apiUrl: gh.url, event: example('workflow_dispatch'), eventName: 'schedule', env: { GITHUB_REPOSITORY: 'octo-org/octo-repo' }, inputs: { mode: 'drill', 'health-urls': `${target.url}/ok\n${target.url}/status/500`, 'rollback-workflow': 'deploy.yml' } })
  console.log(r.stdout, r.summary)
  await gh.close(); await target.close()
})
