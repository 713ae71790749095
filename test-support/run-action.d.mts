/* eslint-disable @typescript-eslint/no-explicit-any -- JSON payloads and reports are read loosely in tests */
export const ROOT: string
export const DIST: string
export const NODE: string
export function inputVar(name: string): string
export function inputEnv(inputs?: Record<string, string>, opts?: { token?: string }): Record<string, string>
export function example(event: string, action?: string): any
export function parseFileCommands(text: string): Record<string, string>
export function annotations(stdout: string, level?: string): string[]
export interface RunOptions {
  inputs?: Record<string, string>
  eventName?: string
  event?: object
  apiUrl?: string
  env?: Record<string, string | undefined>
  files?: Record<string, string>
  timeoutMs?: number
  token?: string
  sha?: string
  keep?: boolean
  /** Runs the post step with this saved state, when action.yml's post-if holds for the job's status. */
  state?: Record<string, string>
  /** The main step's result: its exit code gives the job's status for post-if. */
  after?: { code: number | string }
  jobStatus?: 'success' | 'failure' | 'cancelled'
  cancel?: { signal: NodeJS.Signals; when: RegExp; then?: { signal: NodeJS.Signals; afterMs: number } }
}
export interface RunResult {
  code: number | string
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  report: any
  state: Record<string, string>
  durationMs: number
  workspace: string
  errors: string[]
  /** True when the runner would skip the post step (post-if false): no process ran. */
  skipped?: true
}
export function runAction(o?: RunOptions): Promise<RunResult>
export const TEST_TOKEN: string
export function postIfHolds(jobStatus: 'success' | 'failure' | 'cancelled'): boolean
export function runnerEnv(o: {
  dir: string
  workspace: string
  eventName?: string
  event: any
  sha?: string
  apiUrl?: string
  inputs?: Record<string, string>
  token?: string
}): Record<string, string>
export function prepareRunnerDir(dir: string, event: object): string
