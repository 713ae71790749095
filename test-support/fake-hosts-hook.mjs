// Preloaded into the action's process (NODE_OPTIONS=--import=<this file>) to give it the host
// names in DEPLOY_GUARD_FAKE_HOSTS (comma-separated), all resolving to 127.0.0.1.
import { addFakeHosts } from './fake-hosts.mjs'

const names = (process.env.DEPLOY_GUARD_FAKE_HOSTS ?? '')
  .split(',')
  .map((n) => n.trim())
  .filter(Boolean)
if (names.length) addFakeHosts(names)
