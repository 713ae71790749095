import * as core from '@actions/core'

export type AnnotationProps = core.AnnotationProperties

/** The logging seam every module gets; tests collect lines instead of printing them. */
export interface Log {
  info(message: string): void
  debug(message: string): void
  notice(message: string, props?: AnnotationProps): void
  warning(message: string, props?: AnnotationProps): void
  error(message: string, props?: AnnotationProps): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** The runner's log through @actions/core: plain lines, annotations, collapsible groups; debug lines under ACTIONS_STEP_DEBUG. */
export const runnerLog: Log = {
  info: (m) => core.info(m),
  debug: (m) => core.debug(m),
  notice: (m, p) => core.notice(m, p),
  warning: (m, p) => core.warning(m, p),
  error: (m, p) => core.error(m, p),
  group: (name, fn) => core.group(name, fn)
}
