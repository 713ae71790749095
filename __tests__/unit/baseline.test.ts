import { judgeBaseline } from '../../src/checks/baseline.js'

describe('judgeBaseline: allowed = max(baseline x (1 + max-increase), floor)', () => {
  it.each([
    ['relative increase within', 0.029, 0.02, 0.5, 0.01, true, 0.03, 'allowed = max(0.02 x (1 + 0.5) = 0.03, floor 0.01) = 0.03'],
    ['relative increase exceeded', 0.031, 0.02, 0.5, 0.01, false, 0.03, 'allowed = max(0.02 x (1 + 0.5) = 0.03, floor 0.01) = 0.03'],
    ['exactly the allowed value', 0.03, 0.02, 0.5, 0.01, true, 0.03, 'allowed = max(0.02 x (1 + 0.5) = 0.03, floor 0.01) = 0.03'],
    ['zero baseline uses the floor', 0.009, 0, 0.5, 0.01, true, 0.01, 'allowed = max(0 x (1 + 0.5) = 0, floor 0.01) = 0.01'],
    ['zero baseline, value above the floor', 0.02, 0, 10, 0.01, false, 0.01, 'allowed = max(0 x (1 + 10) = 0, floor 0.01) = 0.01'],
    ['no increase allowed', 120, 100, 0, 0, false, 100, 'allowed = max(100 x (1 + 0) = 100, floor 0) = 100'],
    ['large baseline doubles', 350, 200, 1, 5, true, 400, 'allowed = max(200 x (1 + 1) = 400, floor 5) = 400']
  ])('%s', (_, current, baseline, maxIncrease, floor, ok, allowed, formula) => {
    const r = judgeBaseline(current, baseline, { offsetMs: 3_600_000, maxIncrease, floor })
    expect(r.ok).toBe(ok)
    expect(r.allowed).toBeCloseTo(allowed, 12)
    expect(r.formula).toBe(formula)
  })
})
