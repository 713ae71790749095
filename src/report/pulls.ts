// Pure: the pull request of each change, from GitHub's records only (PRODUCT.md sections 6 and
// 10): a PR's merge commit names a squash or the last commit of a rebase; a merge commit's
// second parent side is its PR's branch; commits-to-pulls answers the rest, and a rebase merge's
// commits run contiguously on the first-parent chain up to its merge commit.
import type { CommitGraph, PullRecord } from './history.js'

/** sha -> the PR that brought it, null when GitHub knows none; absent when not yet known. */
export type PullOf = ReadonlyMap<string, PullRecord | null>

/** Pure: what the PR list and the commits-to-pulls answers say about each commit of the graph. */
export function assignPulls(graph: CommitGraph, pulls: readonly PullRecord[], lookups: Readonly<Record<string, PullRecord | null>>): PullOf {
  const out = new Map<string, PullRecord | null>()
  const byNumber = new Map<number, PullRecord>()
  for (const p of pulls) byNumber.set(p.number, p)
  for (const p of Object.values(lookups)) if (p && !byNumber.has(p.number)) byNumber.set(p.number, p)
  for (const p of byNumber.values()) {
    const m = p.mergeCommitSha && graph.get(p.mergeCommitSha)
    if (!m) continue
    if (m.parents.length >= 2) {
      // A merge commit: the PR's commits are those its second parent brings that the first has not.
      const main = new Set(graph.ancestors(m.parents[0]))
      for (const c of graph.ancestors(m.parents[1], main)) if (!out.has(c)) out.set(c, p)
    } else if (!out.has(m.sha)) out.set(m.sha, p)
  }
  for (const [sha, p] of Object.entries(lookups)) {
    if (!graph.has(sha)) continue
    out.set(sha, p)
    if (!p?.mergeCommitSha || !graph.has(p.mergeCommitSha)) continue
    // A rebase merge: every commit from the merge commit down the first parents to this one is the PR's.
    const chain = graph.firstParents(p.mergeCommitSha)
    const at = chain.indexOf(sha)
    if (at > 0) for (const c of chain.slice(0, at)) if (!out.has(c)) out.set(c, p)
  }
  return out
}

/** Pure: the changes whose PR is still unknown, oldest first: the next commits-to-pulls to ask. */
export function unknownPulls(changes: readonly string[], pullOf: PullOf): string[] {
  return changes.filter((c) => !pullOf.has(c))
}
