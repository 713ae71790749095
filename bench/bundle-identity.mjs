// Which build the bench measured: the git commit (and whether src/ or dist/ differ from it), and
// a fingerprint of the bundle's directory so a different build appearing during the run is flagged.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/** A hash of the bundle directory's .js files (names and contents): same build, same hash. */
export function bundleFingerprint(bundle) {
  const dir = dirname(bundle)
  const hash = createHash('sha256')
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.js'))
    .sort())
    hash.update(f).update(readFileSync(join(dir, f)))
  return hash.digest('hex').slice(0, 12)
}

export function gitDescription(root) {
  try {
    const git = (...args) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    const dirty = git('status', '--porcelain', '--', 'src', 'dist') ? ' + uncommitted changes in src/ or dist/' : ''
    return `${git('log', '-1', '--format=%h %s')}${dirty}`
  } catch {
    return 'unknown (no git)'
  }
}
