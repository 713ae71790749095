import type { IncidentFacts, JobLog } from '../../src/facts/incident-facts.js'
import type { RollbackOutcome } from '../../src/facts/outcomes.js'

const T0 = Date.parse('2026-05-01T10:00:00Z')
export const REPO = 'https://github.com/acme/shop'

/** A failed production verification with two changes, the deploy and a failed job. */
export function incidentFacts(over: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    environment: 'production',
    version: 'v1.5.0',
    result: 'failed',
    reason: 'error-rate failed: 0.12 > max 0.05',
    severity: { severity: 'sev1', why: 'rule 1 (production, failed: sev1)' },
    mentions: ['acme/oncall'],
    checks: [
      { name: 'error-rate', status: 'failed', type: 'prometheus', observed: '0.12', bound: '<= 0.05', reason: '2 failed samples > failure-limit 1', tags: [] }
    ],
    times: { deployedAt: T0, detectedAt: T0 + 4 * 60_000 + 12_000, windowStartedAt: T0 + 60_000 },
    deployment: { id: 77, url: `${REPO}/deployments/production`, state: 'failure' },
    runUrl: `${REPO}/actions/runs/9`,
    runbookUrl: 'https://runbooks.example.com/shop',
    playbookUrl: 'https://github.com/deploy-guard/deploy-guard/blob/v1/docs/playbooks/incident-response.md',
    repoUrl: REPO,
    changes: {
      base: 'v1.4.0',
      head: 'v1.5.0',
      compareUrl: `${REPO}/compare/v1.4.0...v1.5.0`,
      total: 3,
      // Newest first: a rebase-merged commit (no number in its title), a squash, a direct push.
      commits: [
        {
          sha: 'd'.repeat(40),
          title: 'Raise the pool timeout',
          author: 'Sam Lee',
          login: 'slee',
          url: `${REPO}/commit/${'d'.repeat(40)}`,
          pulls: [14],
          pullsFrom: 'github'
        },
        {
          sha: 'a'.repeat(40),
          title: 'Tune the pool (#12)',
          author: 'Jane Doe',
          login: 'jdoe',
          url: `${REPO}/commit/${'a'.repeat(40)}`,
          pulls: [12],
          pullsFrom: 'github'
        },
        { sha: 'b'.repeat(40), title: 'Bump deps', author: 'bot', url: `${REPO}/commit/${'b'.repeat(40)}`, pulls: [] }
      ]
    },
    jobs: [job('deploy', 'success', 'deploy', ['rollout complete']), job('tests', 'failure', 'failed', ['ok 1', 'Error: boom'], ['Error: boom'])],
    ...over
  }
}

export function job(name: string, conclusion: string, role: JobLog['role'], tail: string[], errors: string[] = [], id = name.length): JobLog {
  return {
    id,
    name,
    status: 'completed',
    conclusion,
    url: `${REPO}/actions/runs/9/job/${id}`,
    role,
    excerpt: { tail, tailStart: 1, errors: errors.map((text, i) => ({ line: i + 1, text })), errorsDropped: 0, totalLines: tail.length, bytes: 100 }
  }
}

/** Rollback outcomes as the rollback step reports them. */
export const ROLLBACKS: Record<string, RollbackOutcome> = {
  sent: {
    triggered: true,
    strategy: 'workflow',
    fromVersion: 'v1.5.0',
    toVersion: 'v1.4.0',
    toSha: 'c'.repeat(40),
    url: `${REPO}/actions/runs/10`,
    sentAt: T0 + 4 * 60_000 + 15_000,
    reason: '',
    failed: false,
    rollbackOfRollback: false
  },
  failed: {
    triggered: false,
    strategy: 'webhook',
    fromVersion: 'v1.5.0',
    toVersion: 'v1.4.0',
    reason: 'the deployer answered 502 three times',
    failed: true,
    rollbackOfRollback: false
  },
  none: { triggered: false, strategy: 'none', fromVersion: 'v1.5.0', reason: 'rollback is none', failed: false, rollbackOfRollback: false },
  ofRollback: {
    triggered: false,
    strategy: 'workflow',
    fromVersion: 'v1.4.0',
    reason: 'v1.4.0 was deployed by a rollback',
    failed: false,
    rollbackOfRollback: true
  }
}
