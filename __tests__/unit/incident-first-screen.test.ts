// The first 2,500 characters of an incident answer the on-call rubric (issue 14): what failed,
// severity and environment, when, what changed with PRs, what was done, the deployment, where
// to look, the runbook, next steps for a coordinator, and nothing hostile.
import { renderIncident } from '../../src/incident/render-incident.js'
import { rollbackText } from '../../src/incident/render-first-screen.js'
import { latestState, RECOVERED_LABEL } from '../../src/incident/latest-state.js'
import { decideSeverity } from '../../src/incident/severity.js'
import { DEFAULT_SEVERITY_RULES } from '../../src/settings/incident-settings.js'
import { mentionsIn, renderGfm } from '../../test-support/render-gfm.mjs'
import type { IncidentFacts } from '../../src/facts/incident-facts.js'
import { incidentFacts, job, ROLLBACKS } from './incident-fixtures.js'

const FIRST_SCREEN = 2500

const failedDeploy = (over: Partial<IncidentFacts> = {}): IncidentFacts =>
  incidentFacts({
    reason: 'the deploy job reported failure',
    deployResult: 'failure',
    checks: [],
    jobs: [
      {
        ...job(
          'deploy (eu-west)',
          'failure',
          'failed',
          ['helm upgrade', 'Error: UPGRADE FAILED: timed out waiting for the condition'],
          ['2026-05-01T10:00:01.0000000Z Error: UPGRADE FAILED: timed out waiting for the condition', '##[error]Process completed with exit code 1.']
        ),
        failedStep: 'Helm upgrade'
      }
    ],
    ...over
  })

function rubric(text: string): Record<string, boolean> {
  const top = text.slice(0, FIRST_SCREEN)
  return {
    'what failed': top.includes('### What failed'),
    'severity and environment': /sev\d · `production`/.test(top),
    'when, with the window': top.includes('### When') && /\d+m\d+s window from|not verified: the deploy job failed/.test(top),
    'what changed, with PRs': top.includes('### What changed') && /\[#\d+\]\(https:\/\/github\.com\/acme\/shop\/pull\/\d+\)/.test(top),
    'what was done': top.includes('**Rollback:**'),
    deployment: top.includes('**Deployment:** [77]'),
    'where to look': top.includes('[workflow run]('),
    runbook: /\[(runbook|incident playbook)\]\(https:/.test(top),
    'next steps for a coordinator': ['incident commander', 'dashboards', 'stakeholders'].every((w) => top.includes(w)),
    'nothing hostile': mentionsIn(renderGfm(top)).every((m: string) => m === 'acme/oncall')
  }
}

describe('the first screen answers the rubric in 2,500 characters', () => {
  const all = (text: string) =>
    Object.entries(rubric(text))
      .filter(([, ok]) => !ok)
      .map(([q]) => q)

  it.each([
    ['a failed check', incidentFacts({ rollback: ROLLBACKS.sent })],
    ['a failed check, no runbook-url', incidentFacts({ runbookUrl: '', rollback: ROLLBACKS.sent })],
    ['a failed deploy', failedDeploy()],
    ['a failed deploy, no runbook-url', failedDeploy({ runbookUrl: '' })]
  ])('%s', (_, f) => {
    const { body } = renderIncident(f, 'open', true)
    expect(all(body)).toEqual([])
  })

  it('names the failed deploy job, its failed step and its first error line (not the runner exit line)', () => {
    const top = renderIncident(failedDeploy(), 'open', true).body.slice(0, FIRST_SCREEN)
    expect(top).toContain(
      '**Failed deploy job** [`deploy (eu-west)`](https://github.com/acme/shop/actions/runs/9/job/16), step `Helm upgrade`: `Error: UPGRADE FAILED: timed out waiting for the condition`'
    )
  })

  it('links the playbook of the action when no runbook-url is set', () => {
    const top = renderIncident(incidentFacts({ runbookUrl: '' }), 'open', true).body.slice(0, FIRST_SCREEN)
    expect(top).toContain('[incident playbook](https://github.com/deploy-guard/deploy-guard/blob/v1/docs/playbooks/incident-response.md)')
  })
})

describe('rollback.wait in the incident', () => {
  const restored = {
    ...ROLLBACKS.sent,
    restore: { state: 'restored' as const, reason: 'every check passes', timeToRestoreMs: 192_000, runConclusion: 'success' }
  }
  const notRestored = { ...ROLLBACKS.sent, restore: { state: 'not restored' as const, reason: 'the rollback run 10 ended failure', runConclusion: 'failure' } }
  const notWatched = { ...ROLLBACKS.sent, restore: { state: 'not watched' as const, reason: 'only a workflow run that GitHub names can be watched' } }

  it('says restored with the time to restore, not restored, or not watched', () => {
    expect(rollbackText({ rollback: restored })).toContain('**Restored** in 3m12s (time to restore): `every check passes`')
    expect(rollbackText({ rollback: notRestored })).toContain('**Not restored**: `the rollback run 10 ended failure`; the severity was raised.')
    expect(rollbackText({ rollback: notWatched })).toContain('Not watched: `only a workflow run that GitHub names can be watched`')
    expect(rollbackText({ rollback: notWatched })).not.toContain('Not restored')
  })

  it('raises the severity when the service was not restored', () => {
    const facts = { environment: 'staging', production: false, result: 'failed' as const, tags: [], rollbackFailed: false }
    expect(decideSeverity(DEFAULT_SEVERITY_RULES, facts).severity).toBe('sev2')
    const raised = decideSeverity(DEFAULT_SEVERITY_RULES, { ...facts, notRestored: true })
    expect(raised).toEqual({
      severity: 'sev1',
      raisedFrom: 'sev2',
      why: 'rule 2 (failed: sev2); raised from sev2 because the rollback did not restore the service'
    })
  })
})

describe('the open incident follows the newest failure', () => {
  const second = incidentFacts({ version: 'v1.5.1', result: 'failed', severity: { severity: 'sev2', why: 'x' } })

  it('takes the version, verdict and a higher severity into the title and labels', () => {
    const s = latestState(['incident', 'sev3', 'env:production'], second)
    expect(s.title).toBe('[sev2] production: failed verifying v1.5.1 (deploy-guard)')
    expect(s.addLabels).toEqual(['sev2'])
    expect(s.removeLabels).toEqual(['sev3'])
  })

  it('keeps a higher severity the incident already has, and drops the recovered mark', () => {
    const s = latestState(['incident', 'sev1', RECOVERED_LABEL], second)
    expect(s.title).toBe('[sev1] production: failed verifying v1.5.1 (deploy-guard)')
    expect(s.addLabels).toEqual([])
    expect(s.removeLabels).toEqual([RECOVERED_LABEL])
  })
})

describe('reasons in the incident', () => {
  it('are not cut mid-word before the permission to add', () => {
    const reason =
      "could not roll back to v1.4.0 via workflow deploy.yml on main: dispatching workflow deploy.yml on main failed (403): Resource not accessible by integration. The token may lack a permission: add `actions: write` to the workflow's `permissions:` block."
    const text = rollbackText({ rollback: { ...ROLLBACKS.failed, strategy: 'workflow', reason } })
    expect(text).toContain('Resource not accessible by integration. The token may lack a permission: add `actions: write`')
    expect(text).not.toMatch(/ in…/)
  })
})
