// Workflow commands and file commands of the Actions runner, written directly rather than via
// @actions/core: its bundle pulls in @actions/http-client and undici for OIDC and costs ~95 ms
// of start-up here, which the cold-start budget (first probe within 100 ms of a bare script)
// cannot pay. The formats follow @actions/core's command.ts and file-command.ts exactly;
// __tests__/unit/runner-commands.test.ts checks them against @actions/core's own output.
import { appendFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { EOL } from 'node:os'

export type AnnotationProps = { title?: string; file?: string; line?: number }

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** Formats `::command key=value,...::message` as @actions/core does. */
export function formatCommand(command: string, props: Record<string, string | number | undefined>, message: string): string {
  // As core: a non-empty property object adds a space even when every value is dropped as falsy.
  const keys = Object.keys(props)
  const pairs = keys.filter((k) => props[k]).map((k) => `${k}=${escapeProperty(String(props[k]))}`)
  return `::${command}${keys.length ? ' ' + pairs.join(',') : ''}::${escapeData(message)}`
}

/** Writes one command line; stdout to a pipe is synchronous on Linux, so order is kept. */
export function issue(command: string, props: Record<string, string | number | undefined>, message: string): void {
  process.stdout.write(formatCommand(command, props, message) + EOL)
}

/** Tells the runner to mask a value in every later log line. Multi-line values mask per line. */
export function addMask(secret: string): void {
  const lines = secret.split(/\r?\n/)
  for (const part of lines.length > 1 ? [secret, ...lines] : [secret]) {
    if (part.trim() !== '') issue('add-mask', {}, part)
  }
}

/** `name<<delimiter` block for GITHUB_OUTPUT and friends. */
export function formatKeyValue(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`output ${name} contains its delimiter`)
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`
}

/** Sets a step output through GITHUB_OUTPUT (or the legacy command when not on a runner). */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT
  if (file) appendFileSync(file, formatKeyValue(name, value), 'utf8')
  else {
    process.stdout.write(EOL)
    issue('set-output', { name }, value)
  }
}

/** Appends markdown to the job summary; false when the runner gave no summary file. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (!file) return false
  appendFileSync(file, markdown, 'utf8')
  return true
}
