// Type declarations for test-support/prometheus.mjs.

export declare const MISSING_BINARY_MESSAGE: string

export interface MetricsAppOptions {
  /** Initial fraction of requests counted as code="500", in [0, 1]. Default 0. */
  errorRatio?: number
  /** How fast the request counters advance. Default 100. */
  requestsPerSecond?: number
}

export interface MetricsApp {
  /** http://127.0.0.1:PORT */
  readonly url: string
  /** 127.0.0.1:PORT, for a scrape config */
  readonly target: string
  readonly port: number
  readonly errorRatio: number
  /** How many times /metrics has been served. */
  readonly scrapeCount: number
  /** Switches the ratio; requests already counted keep the old split. Throws RangeError outside [0, 1]. */
  setErrorRatio(ratio: number): void
  close(): Promise<void>
}

export declare function startMetricsApp(options?: MetricsAppOptions): Promise<MetricsApp>

export interface PrometheusOptions {
  /** host:port strings for one static_configs job. Default []. */
  targets?: string[]
  /** global scrape_interval, e.g. '1s'. Default '1s'. */
  scrapeInterval?: string
  /** global evaluation_interval. Default: scrapeInterval. */
  evaluationInterval?: string
  /** Default 'app'. */
  jobName?: string
  /** Default '/metrics'. */
  metricsPath?: string
  /** Bound on waiting for /-/ready. Default 20000. */
  readyTimeoutMs?: number
  /** Extra command-line flags for prometheus. */
  extraArgs?: string[]
}

export interface WaitOptions {
  /** Default 20000. */
  timeoutMs?: number
  /** Default 200. */
  intervalMs?: number
}

export interface PromSample {
  metric: Record<string, string>
  /** [unix seconds, value as Prometheus formats it, e.g. "0.5", "NaN"] */
  value: [number, string]
}

export type PromQueryData =
  | { resultType: 'vector'; result: PromSample[] }
  | { resultType: 'matrix'; result: Array<{ metric: Record<string, string>; values: Array<[number, string]> }> }
  | { resultType: 'scalar'; result: [number, string] }
  | { resultType: 'string'; result: [number, string] }

export interface PrometheusServer {
  /** Base URL, http://127.0.0.1:PORT (/api/v1/query etc. below it). */
  readonly url: string
  readonly port: number
  readonly pid: number | undefined
  /** Temp dir holding prometheus.yml and data/; removed by close(). */
  readonly dir: string
  readonly configFile: string
  /** Milliseconds from the call to startPrometheus until /-/ready answered 200. */
  readonly startupMs: number
  /** What the process has written to stderr so far (last 64 KiB). */
  readonly stderr: string
  /** Instant query; resolves with the API's `data`, throws on an API error. */
  query(expr: string, options?: { time?: number | string }): Promise<PromQueryData>
  /** Polls until an instant query returns a non-empty vector; resolves with it. */
  waitForSeries(expr: string, options?: WaitOptions): Promise<PromSample[]>
  /** Polls until the first sample's value satisfies the predicate; resolves with that value. */
  waitForValue(expr: string, predicate: (value: number) => boolean, options?: WaitOptions): Promise<number>
  /** SIGTERM, SIGKILL after 3 s, waits for exit, removes the temp dir. Idempotent. */
  close(): Promise<void>
}

/** Throws (never skips) when the prometheus binary is missing. */
export declare function startPrometheus(options?: PrometheusOptions): Promise<PrometheusServer>

/** $PROMETHEUS_BIN, else `prometheus` on PATH, else /usr/bin/prometheus; throws if none exists. */
export declare function findPrometheusBinary(): string

/** A port that was free on 127.0.0.1 a moment ago. */
export declare function freePort(): Promise<number>
