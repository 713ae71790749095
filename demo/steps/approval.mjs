// Step: change approval on two pull requests: one approved by a maintainer after its latest
// push, one whose author labelled it themselves. Each gets the deploy-guard/change-approval status.
import { example } from '../../test-support/run-action.mjs'

const ago = (minutes) => new Date(Date.now() - minutes * 60_000).toISOString()
const CONTEXT = 'deploy-guard/change-approval'

export default {
  id: 'approval',
  title: 'A pull request approved, and one refused',
  async run(world, section) {
    const gh = world.github
    const author = 'Codertocat'
    const approved = gh.seed.pullRequest({
      title: 'Raise the checkout pool size',
      user: author,
      head: 'pool-size',
      created_at: ago(120),
      files: [{ filename: 'infra/db.tf' }]
    })
    gh.seed.labeled({ issue_number: approved.number, label: 'change-approved', actor: 'mia', created_at: ago(30) })
    const selfApproved = gh.seed.pullRequest({
      title: 'Open the admin port',
      user: author,
      head: 'admin-port',
      created_at: ago(90),
      files: [{ filename: 'infra/firewall.tf' }]
    })
    gh.seed.labeled({ issue_number: selfApproved.number, label: 'change-approved', actor: author, created_at: ago(20) })
    section.say(
      `Two pull requests by \`${author}\` change \`infra/\`, a protected path. On #${approved.number} the maintainer \`mia\` added \`change-approved\` after the latest push; on #${selfApproved.number} the author added it. The approval workflow runs on \`pull_request_target\` (\`examples/approval.yml\`).`
    )
    const runs = []
    for (const pr of [approved, selfApproved]) {
      const event = example('pull_request', 'labeled')
      event.pull_request.number = pr.number
      const r = await world.run({ eventName: 'pull_request_target', event, inputs: { mode: 'approval', 'protected-paths': 'infra/**' } })
      runs.push({ pr, r })
    }
    const status = (pr) => gh.state.commitStatuses.filter((x) => x.sha === pr.head.sha && x.status.context === CONTEXT).at(-1)?.status
    section.say(
      [
        `The \`${CONTEXT}\` status each head commit now carries (branch protection requires it):`,
        '',
        '| pull request | state | description |',
        '| --- | --- | --- |',
        ...runs.map(({ pr }) => `| #${pr.number} ${pr.issue.title} | \`${status(pr)?.state}\` | ${status(pr)?.description} |`)
      ].join('\n')
    )
    section.github(`Job summary of the refused pull request #${selfApproved.number}`, runs[1].r.summary)
    section.result(runs[0].r.code === 0 && status(approved)?.state === 'success', `#${approved.number} approved: status success`)
    section.result(runs[1].r.code === 1 && status(selfApproved)?.state === 'failure', `#${selfApproved.number} refused: ${status(selfApproved)?.description}`)
    world.approvedPr = approved
  }
}
