import type { Env } from './env.js'
import { UserError } from './user-error.js'

const REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/**
 * Replaces `${NAME}` with the step's environment variable NAME, so secrets stay in the
 * workflow's `env:` and out of the config file. Returns the variables it used with their values:
 * whether a value is secret depends on where it lands and on the variable's name.
 */
export function interpolate(where: string, text: string, env: Env): { value: string; used: { name: string; value: string }[] } {
  const used: { name: string; value: string }[] = []
  const value = text.replace(REF, (_, name: string) => {
    const v = env[name]
    if (v === undefined || v === '') {
      throw new UserError(where, text, `\${${name}} to be set: add ${name} to the step's env (from a secret)`)
    }
    used.push({ name, value: v })
    return v
  })
  return { value, used }
}
