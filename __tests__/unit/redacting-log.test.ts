import { redactingLog } from '../../src/runner/redacting-log.js'
import type { Log } from '../../src/runner/log.js'

it('removes known secrets and credential shapes from every kind of line', async () => {
  const lines: string[] = []
  const sink: Log = {
    info: (m) => void lines.push(`info ${m}`),
    debug: (m) => void lines.push(`debug ${m}`),
    notice: (m) => void lines.push(`notice ${m}`),
    warning: (m) => void lines.push(`warning ${m}`),
    error: (m) => void lines.push(`error ${m}`),
    group: async (name, fn) => {
      lines.push(`group ${name}`)
      return fn()
    }
  }
  const log = redactingLog(sink, ['hunter2-secret'])
  log.info('password hunter2-secret')
  log.warning('token ghp_abcdefghijklmnopqrstuvwxyz0123456789')
  log.error('at https://user:pa55word@host/x')
  await log.group('probe with hunter2-secret', async () => undefined)
  expect(lines).toEqual(['info password ***', 'warning token ***', 'error at https://user:***@host/x', 'group probe with ***'])
})
