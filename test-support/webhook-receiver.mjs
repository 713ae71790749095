// A real local webhook receiver for the rollback's webhook strategy and drill's ping: it records
// every delivery (exact body bytes, headers), verifies the HMAC-SHA256 signature the way a
// deployer would (constant-time, over the raw body) and answers from a script of statuses.
import { createServer } from 'node:http'
import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Starts a receiver on 127.0.0.1:0.
 * @param {{ secret: string, answers?: number[], delayMs?: number }} o answers: statuses to give in
 *   turn (the last one repeats; default 200)
 */
export async function startWebhookReceiver({ secret, answers = [200], delayMs = 0 }) {
  const deliveries = []
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      const expected = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`
      const got = String(req.headers['x-deploy-guard-signature-256'] ?? '')
      const signatureValid = got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected))
      let json = null
      try {
        json = JSON.parse(raw.toString('utf8'))
      } catch {
        json = null
      }
      const status = answers[Math.min(deliveries.length, answers.length - 1)]
      deliveries.push({ method: req.method, path: req.url, headers: req.headers, body: raw.toString('utf8'), json, signatureValid, status })
      setTimeout(() => {
        res.writeHead(signatureValid ? status : 401, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ ok: signatureValid && status < 300 }))
      }, delayMs)
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/deploy`,
    deliveries,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
