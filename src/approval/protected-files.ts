import picomatch from 'picomatch'
import type { ChangedFile } from '../facts/approval-facts.js'

/**
 * A matcher for `protected-paths`: a path is protected when a glob matches it and no `!glob`
 * excludes it. Dotfiles match too (`**` covers .github/workflows), as a reviewer would expect.
 */
export function protectedPathMatcher(patterns: readonly string[]): (path: string) => boolean {
  const include = patterns.filter((p) => !p.startsWith('!'))
  const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1))
  const isIncluded = picomatch(include, { dot: true })
  const isExcluded = exclude.length ? picomatch(exclude, { dot: true }) : () => false
  return (path) => isIncluded(path) && !isExcluded(path)
}

/**
 * Files that need approval whatever protected-paths says: the guard's config file and the
 * workflows (which run the guard), so a change cannot narrow the policy that judges it.
 */
export function isGuardFile(path: string, configFile: string): boolean {
  return path === configFile || /^\.github\/workflows\/[^/]+$/.test(path)
}

/**
 * The protected paths a change touches: both names of a rename count, so moving a file out of
 * a protected folder is as protected as editing it there. The guard's own files always count.
 */
export function protectedFiles(files: readonly ChangedFile[], patterns: readonly string[], configFile = ''): string[] {
  const matches = protectedPathMatcher(patterns)
  const isProtected = (p: string) => matches(p) || isGuardFile(p, configFile)
  const hits = new Set<string>()
  for (const f of files) {
    if (isProtected(f.filename)) hits.add(f.filename)
    if (f.previousFilename && isProtected(f.previousFilename)) hits.add(f.previousFilename)
  }
  return [...hits]
}
