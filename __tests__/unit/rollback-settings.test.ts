// rollback.* and the rollback inputs: auto resolution, defaults, and every value that cannot
// work stopped before any request, naming where it came from.
import { settingsFrom, thrownBy } from './settings-fixtures.js'

const HEALTH = { 'health-urls': 'https://shop.example.com/healthz' }
const CFG = 'config .github/deploy-guard.yml: '

describe('rollback settings', () => {
  it('auto is workflow when a workflow is set, else none', () => {
    expect(settingsFrom(HEALTH).rollback).toMatchObject({ kind: 'auto', strategy: 'none' })
    expect(settingsFrom({ ...HEALTH, 'rollback-workflow': 'deploy.yml' }).rollback).toMatchObject({
      kind: 'auto',
      strategy: 'workflow',
      workflow: 'deploy.yml'
    })
    expect(settingsFrom(HEALTH, { rollback: { workflow: '.github/workflows/deploy.yaml' } }).rollback.workflow).toBe('deploy.yaml')
    expect(settingsFrom({ ...HEALTH, rollback: 'none', 'rollback-workflow': 'deploy.yml' }).rollback.strategy).toBe('none')
  })

  it('has documented defaults', () => {
    expect(settingsFrom(HEALTH).rollback).toEqual({
      kind: 'auto',
      strategy: 'none',
      workflow: '',
      ref: '',
      workflowInput: 'version',
      fallback: 'none',
      onDeployCancelled: false,
      onDeploySkipped: false,
      requiredContexts: []
    })
  })

  it('reads every rollback.* key', () => {
    const r = settingsFrom(
      HEALTH,
      {
        rollback: {
          strategy: 'webhook',
          'workflow-input': 'release',
          fallback: 'tags',
          'on-deploy-cancelled': true,
          'on-deploy-skipped': true,
          'required-contexts': ['ci'],
          webhook: { url: 'https://deployer.example/hook', secret: '${HOOK_SECRET}', attempts: 5, timeout: '1m' }
        }
      },
      { HOOK_SECRET: 'a-long-webhook-secret' }
    )
    expect(r.rollback).toMatchObject({
      strategy: 'webhook',
      workflowInput: 'release',
      fallback: 'tags',
      onDeployCancelled: true,
      onDeploySkipped: true,
      requiredContexts: ['ci'],
      webhook: { url: 'https://deployer.example/hook', secret: 'a-long-webhook-secret', attempts: 5, totalTimeoutMs: 60_000 }
    })
    expect(r.secrets).toContain('a-long-webhook-secret')
    expect(r.secretSources).toContainEqual({ where: `${CFG}rollback.webhook.secret`, value: 'a-long-webhook-secret' })
  })

  it('rollback.wait is bounded', () => {
    expect(settingsFrom(HEALTH, { rollback: { wait: {} } }).rollback.wait).toEqual({ timeoutMs: 900_000, pollMs: 15_000 })
    expect(settingsFrom(HEALTH, { rollback: { wait: { timeout: '5m', interval: '10s' } } }).rollback.wait).toEqual({ timeoutMs: 300_000, pollMs: 10_000 })
    expect(thrownBy(() => settingsFrom(HEALTH, { rollback: { wait: { timeout: '2h' } } })).message).toBe(
      `${CFG}rollback.wait.timeout: got "2h"; expected a duration from 1s to 1h`
    )
    expect(thrownBy(() => settingsFrom(HEALTH, { rollback: { wait: { timeout: '5s', interval: '10s' } } })).message).toBe(
      `${CFG}rollback.wait.interval: got "10s"; expected a duration from 1s to the wait's timeout`
    )
  })

  it.each([
    [
      { rollback: 'workflow' },
      undefined,
      {},
      /^input rollback-workflow: got ""; expected the workflow file to dispatch \(e\.g\. deploy\.yml\) when input rollback is workflow/
    ],
    [{ 'rollback-workflow': 'deploy' }, undefined, {}, /^input rollback-workflow: got "deploy"; expected a workflow file name such as deploy\.yml/],
    [{ 'rollback-workflow': 'a.yml', 'rollback-ref': 'main branch' }, undefined, {}, /^input rollback-ref: got "main branch"; expected a branch or tag name/],
    [{}, { rollback: { 'workflow-input': 'my version' } }, {}, /^config \.github\/deploy-guard\.yml: rollback\.workflow-input: got "my version"/],
    [{}, { rollback: { fallback: 'commits' } }, {}, /rollback\.fallback: got "commits"; expected one of none, releases, tags/],
    [{ rollback: 'webhook' }, undefined, {}, /rollback\.webhook\.url: got nothing; expected the URL the rollback is POSTed to/],
    [
      { rollback: 'webhook' },
      { rollback: { webhook: { url: 'https://x.example/h' } } },
      {},
      /rollback\.webhook\.secret: got nothing; expected the HMAC secret/
    ],
    [
      { rollback: 'webhook' },
      { rollback: { webhook: { url: 'ftp://x.example/h', secret: 'abcdefghijkl' } } },
      {},
      /rollback\.webhook\.url: got "ftp:\/\/x\.example\/h"; expected an absolute http/
    ],
    [
      { rollback: 'webhook' },
      { rollback: { webhook: { url: 'https://x.example/h', secret: '${MISSING}' } } },
      {},
      /rollback\.webhook\.secret: .*expected \$\{MISSING\} to be set/
    ],
    [
      { rollback: 'webhook' },
      { rollback: { webhook: { url: 'https://x.example/h', secret: 'abcdefghijkl', timeout: '1h' } } },
      {},
      /rollback\.webhook\.timeout: got "1h"; expected a duration from 1s to 10m/
    ]
  ])('%j with config %j is refused', (inputs, config, env, message) => {
    const e = thrownBy(() => settingsFrom({ ...HEALTH, ...inputs }, config, env))
    expect(e.name).toBe('UserError')
    expect(e.message).toMatch(message)
  })
})
