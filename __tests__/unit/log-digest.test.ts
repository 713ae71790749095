import { LogDigest } from '../../src/incident/log-digest.js'
import { redact } from '../../src/text/redact.js'

/** Feeds text in chunks of `size` bytes; returns what was written and the excerpt. */
function digest(text: string, o: { lines?: number; size?: number; maxErrors?: number; full?: boolean } = {}) {
  const d = new LogDigest({
    lines: o.lines ?? 3,
    redact: (t) => redact(t, ['known-secret-1']),
    full: o.full ?? true,
    ...(o.maxErrors && { maxErrors: o.maxErrors })
  })
  const bytes = Buffer.from(text)
  let written = ''
  for (let i = 0; i < bytes.length; i += o.size ?? 7) written += d.push(bytes.subarray(i, i + (o.size ?? 7)))
  const { rest, excerpt } = d.end()
  return { written: written + rest, excerpt }
}

describe('LogDigest', () => {
  it('keeps the last lines, whatever the chunking, and counts every line', () => {
    const text = Array.from({ length: 10 }, (_, i) => `line ${i}`).join('\n') + '\n'
    for (const size of [1, 3, 64, 1000]) {
      const { excerpt, written } = digest(text, { size })
      expect(excerpt.tail).toEqual(['line 7', 'line 8', 'line 9'])
      expect(excerpt.tailStart).toBe(8)
      expect(excerpt.totalLines).toBe(10)
      expect(written).toBe(text)
    }
  })

  it('writes nothing back without `full`, and finds the same tail and errors', () => {
    const text = 'a\nError: known-secret-1 x\nb\n'
    const lean = digest(text, { full: false, size: 2 })
    expect(lean.written).toBe('')
    expect(lean.excerpt).toEqual(digest(text, { size: 2 }).excerpt)
    expect(lean.excerpt.errors[0].text).toBe('Error: *** x')
  })

  it('pulls error lines and the stack frames after them to the top, with their line numbers', () => {
    const text = [
      'ok',
      '2026-05-01T10:00:00.0000000Z Error: boom',
      '    at f (a.js:1:2)',
      '    at g (b.js:3:4)',
      'next',
      '##[error]Process completed with exit code 2.',
      'npm ERR! code ELIFECYCLE',
      'Traceback (most recent call last):',
      'panic: nil map',
      'tail'
    ].join('\n')
    const { excerpt } = digest(text)
    expect(excerpt.errors.map((e) => e.line)).toEqual([2, 3, 4, 6, 7, 8, 9])
    expect(excerpt.errors[0].text).toBe('2026-05-01T10:00:00.0000000Z Error: boom')
  })

  it('leaves ordinary lines out of the errors', () => {
    const { excerpt } = digest('all tests passed\n0 errors, 0 warnings\nexit code 0\nerror-rate is low\n')
    expect(excerpt.errors).toEqual([])
  })

  it('keeps the first and the last errors when there are too many, and counts the rest', () => {
    const text = Array.from({ length: 20 }, (_, i) => `Error: e${i}`).join('\n')
    const { excerpt } = digest(text, { maxErrors: 6 })
    expect(excerpt.errors.map((e) => e.text)).toEqual(['Error: e0', 'Error: e1', 'Error: e2', 'Error: e17', 'Error: e18', 'Error: e19'])
    expect(excerpt.errorsDropped).toBe(14)
  })

  it('redacts before keeping or writing: known secrets, shapes, and a private key block split across chunks', () => {
    const key = [
      '-----BEGIN OPENSSH PRIVATE KEY-----',
      'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ',
      'AAAAMwAAAAtzc2gtZWQyNTUxOQAAACB',
      '-----END OPENSSH PRIVATE KEY-----'
    ].join('\n')
    const text = `Error: auth with known-secret-1 failed\ntoken ghp_${'a1B2'.repeat(9)}\n${key}\nafter\n`
    const { written, excerpt } = digest(text, { size: 5, lines: 10 })
    for (const out of [written, excerpt.tail.join('\n'), excerpt.errors.map((e) => e.text).join('\n')]) {
      expect(out).not.toContain('known-secret-1')
      expect(out).not.toContain('a1B2a1B2')
      expect(out).not.toContain('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ')
    }
    expect(excerpt.errors[0].text).toBe('Error: auth with *** failed')
    expect(written.split('\n')).toHaveLength(text.split('\n').length)
    expect(excerpt.tail.at(-1)).toBe('after')
  })

  it('keeps multi-byte characters whole across chunks and cuts endless lines', () => {
    const { excerpt } = digest('héllo wörld ✓\n' + 'y'.repeat(5000) + '\nend', { size: 1 })
    expect(excerpt.tail[0]).toBe('héllo wörld ✓')
    expect(excerpt.tail[1]).toMatch(/^y{2000} … \(3000 more characters\)$/)
  })

  it('redacts a long line whole before cutting it: no token prefix survives at the cut (issue 14)', () => {
    const token = `ghp_${'aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z'.repeat(2).slice(0, 36)}`
    for (const at of [1990, 1995, 1999, 2000, 2005]) {
      const line = `${'x '.repeat(at / 2)}${token} and known-secret-1 tail`
      for (const text of [`${line}\n`, `Error: ${line}\n`]) {
        for (const full of [true, false]) {
          const { excerpt } = digest(text, { size: 4096, full })
          const kept = [...excerpt.tail, ...excerpt.errors.map((e) => e.text)].join('\n')
          expect(kept).not.toContain('ghp_')
          expect(kept).not.toContain('known-secret')
          expect(kept).toContain('more characters')
        }
      }
    }
  })
})
