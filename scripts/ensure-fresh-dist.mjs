// Before the integration tier: the tests run the bundle (dist/index.js), so rebuild it when any
// source it is built from is newer, and never test a stale bundle after an edit of src/.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const bundle = join(root, 'dist', 'index.js')

function newest(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const inputs = ['src', 'package.json', 'package-lock.json', 'tsconfig.json'].map((p) => join(root, p)).filter(existsSync)
const built = existsSync(bundle) ? statSync(bundle).mtimeMs : -Infinity
const source = Math.max(...inputs.map(newest))
if (source > built) {
  console.log(existsSync(bundle) ? 'dist/ is older than src/: rebuilding it for the integration tests' : 'no dist/: building it for the integration tests')
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
}
