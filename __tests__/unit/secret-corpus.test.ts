import { SECRET_CORPUS } from '../../test-support/secret-corpus.mjs'
import { redact } from '../../src/text/redact.js'

describe('the secret corpus, by shape alone', () => {
  it('has at least 40 kinds', () => {
    expect(new Set(SECRET_CORPUS.map((e) => e.kind)).size).toBeGreaterThanOrEqual(40)
  })

  it.each(SECRET_CORPUS.map((e) => [e.kind, e]))('%s: the secret goes, the words stay', (_kind, e) => {
    const out = redact(e.line, [])
    expect(out).not.toContain(e.secret)
    expect(out).toContain(e.keep)
  })
})

describe('the new shapes leave prose and ordinary values alone', () => {
  it.each([
    'Error: token expired, log in again',
    'the api-key header is missing',
    'set the DB_PASSWORD variable in the environment',
    'pip install scikit-learn; sk-learn is not a package',
    'a key-value store and a task-runner',
    '{"token_count": 5, "max_tokens": 100}',
    'X-Env: production',
    'Accept: application/json',
    'cookies are disabled',
    'posting to https://hooks.slack.com/ failed: no path',
    '2026-05-01T10:00:00.0000000Z Error: expected 200, got 503 from /checkout'
  ])('%s', (text) => {
    expect(redact(text, [])).toBe(text)
  })
})
