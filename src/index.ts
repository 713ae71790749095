import { run } from './main.js'
import { isPostStep, markMainStep, runPost } from './verify/post-step.js'
import { runnerLog } from './runner/log.js'
import { systemClock } from './engine/clock.js'

if (isPostStep()) {
  const { context } = await import('@actions/github')
  process.exitCode = await runPost(process.env, context, runnerLog)
} else {
  markMainStep()
  // The runner cancels a step with SIGINT, then SIGTERM about 7.5 s later, then kills it. Both
  // stop the window; the verdict of what ran and the deployment's status are still written.
  const cancel = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    if (!cancel.signal.aborted) runnerLog.warning(`deploy-guard: ${signal} received: the run was cancelled; stopping the checks and recording what was done.`)
    cancel.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  process.exitCode = await run({ env: process.env, log: runnerLog, clock: systemClock, cancel: cancel.signal })
}
