import picomatch from 'picomatch'
import type { ChangedFile } from './types.js'

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
 * The protected paths a change touches: both names of a rename count, so moving a file out of
 * a protected folder is as protected as editing it there.
 */
export function protectedFiles(files: readonly ChangedFile[], patterns: readonly string[]): string[] {
  const isProtected = protectedPathMatcher(patterns)
  const hits = new Set<string>()
  for (const f of files) {
    if (isProtected(f.filename)) hits.add(f.filename)
    if (f.previousFilename && isProtected(f.previousFilename)) hits.add(f.previousFilename)
  }
  return [...hits]
}
