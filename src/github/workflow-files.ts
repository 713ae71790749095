import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'

/** A workflow of the repository as the Actions API lists it. */
export interface WorkflowEntry {
  readonly id: number
  readonly path: string
  readonly state: string
}

/** Reads only: what drill needs to know about the repository's workflows. */
export class WorkflowFiles {
  constructor(
    private readonly gh: GitHubClient,
    private readonly repo: Repo
  ) {}

  /** The workflow a file name or id names; undefined when there is none. */
  async workflow(idOrFile: string): Promise<WorkflowEntry | undefined> {
    try {
      const { data } = await this.gh.rest.actions.getWorkflow({ ...this.repo, workflow_id: idOrFile })
      return { id: data.id, path: data.path, state: data.state }
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined
      throw explain(`reading workflow ${idOrFile}`, e, 'actions: read')
    }
  }

  /** The repository's workflows (first 100). */
  async list(): Promise<WorkflowEntry[]> {
    try {
      const { data } = await this.gh.rest.actions.listRepoWorkflows({ ...this.repo, per_page: 100 })
      return data.workflows.map((w) => ({ id: w.id, path: w.path, state: w.state }))
    } catch (e) {
      throw explain('listing the workflows', e, 'actions: read')
    }
  }

  /** A file's text at a ref; undefined when it does not exist there. */
  async text(path: string, ref: string): Promise<string | undefined> {
    try {
      const { data } = await this.gh.rest.repos.getContent({ ...this.repo, path, ref })
      const file = data as { type?: string; content?: string; encoding?: string }
      if (file.type !== 'file' || typeof file.content !== 'string') return undefined
      return file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : file.content
    } catch (e) {
      if ((e as { status?: number }).status === 404) return undefined
      throw explain(`reading ${path} at ${ref}`, e, 'contents: read')
    }
  }
}
