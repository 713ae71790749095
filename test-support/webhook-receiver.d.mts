/* eslint-disable @typescript-eslint/no-explicit-any -- delivery bodies are read loosely in tests */
import type { IncomingHttpHeaders } from 'node:http'
export interface Delivery {
  method: string
  path: string
  headers: IncomingHttpHeaders
  /** The exact body text received. */
  body: string
  json: any
  /** The X-Deploy-Guard-Signature-256 header matched the HMAC of the raw body. */
  signatureValid: boolean
  status: number
}
export interface WebhookReceiver {
  url: string
  deliveries: Delivery[]
  close(): Promise<void>
}
export function startWebhookReceiver(o: { secret: string; answers?: number[]; delayMs?: number }): Promise<WebhookReceiver>
