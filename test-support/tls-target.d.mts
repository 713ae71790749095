import type { IncomingMessage, ServerResponse } from 'node:http'
export interface TlsTarget {
  url: string
  port: number
  /** The self-signed certificate, PEM: give it as NODE_EXTRA_CA_CERTS to trust the target. */
  certPath: string
  close(): Promise<void>
}
export function startTlsTarget(o?: { names?: string[]; handler?: (req: IncomingMessage, res: ServerResponse) => void }): Promise<TlsTarget>
