import type { TaggedRelease } from '../facts/releases.js'
import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { VERSION_HEADER } from './deployment-history.js'
import { explain } from './errors.js'

const PER_PAGE = 100
// Neither list comes in semver order (releases by date, tags by name as text): every page is
// needed, up to this many.
const MAX_PAGES = 10

/** The repository's releases (tag, draft, prerelease), every page up to 1000. */
export async function listReleases(gh: GitHubClient, repo: Repo): Promise<TaggedRelease[]> {
  const out: TaggedRelease[] = []
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await gh.rest.repos.listReleases({ ...repo, per_page: PER_PAGE, page, headers: VERSION_HEADER })
      out.push(...data.map((r) => ({ tag: r.tag_name, draft: r.draft, prerelease: r.prerelease })))
      if (data.length < PER_PAGE) break
    }
  } catch (e) {
    throw explain('listing the releases', e, 'contents: read')
  }
  return out
}

/** The repository's tags with their commits, every page up to 1000. */
export async function listTags(gh: GitHubClient, repo: Repo): Promise<TaggedRelease[]> {
  const out: TaggedRelease[] = []
  try {
    for (let page = 1; page <= MAX_PAGES; page++) {
      const { data } = await gh.rest.repos.listTags({ ...repo, per_page: PER_PAGE, page, headers: VERSION_HEADER })
      out.push(...data.map((t) => ({ tag: t.name, sha: t.commit.sha })))
      if (data.length < PER_PAGE) break
    }
  } catch (e) {
    throw explain('listing the tags', e, 'contents: read')
  }
  return out
}

/** The commit a tag points at (a release lists its tag, not the commit). */
export async function commitOf(gh: GitHubClient, repo: Repo, ref: string): Promise<string> {
  try {
    const { data } = await gh.rest.repos.getCommit({ ...repo, ref, headers: VERSION_HEADER })
    return data.sha
  } catch (e) {
    throw explain(`reading the commit of ${ref}`, e, 'contents: read')
  }
}

/** The repository's default branch, for events whose payload does not carry it. */
export async function defaultBranch(gh: GitHubClient, repo: Repo): Promise<string> {
  try {
    const { data } = await gh.rest.repos.get({ ...repo, headers: VERSION_HEADER })
    return data.default_branch
  } catch (e) {
    throw explain('reading the repository', e, 'contents: read')
  }
}
