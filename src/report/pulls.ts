// Pure: the pull request of each change, from GitHub's records only (PRODUCT.md sections 6 and
// 10): a PR's merge commit names a squash or the last commit of a rebase; a merge commit's
// second parent side is its PR's branch; commits-to-pulls answers the rest, and a rebase merge's
// commits run contiguously on the first-parent chain up to its merge commit.
import type { CommitGraph, PullRecord } from './history.js'

/** The longest run of rebased commits followed down from a merge commit. */
const MAX_REBASE_CHAIN = 1000

/** sha -> the PR that brought it, null when GitHub knows none; absent when not yet known. */
export type PullOf = ReadonlyMap<string, PullRecord | null>

/** Pure: what the PR list and the commits-to-pulls answers say about each commit of the graph. */
export function assignPulls(graph: CommitGraph, pulls: readonly PullRecord[], lookups: Readonly<Record<string, PullRecord | null>>): PullOf {
  return withLookups(graph, pullsFromList(graph, [...pulls, ...Object.values(lookups).filter((p): p is PullRecord => p !== null)]), lookups)
}

/**
 * Pure: what the PR list names: each PR's merge commit, and for a merge commit, the commits its
 * second parents bring that its first parent does not have (the PR's branch). One walk of the
 * graph: the first-parent chains oldest first, each merge claiming what is not yet seen, so a
 * history of thousands of commits costs one visit per commit.
 */
export function pullsFromList(graph: CommitGraph, pulls: readonly PullRecord[]): Map<string, PullRecord | null> {
  const byMerge = new Map<string, PullRecord>()
  for (const p of pulls) if (p.mergeCommitSha && !byMerge.has(p.mergeCommitSha)) byMerge.set(p.mergeCommitSha, p)
  const out = new Map<string, PullRecord | null>()
  const parents = new Set<string>()
  for (const c of graph.all()) for (const p of c.parents) parents.add(p)
  const seen = new Set<string>()
  for (const tip of [...graph.all()].filter((c) => !parents.has(c.sha))) {
    for (const sha of graph.firstParents(tip.sha).reverse()) {
      if (seen.has(sha)) continue
      seen.add(sha)
      const pr = byMerge.get(sha)
      if (pr) out.set(sha, pr)
      const queue = graph.get(sha)?.parents.slice(1) ?? []
      for (let i = 0; i < queue.length; i++) {
        const x = queue[i]
        const c = graph.get(x)
        if (seen.has(x) || !c) continue
        seen.add(x)
        if (pr && !out.has(x)) out.set(x, pr)
        queue.push(...c.parents)
      }
    }
  }
  return out
}

/** Pure: the list's answers plus commits-to-pulls: a rebase merge's commits from the one asked up to its merge commit. */
export function withLookups(
  graph: CommitGraph,
  fromList: ReadonlyMap<string, PullRecord | null>,
  lookups: Readonly<Record<string, PullRecord | null>>
): PullOf {
  const out = new Map(fromList)
  for (const [sha, p] of Object.entries(lookups)) addLookup(graph, out, sha, p)
  return out
}

/** One commits-to-pulls answer added to `known` in place (the report asks one at a time; copying the map each time churns memory). */
export function addLookup(graph: CommitGraph, known: Map<string, PullRecord | null>, sha: string, p: PullRecord | null): void {
  if (!graph.has(sha)) return
  known.set(sha, p)
  if (!p?.mergeCommitSha || !graph.has(p.mergeCommitSha)) return
  // Walk down from the merge commit only as far as the commit asked about (a rebase is a few commits).
  const chain: string[] = []
  for (let c: string | undefined = p.mergeCommitSha; c && c !== sha && chain.length < MAX_REBASE_CHAIN; c = graph.get(c)?.parents[0]) chain.push(c)
  if (graph.get(chain[chain.length - 1] ?? '')?.parents[0] === sha) for (const c of chain) if (!known.has(c)) known.set(c, p)
}
