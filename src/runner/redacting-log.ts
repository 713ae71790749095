import { redactorFor } from '../text/redact.js'
import type { Log } from './log.js'

/**
 * A log that removes secrets from every line before it is written. The runner masks what
 * add-mask told it, but only in its own display: this also covers credential shapes the action
 * never saw, the encoded forms of secrets, and logs copied elsewhere. The redactor is built
 * once here: it runs on every line.
 */
export function redactingLog(log: Log, secrets: readonly string[]): Log {
  const redactor = redactorFor(secrets)
  const clean = (m: string): string => redactor.text(m)
  return {
    info: (m) => log.info(clean(m)),
    debug: (m) => log.debug(clean(m)),
    notice: (m, p) => log.notice(clean(m), p),
    warning: (m, p) => log.warning(clean(m), p),
    error: (m, p) => log.error(clean(m), p),
    group: (name, fn) => log.group(clean(name), fn)
  }
}
