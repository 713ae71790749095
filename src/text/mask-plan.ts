import { MIN_SECRET_LENGTH, WHOLE_TOKEN_BELOW } from './redact.js'

/** A secret and where it was read: an input or a config path such as `config x.yml: checks[0].headers.X-Token`. */
export interface SecretSource {
  readonly where: string
  readonly value: string
}

/**
 * Which secrets go to the runner's mask, and what to tell the user about the rest. The runner
 * masks a value inside every word that contains it, so a short one (`pass`) would turn
 * `passed` into `***ed` in the action's own lines: short secrets are left to deploy-guard's
 * redaction, which removes them only where they stand alone, and a warning names the place,
 * never the value.
 */
export function planMasks(sources: readonly SecretSource[]): { mask: string[]; warnings: string[] } {
  const mask = new Set<string>()
  const short = new Map<string, boolean>()
  for (const { where, value } of sources) {
    if (value.length >= WHOLE_TOKEN_BELOW) mask.add(value)
    else if (value.trim() !== '') short.set(where, (short.get(where) ?? false) || value.length < MIN_SECRET_LENGTH)
  }
  const warnings = [...short].map(([where, tiny]) =>
    tiny
      ? `${where} holds a secret shorter than ${MIN_SECRET_LENGTH} characters: too short to hide, it is neither masked nor redacted. Use a longer credential.`
      : `${where} holds a secret shorter than ${WHOLE_TOKEN_BELOW} characters: it is not given to the runner to mask (the runner would hide it inside every word containing it); deploy-guard redacts it only where it stands alone. Use a longer credential.`
  )
  return { mask: [...mask], warnings }
}
