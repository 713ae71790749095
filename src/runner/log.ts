import { issue, type AnnotationProps } from './commands.js'

/** The logging seam every module gets; tests collect lines instead of printing them. */
export interface Log {
  info(message: string): void
  debug(message: string): void
  notice(message: string, props?: AnnotationProps): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** The runner's log: plain lines, workflow-command annotations and collapsible groups. */
export const runnerLog: Log = {
  info: (m) => void process.stdout.write(m + '\n'),
  debug: (m) => issue('debug', {}, m),
  notice: (m, p = {}) => issue('notice', p, m),
  warning: (m, p = {}) => issue('warning', p, m),
  error: (m, p = {}) => issue('error', p, m),
  async group(name, fn) {
    issue('group', {}, name)
    try {
      return await fn()
    } finally {
      issue('endgroup', {}, '')
    }
  }
}
