/**
 * Why no usable response could be had. Transport kinds: `timeout`, `refused`, `reset`, `dns`,
 * `tls`, `network`, `aborted`, `proxy` (the proxy refused the tunnel or is misconfigured).
 * Redirect kinds: `redirects` (over the limit), `bad-redirect` (a Location that is not an
 * http(s) URL), `unsafe-redirect` (https to http while carrying credentials).
 */
export type HttpFailureKind =
  'timeout' | 'refused' | 'reset' | 'dns' | 'tls' | 'redirects' | 'bad-redirect' | 'unsafe-redirect' | 'proxy' | 'aborted' | 'network'

/** Why no response could be had; providers decide whether that is a `fail` or an `error`. */
export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    message: string
  ) {
    super(message)
    this.name = 'HttpFailure'
  }
}
