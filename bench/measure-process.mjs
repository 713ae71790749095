// Spawns one process and measures it: spawn stamp (./clock.mjs, taken just before spawn()), exit
// stamp (the 'exit' event), exit code, and peak RSS from /proc/<pid>/status VmHWM polled every
// few ms. VmHWM is the kernel's resident high-water mark, so the last value read before the
// process became a zombie is its peak (growth in the final poll interval can be missed).
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { nowMs } from './clock.mjs'

/** The process's resident high-water mark so far, KiB (0 once it is gone). */
export function readHwmKiB(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) : 0
  } catch {
    return 0
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: object, cwd?: string, timeoutMs?: number, pollMs?: number, onSpawn?: (pid: number) => void }} [o]
 * @returns {Promise<{ spawnAt: number, exitAt: number, wallMs: number, code: number|string, peakRssKiB: number, stdout: string, stderr: string }>}
 */
export function runMeasured(command, args, o = {}) {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let peak = 0
    const spawnAt = nowMs()
    const child = spawn(command, args, { env: o.env ?? process.env, cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    o.onSpawn?.(child.pid)
    const poll = () => {
      const v = readHwmKiB(child.pid)
      if (v > peak) peak = v
    }
    poll()
    const poller = setInterval(poll, o.pollMs ?? 3)
    const killer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 60_000)
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    let exitAt = 0
    let code = null
    child.on('exit', (c, signal) => {
      exitAt = nowMs()
      code = signal ? `killed:${signal}` : c
      clearInterval(poller)
      clearTimeout(killer)
    })
    child.on('close', () => resolve({ spawnAt, exitAt, wallMs: exitAt - spawnAt, code, peakRssKiB: peak, stdout, stderr }))
  })
}
