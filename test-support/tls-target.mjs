// An HTTPS server with a throwaway self-signed certificate (made with openssl), so a client
// that verifies certificates sees a TLS failure, as with an expired or wrong certificate, and
// one given the certificate (NODE_EXTRA_CA_CERTS=certPath) trusts it.
import { createServer } from 'node:https'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Starts the target on 127.0.0.1:0. The certificate names 127.0.0.1, localhost and every name
 * in `names` (for a host reached through a proxy); its PEM stays at `certPath` until close().
 * `handler` answers requests (default: 200 `ok`).
 */
export async function startTlsTarget({ names = [], handler = (_, res) => res.end('ok') } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'deploy-guard-tls-'))
  const san = ['IP:127.0.0.1', 'DNS:localhost', ...names.map((n) => `DNS:${n}`)].join(',')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem')
    ],
    { stdio: 'ignore' }
  )
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, handler)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    certPath: join(dir, 'cert.pem'),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(dir, { recursive: true, force: true })
          r()
        })
      })
  }
}
