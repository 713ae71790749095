import { incidentExtras, DEFAULT_SEVERITY_RULES } from '../../src/settings/incident-settings.js'
import { UserError } from '../../src/values/user-error.js'
import type { SecretSource } from '../../src/text/mask-plan.js'

const where = 'config .github/deploy-guard.yml: '

describe('incident settings', () => {
  it('has defaults an on-call team can live with', () => {
    const x = incidentExtras({}, where, {}, [])
    expect(x).toMatchObject({
      closeOnRecovery: true,
      deployJob: 'deploy',
      severityRules: DEFAULT_SEVERITY_RULES,
      mentions: {},
      privateTags: ['security'],
      artifact: true,
      webhookUrl: ''
    })
    expect(x.artifactUnavailable).toMatch(/ACTIONS_RUNTIME_TOKEN/)
    expect(incidentExtras({}, where, { ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'https://r' }, []).artifactUnavailable).toBe('')
  })

  it('reads mentions without the @ and refuses what is not a login or a team', () => {
    expect(incidentExtras({ mentions: { sev1: ['@acme/oncall', 'alice'] }, 'tag-mentions': { security: ['acme/sec'] } }, where, {}, [])).toMatchObject({
      mentions: { sev1: ['acme/oncall', 'alice'] },
      tagMentions: { security: ['acme/sec'] }
    })
    expect(() => incidentExtras({ mentions: { sev2: ['bob smith'] } }, where, {}, [])).toThrow(UserError)
    expect(() => incidentExtras({ mentions: { sev2: ['bob smith'] } }, where, {}, [])).toThrow(`${where}incident.mentions.sev2[0]`)
  })

  it('reads the webhook URL from the environment and records it and its path as secrets', () => {
    const secrets: SecretSource[] = []
    const x = incidentExtras({ notify: { 'webhook-url': '${HOOK}' } }, where, { HOOK: 'https://hooks.example.com/services/T1/B2/xyz123secret' }, secrets)
    expect(x.webhookUrl).toBe('https://hooks.example.com/services/T1/B2/xyz123secret')
    expect(secrets.map((s) => s.value)).toEqual(['https://hooks.example.com/services/T1/B2/xyz123secret', 'services/T1/B2/xyz123secret'])
    expect(() => incidentExtras({ notify: { 'webhook-url': '${MISSING}' } }, where, {}, [])).toThrow(/MISSING/)
    expect(() => incidentExtras({ notify: { 'webhook-url': 'not a url' } }, where, {}, [])).toThrow(/notify\.webhook-url/)
  })
})
