// What drill reads from workflow files: dispatch inputs, listeners, and the permissions of the
// jobs that run deploy-guard, against what the failure path calls.
import { parse } from 'yaml'
import { missingPermissions, workflowFacts } from '../../src/rollback/workflow-yaml.js'

describe('workflowFacts', () => {
  it.each([
    ['on: workflow_dispatch', { dispatchInputs: {}, onDeployment: false }],
    ['on: [push, workflow_dispatch, deployment]', { dispatchInputs: {}, onDeployment: true }],
    [
      'on:\n  workflow_dispatch:\n    inputs:\n      version: { required: true }\n      dry: { required: true, default: "no" }\n',
      { dispatchInputs: { version: { required: true, hasDefault: false }, dry: { required: true, hasDefault: true } } }
    ],
    ['on: push', { onDeployment: false }],
    ['on: repository_dispatch', { repositoryDispatch: 'all' }],
    ['on:\n  repository_dispatch:\n    types: [deploy-guard-rollback, other]\n', { repositoryDispatch: ['deploy-guard-rollback', 'other'] }]
  ])('%s', (yaml, facts) => {
    expect(workflowFacts(parse(yaml))).toMatchObject(facts)
  })

  it('finds the jobs running deploy-guard with their effective permissions and token', () => {
    const doc = parse(`
on: push
permissions: { contents: read }
jobs:
  verify:
    permissions: write-all
    steps: [{ uses: deploy-guard/deploy-guard@v1 }]
  gate:
    steps: [{ uses: acme/deploy-guard@main, with: { mode: gate } }]
  pat:
    permissions: {}
    steps: [{ uses: deploy-guard/deploy-guard@v1, with: { mode: verify, github-token: '\${{ secrets.DEPLOY_PAT }}' } }]
  plain:
    steps: [{ uses: deploy-guard/deploy-guard@v1, with: { github-token: '\${{ github.token }}' } }, { uses: actions/checkout@v5 }]
  other:
    steps: [{ uses: not-deploy-guard-x/y@v1 }, { run: echo }]
`)
    expect(workflowFacts(doc).guardJobs).toEqual([
      { job: 'verify', mode: 'auto', permissions: { '*': 'write' }, ownToken: false },
      { job: 'gate', mode: 'gate', permissions: { contents: 'read' }, ownToken: false },
      { job: 'pat', mode: 'verify', permissions: {}, ownToken: true },
      { job: 'plain', mode: 'auto', permissions: { contents: 'read' }, ownToken: false }
    ])
    expect(workflowFacts(parse('on: push\njobs:\n  v:\n    steps: [{ uses: deploy-guard/deploy-guard@v1 }]\n')).guardJobs[0].permissions).toBe('default')
  })
})

describe('missingPermissions', () => {
  const need = ['deployments: write', 'actions: write', 'issues: write']
  it.each([
    [{ deployments: 'write', actions: 'write', issues: 'write' }, []],
    [{ deployments: 'write', actions: 'read' }, ['actions: write', 'issues: write']],
    [{ '*': 'write' }, []],
    [{ '*': 'read' }, need],
    [{}, need]
  ] as const)('%j lacks %j', (granted, missing) => {
    expect(missingPermissions(need, granted)).toEqual(missing)
  })
  it('cannot tell for the repository default', () => expect(missingPermissions(need, 'default')).toBe('unknown'))
  it('read needs are met by write', () => expect(missingPermissions(['contents: read'], { contents: 'write' })).toEqual([]))
})
