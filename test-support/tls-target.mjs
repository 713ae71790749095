// An HTTPS server with a throwaway self-signed certificate (made with openssl), so a client
// that verifies certificates sees a TLS failure, as with an expired or wrong certificate.
import { createServer } from 'node:https'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function startTlsTarget() {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-guard-tls-'))
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' })
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_, res) => res.end('ok'))
  rmSync(dir, { recursive: true, force: true })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `https://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) }
}
