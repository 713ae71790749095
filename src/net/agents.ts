// Which agent carries a request: a direct keep-alive agent, or one per proxy as HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY say. The variables are read as the Actions toolkit reads them (lower
// case first; NO_PROXY by host or domain suffix, optional port, `*`; loopback always direct),
// by the toolkit's own helper, so the action and the runner's tools agree on every URL.
import http from 'node:http'
import https from 'node:https'
import type { ClientRequest } from 'node:http'
import { checkBypass, getProxyUrl } from '@actions/http-client/lib/proxy'
import { HttpFailure } from './http-failure.js'

/** How one request travels. `via` names the proxy for messages, never with its credentials. */
export interface Route {
  readonly agent: http.Agent
  readonly via?: string
}

// Keep-alive agents reuse connections between rounds; closeAgents() lets the process exit.
// No agent sets `ca`: Node's default store, with NODE_EXTRA_CA_CERTS added, must apply.
const direct = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: Infinity }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: Infinity })
}
const proxied = new Map<string, Promise<http.Agent>>()
// https-proxy-agent answers a refused CONNECT with a fake socket replaying the proxy's answer,
// which would read as the target's status; such requests are remembered to say what happened.
const refusedTunnels = new WeakMap<object, string>()

/** The agent for `url` under the current proxy variables. */
export async function routeFor(url: URL): Promise<Route> {
  const protocol = url.protocol as 'http:' | 'https:'
  // Named as users set them; the value itself may hold a password, so it is never shown.
  const name = protocol === 'https:' ? 'HTTPS_PROXY (or https_proxy)' : 'HTTP_PROXY (or http_proxy)'
  const invalid = new HttpFailure('proxy', `${name} is not a valid URL; expected e.g. http://proxy.example:3128`)
  let proxy: URL | undefined
  try {
    proxy = getProxyUrl(url)
  } catch {
    throw invalid
  }
  if (!proxy) {
    // The toolkit skips a value it cannot parse and goes direct; here that is said instead.
    const env = process.env
    const configured = protocol === 'https:' ? env.https_proxy || env.HTTPS_PROXY : env.http_proxy || env.HTTP_PROXY
    if (configured && !checkBypass(url)) throw invalid
    return { agent: direct[protocol] }
  }
  const via = `${proxy.protocol}//${proxy.host}`
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    throw new HttpFailure('proxy', `${name} must be an http:// or https:// URL; a ${proxy.protocol} proxy is not supported`)
  }
  const key = `${protocol} ${proxy.href}`
  let agent = proxied.get(key)
  if (!agent) {
    // A plain URL: the toolkit's URL decodes user and password, and the agents decode them again.
    agent = createProxyAgent(protocol, new URL(proxy.href), via)
    proxied.set(key, agent)
  }
  return { agent: await agent, via }
}

/** Why the proxy refused to tunnel this request (the request axios reports), if it did. */
export function refusedTunnel(request: unknown): string | undefined {
  return typeof request === 'object' && request !== null ? refusedTunnels.get(request) : undefined
}

/** Closes every pooled connection, direct and proxied, so the process can exit. */
export function closeAgents(): void {
  direct['http:'].destroy()
  direct['https:'].destroy()
  for (const agent of proxied.values()) void agent.then((a) => a.destroy())
  proxied.clear()
}

// https targets tunnel through CONNECT; http targets go as absolute-form requests to the proxy.
// Both libraries load only when a proxy is in use.
async function createProxyAgent(protocol: 'http:' | 'https:', proxy: URL, via: string): Promise<http.Agent> {
  const options = { keepAlive: true, maxSockets: Infinity }
  if (protocol === 'http:') {
    const { HttpProxyAgent } = await import('http-proxy-agent')
    return new HttpProxyAgent(proxy, options)
  }
  const { HttpsProxyAgent } = await import('https-proxy-agent')
  const agent = new HttpsProxyAgent(proxy, options)
  agent.on('proxyConnect', (connect: { statusCode?: number; statusText?: string }, req: ClientRequest) => {
    if (connect.statusCode !== 200) refusedTunnels.set(req, `proxy ${via} refused the tunnel: ${connect.statusCode} ${connect.statusText ?? ''}`.trim())
  })
  return agent
}
