/**
 * A mistake in the user's inputs or config file. The action reports it as one `::error`
 * naming where the value came from, the value, and what is expected, without a stack trace.
 */
export class UserError extends Error {
  constructor(
    readonly where: string,
    readonly value: unknown,
    readonly expected: string
  ) {
    super(`${where}: got ${describe(value)}; expected ${expected}`)
    this.name = 'UserError'
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
  return text.length > 120 ? `${text.slice(0, 117)}...` : text
}
