export interface DatadogApi {
  url: string
  requests: { path: string; query: Record<string, string>; headers: Record<string, string | string[] | undefined> }[]
  setPoints(points: (number | null)[]): void
  close(): Promise<void>
}
export function startDatadogApi(keys: { apiKey: string; appKey: string }): Promise<DatadogApi>
