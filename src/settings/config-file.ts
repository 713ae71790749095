import { UserError } from '../values/user-error.js'
import schema from '../../schema/deploy-guard.schema.json' with { type: 'json' }

/** The config file as the schema describes it (kebab-case keys, durations as strings). */
export type ConfigFile = Record<string, unknown>

/**
 * Parses and validates the YAML config. The YAML parser and Ajv load here only, so runs
 * without a config file do not pay for them at start-up.
 */
export async function parseConfig(path: string, text: string): Promise<ConfigFile> {
  const { parse, YAMLParseError } = await import('yaml')
  let doc: unknown
  try {
    doc = parse(text, { prettyErrors: true })
  } catch (e) {
    const where = e instanceof YAMLParseError && e.linePos ? `config ${path}:${e.linePos[0].line}` : `config ${path}`
    throw new UserError(where, 'invalid YAML', `valid YAML (${firstLine(e)})`)
  }
  if (doc === null || doc === undefined) return {}
  const mod = (await import('ajv')) as unknown as { default: { default?: AjvClass } & AjvClass }
  // ajv is CommonJS: its class is `default` natively and `default.default` through the bundler.
  const Ajv = mod.default.default ?? mod.default
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false })
  const validate = ajv.compile(schema)
  if (!validate(doc)) {
    const best = pickError(validate.errors ?? [])
    throw new UserError(`config ${path}: ${best.at}`, best.value(doc), best.expected)
  }
  return doc as ConfigFile
}

type AjvClass = new (opts: object) => { compile(schema: object): ((doc: unknown) => boolean) & { errors?: AjvError[] | null } }
type AjvError = { instancePath: string; schemaPath: string; keyword: string; message?: string; params: Record<string, unknown> }

/** The most useful of ajv's errors: the deepest one that is not an if/then or anyOf wrapper. */
function pickError(errors: AjvError[]): { at: string; expected: string; value: (doc: unknown) => unknown } {
  const useful = errors.filter((e) => !['if', 'anyOf', 'allOf'].includes(e.keyword))
  const sorted = (useful.length ? useful : errors).sort((a, b) => b.instancePath.length - a.instancePath.length)
  const e = sorted[0]
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
  if (e.keyword === 'additionalProperty' || e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty)
    return { at: pathText([...segments, key]), expected: 'no such key (see schema/deploy-guard.schema.json)', value: () => key }
  }
  if (e.keyword === 'required') {
    const key = String(e.params.missingProperty)
    return { at: pathText([...segments, key]), expected: 'a value: this key is required', value: () => undefined }
  }
  const expected = e.schemaPath.includes('/definitions/duration') ? 'a duration such as 500ms, 30s, 2m or 1h30m' : expectedText(e)
  return { at: pathText(segments) || '(top level)', expected, value: (doc) => segments.reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc) }
}

/** Ajv's messages ("must be integer") in the words of our errors ("an integer"). */
function expectedText(e: AjvError): string {
  const p = e.params
  switch (e.keyword) {
    case 'enum':
      return `one of ${(p.allowedValues as unknown[]).join(', ')}`
    case 'const':
      return `${JSON.stringify(p.allowedValue)}`
    case 'type':
      return `${/^[aeiou]/.test(String(p.type)) ? 'an' : 'a'} ${String(p.type).replace(',', ' or ')}`
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `a number ${p.comparison} ${p.limit}`
    case 'minLength':
      return 'a non-empty string'
    case 'maxLength':
      return `text of at most ${p.limit} characters`
    case 'minItems':
      return `a list of at least ${p.limit} item${p.limit === 1 ? '' : 's'}`
    case 'pattern':
      return `text matching ${p.pattern}`
    default:
      return e.message ?? 'a valid value'
  }
}

function pathText(segments: string[]): string {
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('')
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0]
}
