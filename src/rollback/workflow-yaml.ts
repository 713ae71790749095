/** GITHUB_TOKEN permission levels, weakest first. */
const LEVELS = ['none', 'read', 'write'] as const
type Level = (typeof LEVELS)[number]
/** A `permissions:` block resolved to scopes, or `default` when none is declared (the repository's default applies). */
export type Permissions = Readonly<Record<string, Level>> | 'default'

/** A job that runs deploy-guard, and what its token may do. */
export interface GuardJob {
  readonly job: string
  /** The step's `mode` input (auto when unset). */
  readonly mode: string
  readonly permissions: Permissions
  /** The step passes its own github-token (a PAT or App token): the permissions block does not govern it. */
  readonly ownToken: boolean
}

/** What drill needs to know about one workflow file. */
export interface WorkflowFacts {
  /** Inputs of `on: workflow_dispatch`; undefined when the workflow cannot be dispatched. */
  readonly dispatchInputs?: Readonly<Record<string, { readonly required: boolean; readonly hasDefault: boolean }>>
  /** `repository_dispatch` types listened to ('all' without a types filter); undefined when not listened to. */
  readonly repositoryDispatch?: readonly string[] | 'all'
  readonly onDeployment: boolean
  readonly guardJobs: readonly GuardJob[]
}

/** A workflow file read at a ref, with its facts; `error` when it could not be read or parsed. */
export interface ScannedWorkflow {
  readonly path: string
  readonly facts?: WorkflowFacts
  readonly error?: string
}

type Raw = Record<string, unknown>
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
const DEFAULT_TOKEN = /^\$\{\{\s*(github\.token|secrets\.GITHUB_TOKEN)\s*\}\}$/

/** Pure: the facts of a parsed workflow file (YAML 1.2, so `on` is a key, not `true`). */
export function workflowFacts(doc: unknown): WorkflowFacts {
  const w = isMap(doc) ? doc : {}
  const on = triggers(w.on)
  const dispatch = on.get('workflow_dispatch')
  const repoDispatch = on.get('repository_dispatch')
  const inputs = isMap(dispatch) && isMap(dispatch.inputs) ? dispatch.inputs : {}
  const types = isMap(repoDispatch) ? repoDispatch.types : undefined
  return {
    ...(on.has('workflow_dispatch') && {
      dispatchInputs: Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [k, { required: isMap(v) && v.required === true, hasDefault: isMap(v) && v.default !== undefined }])
      )
    }),
    ...(on.has('repository_dispatch') && { repositoryDispatch: Array.isArray(types) ? types.map(String) : typeof types === 'string' ? [types] : 'all' }),
    onDeployment: on.has('deployment'),
    guardJobs: guardJobs(w)
  }
}

/** `on:` as a string, a list or a map, to event name -> its configuration. */
function triggers(on: unknown): Map<string, unknown> {
  if (typeof on === 'string') return new Map([[on, null]])
  if (Array.isArray(on)) return new Map(on.map((e) => [String(e), null]))
  return new Map(isMap(on) ? Object.entries(on) : [])
}

function guardJobs(w: Raw): GuardJob[] {
  const top = permissionsOf(w.permissions)
  const out: GuardJob[] = []
  for (const [job, j] of Object.entries(isMap(w.jobs) ? w.jobs : {})) {
    if (!isMap(j) || !Array.isArray(j.steps)) continue
    for (const step of j.steps) {
      if (!isMap(step) || typeof step.uses !== 'string' || !/(^|\/)deploy-guard(@|\/|$)/i.test(step.uses)) continue
      const input = isMap(step.with) ? step.with : {}
      const token = input['github-token']
      out.push({
        job,
        mode: typeof input.mode === 'string' ? input.mode : 'auto',
        permissions: j.permissions !== undefined ? permissionsOf(j.permissions) : top,
        ownToken: typeof token === 'string' && !DEFAULT_TOKEN.test(token.trim())
      })
    }
  }
  return out
}

function permissionsOf(p: unknown): Permissions {
  if (p === undefined || p === null) return 'default'
  // `*` stands for every scope.
  if (p === 'write-all') return { '*': 'write' }
  if (p === 'read-all') return { '*': 'read' }
  if (!isMap(p)) return {}
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, (LEVELS as readonly string[]).includes(String(v)) ? (v as Level) : 'none']))
}

/**
 * Pure: the needs (`actions: write`) a permissions block does not grant. A declared block
 * grants nothing it does not name; `default` is decided by the repository's settings, so
 * nothing can be said from the file.
 */
export function missingPermissions(needed: readonly string[], granted: Permissions): string[] | 'unknown' {
  if (granted === 'default') return 'unknown'
  return needed.filter((need) => {
    const [scope, level] = need.split(':').map((x) => x.trim())
    return LEVELS.indexOf(granted[scope] ?? granted['*'] ?? 'none') < LEVELS.indexOf(level as Level)
  })
}
