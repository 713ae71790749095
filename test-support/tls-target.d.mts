export function startTlsTarget(): Promise<{ url: string; close(): Promise<void> }>
