// Host names that resolve to 127.0.0.1 in this process only, like an /etc/hosts entry: a test
// can then name a target that only a proxy (running here) can reach, or that the action (with
// fake-hosts-hook.mjs preloaded) reaches directly. Node's net and http resolve through
// dns.lookup, so wrapping it covers them; every other name resolves as usual.
import dns from 'node:dns'

const fake = new Map()
const original = dns.lookup

function lookup(hostname, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}]
  const address = fake.get(String(hostname).toLowerCase())
  if (address === undefined) return original.call(dns, hostname, options, callback)
  const opts = typeof options === 'number' ? { family: options } : (options ?? {})
  const family = address.includes(':') ? 6 : 4
  process.nextTick(() => (opts.all ? callback(null, [{ address, family }]) : callback(null, address, family)))
}

/** Makes each name resolve to its address (default 127.0.0.1) until removeFakeHosts. */
export function addFakeHosts(names, address = '127.0.0.1') {
  for (const n of names) fake.set(n.toLowerCase(), address)
  dns.lookup = lookup
}

/** Forgets the names; the real dns.lookup is back once none is left. */
export function removeFakeHosts(names) {
  for (const n of names) fake.delete(n.toLowerCase())
  if (fake.size === 0) dns.lookup = original
}
