export function addFakeHosts(names: string[], address?: string): void
export function removeFakeHosts(names: string[]): void
