import { planMasks } from '../../src/text/mask-plan.js'
import { secretForms } from '../../src/text/secret-forms.js'

describe('planMasks', () => {
  const where = 'config .github/deploy-guard.yml: checks[0].headers.X-Token'

  it('gives the runner secrets of 8 characters or more, once each', () => {
    const plan = planMasks([
      { where: 'input github-token', value: 'ghs_0123456789' },
      { where: 'a', value: 'long-enough' },
      { where: 'b', value: 'long-enough' }
    ])
    expect(plan).toEqual({ mask: ['ghs_0123456789', 'long-enough'], warnings: [] })
  })

  it('keeps a short secret from the runner and names its place, not its value', () => {
    const plan = planMasks([
      { where, value: 'pass' },
      { where, value: 'pass' }
    ])
    expect(plan.mask).toEqual([])
    expect(plan.warnings).toEqual([
      `${where} holds a secret shorter than 8 characters: it is not given to the runner to mask (the runner would hide it inside every word containing it); deploy-guard redacts it only where it stands alone. Use a longer credential.`
    ])
    expect(plan.warnings[0]).not.toMatch(/\bpass\b/)
  })

  it('says when a secret is too short to redact at all', () => {
    expect(planMasks([{ where, value: 'abc' }]).warnings[0]).toMatch(/shorter than 4 characters: too short to hide, it is neither masked nor redacted/)
  })
})

describe('secretForms', () => {
  it.each([
    ['plain-token-123', ['plain-token-123', 'cGxhaW4tdG9rZW4tMTIz']],
    ['a b', ['a b', 'a%20b', 'a+b', 'YSBi']],
    ['x"<y>', ['x"<y>', 'x%22%3Cy%3E', 'x\\"<y>', 'x\\"\\u003cy\\u003e', 'eCI8eT4=', 'eCI8eT4']]
  ])('%s', (secret, expected) => {
    expect(secretForms(secret)).toEqual(expect.arrayContaining(expected))
  })

  it('writes each form once', () => {
    const forms = secretForms('plain-token-123')
    expect(new Set(forms).size).toBe(forms.length)
  })
})
