import { RECORD_TEXT, delivered, recordState } from '../../src/rollback/rollback-ledger.js'

const status = (state: string, description = '') => ({ id: 1, state, description, logUrl: '' })

describe('recordState: what a rollback record in the ledger says', () => {
  it.each([
    ['no status: claimed, unknown until its effect is looked for', [], 'workflow', 'claimed'],
    ['no status on the deployment strategy: the record is the trigger, so it went out', [], 'deployment', 'confirmed'],
    ['queued, sent', [status('queued', RECORD_TEXT.sent('bad', 'v1', 'webhook'))], 'webhook', 'sent'],
    ['queued with the run it started: confirmed', [status('queued', RECORD_TEXT.confirmed('bad', 'v1', 'run 7'))], 'workflow', 'confirmed'],
    ['error: failed, a re-run sends again', [status('error', RECORD_TEXT.failed('502'))], 'workflow', 'failed'],
    ['set inactive as a lost claim: duplicate', [status('inactive', RECORD_TEXT.duplicate(12))], 'workflow', 'duplicate'],
    ['retired by a later success: confirmed', [status('inactive', 'superseded')], 'workflow', 'confirmed'],
    ['the rollback run verified it: confirmed', [status('success', 'deploy-guard: passed'), status('queued', 'x')], 'workflow', 'confirmed'],
    ['the newest status counts: a failed send retried and sent', [status('queued', RECORD_TEXT.sent('b', 'v', 'w')), status('error', 'x')], 'webhook', 'sent']
  ])('%s', (_what, statuses, strategy, expected) => {
    expect(recordState(statuses, strategy)).toBe(expected)
  })

  it('counts only sent and confirmed records as delivered', () => {
    expect((['claimed', 'sent', 'confirmed', 'failed', 'duplicate'] as const).filter(delivered)).toEqual(['sent', 'confirmed'])
  })
})
