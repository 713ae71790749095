import type { Fault, GitHubEmulator } from './github-emulator/index.mjs'

export type Strategy = 'workflow' | 'repository-dispatch' | 'deployment'
export const FAST_GITHUB: Record<string, string>
export const FAULTS: [string, Partial<Fault>][]
export function deliveredRollbacks(gh: GitHubEmulator, strategy: Strategy): number
