import type { TaggedRelease } from '../facts/releases.js'
import type { GitHubClient } from './client.js'
import type { Repo } from './deployments.js'
import { explain } from './errors.js'

const PER_PAGE = 100
// Neither list comes in semver order (releases by date, tags by name as text): every page is
// needed, up to this many.
const MAX_PAGES = 10

/** The repository's releases (tag, draft, prerelease), every page up to 1000. */
export async function listReleases(gh: GitHubClient, repo: Repo): Promise<TaggedRelease[]> {
  let pages = 0
  try {
    return await gh.paginate(gh.rest.repos.listReleases, { ...repo, per_page: PER_PAGE }, (res, done) => {
      if (++pages >= MAX_PAGES) done()
      return res.data.map((r) => ({ tag: r.tag_name, draft: r.draft, prerelease: r.prerelease }))
    })
  } catch (e) {
    throw explain('listing the releases', e, 'contents: read')
  }
}

/** The repository's tags with their commits, every page up to 1000. */
export async function listTags(gh: GitHubClient, repo: Repo): Promise<TaggedRelease[]> {
  let pages = 0
  try {
    return await gh.paginate(gh.rest.repos.listTags, { ...repo, per_page: PER_PAGE }, (res, done) => {
      if (++pages >= MAX_PAGES) done()
      return res.data.map((t) => ({ tag: t.name, sha: t.commit.sha }))
    })
  } catch (e) {
    throw explain('listing the tags', e, 'contents: read')
  }
}

/** The commit a tag points at (a release lists its tag, not the commit). */
export async function commitOf(gh: GitHubClient, repo: Repo, ref: string): Promise<string> {
  try {
    const { data } = await gh.rest.repos.getCommit({ ...repo, ref })
    return data.sha
  } catch (e) {
    throw explain(`reading the commit of ${ref}`, e, 'contents: read')
  }
}

/** The repository's default branch, for events whose payload does not carry it. */
export async function defaultBranch(gh: GitHubClient, repo: Repo): Promise<string> {
  try {
    const { data } = await gh.rest.repos.get({ ...repo })
    return data.default_branch
  } catch (e) {
    throw explain('reading the repository', e, 'contents: read')
  }
}
