export interface ProxiedRequest {
  /** GET, POST ... for plain requests (url absolute), CONNECT for tunnels (url host:port). */
  method: string
  url: string
  proxyAuthorization?: string
}
export interface ForwardProxy {
  url: string
  port: number
  requests: ProxiedRequest[]
  /** TCP connections accepted from clients. */
  connections: number
  close(): Promise<void>
}
export function startForwardProxy(o?: { hosts?: string[]; user?: string; password?: string }): Promise<ForwardProxy>
