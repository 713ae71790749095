// Our workflow and file commands against what @actions/core 3 itself writes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { EOL, tmpdir } from 'node:os'
import { join } from 'node:path'
import { addMask, formatCommand, formatKeyValue, setOutput } from '../../src/runner/commands.js'
import { runnerLog } from '../../src/runner/log.js'

type Core = typeof import('@actions/core')
let core: Core
beforeAll(async () => {
  core = await import('@actions/core')
})

/** Everything fn writes to stdout, not printed. */
async function stdoutOf(fn: () => unknown): Promise<string> {
  const original = process.stdout.write
  let out = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out += String(chunk)
    return true
  }) as typeof process.stdout.write
  try {
    await fn()
  } finally {
    process.stdout.write = original
  }
  return out
}

describe('formatCommand is what @actions/core issues', () => {
  it.each<[string, (c: Core) => void, string]>([
    ['error with a title to escape', (c) => c.error('a%b\nc', { title: 'x:y,z' }), formatCommand('error', { title: 'x:y,z' }, 'a%b\nc')],
    ['warning with file and line', (c) => c.warning('slow\r\nresponse', { title: 'deploy-guard: api', file: 'src/a.ts', startLine: 3 }),
      formatCommand('warning', { title: 'deploy-guard: api', file: 'src/a.ts', line: 3 }, 'slow\r\nresponse')],
    ['notice without properties', (c) => c.notice('100% done, 0%0A left'), formatCommand('notice', {}, '100% done, 0%0A left')],
    ['debug', (c) => c.debug('round 3: 503'), formatCommand('debug', {}, 'round 3: 503')],
    ['add-mask (setSecret)', (c) => c.setSecret('p%ss\nword:1,2'), formatCommand('add-mask', {}, 'p%ss\nword:1,2')]
  ])('%s', async (_, viaCore, ours) => {
    expect(await stdoutOf(() => viaCore(core))).toBe(ours + EOL)
  })
})

describe('runnerLog writes what @actions/core writes', () => {
  it.each<[string, (c: Core) => void, () => void]>([
    ['info', (c) => c.info('plain %line\nnext'), () => runnerLog.info('plain %line\nnext')],
    ['error', (c) => c.error('a%b\nc', { title: 'x:y,z' }), () => runnerLog.error('a%b\nc', { title: 'x:y,z' })],
    ['warning', (c) => c.warning('w', { title: 't', file: 'f.ts', startLine: 7 }), () => runnerLog.warning('w', { title: 't', file: 'f.ts', line: 7 })],
    ['notice', (c) => c.notice('n'), () => runnerLog.notice('n')],
    ['debug', (c) => c.debug('d%'), () => runnerLog.debug('d%')]
  ])('%s', async (_, viaCore, ours) => {
    const expected = await stdoutOf(() => viaCore(core))
    expect(expected).toMatch(/\S/)
    expect(await stdoutOf(ours)).toBe(expected)
  })

  it('group', async () => {
    const viaCore = await stdoutOf(() => core.group('Checks: round 1', async () => core.info('inside')))
    const ours = await stdoutOf(() => runnerLog.group('Checks: round 1', async () => runnerLog.info('inside')))
    expect(viaCore).toMatch(/^::group::/)
    expect(ours).toBe(viaCore)
  })
})

describe('addMask', () => {
  it('masks a multi-line secret whole, as core.setSecret does, and each of its lines', async () => {
    const viaCore = await stdoutOf(() => core.setSecret('-----BEGIN KEY-----\nabc123\n-----END KEY-----'))
    const lines = (await stdoutOf(() => addMask('-----BEGIN KEY-----\nabc123\n-----END KEY-----'))).split(EOL)
    expect(lines).toContain(viaCore.replace(EOL, ''))
    expect(lines).toEqual(expect.arrayContaining(['::add-mask::-----BEGIN KEY-----', '::add-mask::abc123', '::add-mask::-----END KEY-----']))
  })
})

describe('outputs', () => {
  const saved = process.env.GITHUB_OUTPUT
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'deploy-guard-outputs-'))
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_OUTPUT
    else process.env.GITHUB_OUTPUT = saved
    rmSync(dir, { recursive: true, force: true })
  })

  const OUTPUTS: [string, string][] = [
    ['result', 'failed'],
    ['failed-checks', '["error-rate","health https://a/"]'],
    ['rollback-version', ''],
    ['report', 'line one\nline two\r\nline <<three>>']
  ]
  const DELIMITER = /ghadelimiter_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

  function outputFile(write: (name: string, value: string) => void): string {
    const file = join(dir, `output-${Math.random().toString(36).slice(2)}`)
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    for (const [name, value] of OUTPUTS) write(name, value)
    return readFileSync(file, 'utf8')
  }

  it('GITHUB_OUTPUT gets the same name<<delimiter blocks as core.setOutput writes', () => {
    const viaCore = outputFile((n, v) => core.setOutput(n, v))
    const ours = outputFile(setOutput)
    expect(ours.replace(DELIMITER, 'DELIMITER')).toBe(viaCore.replace(DELIMITER, 'DELIMITER'))
    // Each block opens and closes with its own, fresh delimiter.
    const blocks = [...ours.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n[\s\S]*?\n\2\n/gm)]
    expect(blocks.map((b) => b[1])).toEqual(OUTPUTS.map(([n]) => n))
    expect(new Set(blocks.map((b) => b[2])).size).toBe(OUTPUTS.length)
  })

  it('formatKeyValue is one block with the given delimiter', () => {
    expect(formatKeyValue('report', 'a\nb', 'ghadelimiter_fixed')).toBe(`report<<ghadelimiter_fixed${EOL}a\nb${EOL}ghadelimiter_fixed${EOL}`)
  })

  it.each([
    ['a value', 'result', 'x ghadelimiter_fixed y'],
    ['a name', 'ghadelimiter_fixed', 'x']
  ])('formatKeyValue refuses %s containing the delimiter, as core does', (_, name, value) => {
    expect(() => formatKeyValue(name, value, 'ghadelimiter_fixed')).toThrow('contains its delimiter')
  })

  it('without GITHUB_OUTPUT, the legacy set-output command as core writes it', async () => {
    delete process.env.GITHUB_OUTPUT
    const viaCore = await stdoutOf(() => core.setOutput('failed-checks', '["a:b","c,d"]\n'))
    const ours = await stdoutOf(() => setOutput('failed-checks', '["a:b","c,d"]\n'))
    expect(ours).toBe(viaCore)
  })
})
