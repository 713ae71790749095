export const id = 287;
export const ids = [287];
export const modules = {

/***/ 91287:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  approval: () => (/* binding */ approval)
});

// EXTERNAL MODULE: ./src/approval/approval-report.ts
var approval_report = __webpack_require__(35239);
// EXTERNAL MODULE: ./src/text/clip.ts
var clip = __webpack_require__(29893);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
;// CONCATENATED MODULE: ./src/github/commit-status.ts


/** The context branch protection requires. */
const APPROVAL_CONTEXT = 'deploy-guard/change-approval';
// GitHub rejects commit status descriptions over 140 characters.
const MAX_STATUS_DESCRIPTION = 140;
/** Posts the approval verdict on a commit. A refusal is returned, not thrown: the job result still carries the verdict. */
async function postApprovalStatus(gh, repo, sha, state, description, targetUrl) {
    try {
        const { data } = await gh.rest.repos.createCommitStatus({
            ...repo,
            sha,
            state,
            context: APPROVAL_CONTEXT,
            description: (0,clip/* clip */.$)(description),
            ...(targetUrl && { target_url: targetUrl })
        });
        return { ok: true, url: data.url };
    }
    catch (e) {
        const err = (0,errors/* explain */.W)(`posting the ${APPROVAL_CONTEXT} status on ${sha.slice(0, 7)}`, e, 'statuses: write');
        return { ok: false, ...(err.status !== undefined && { status: err.status }), message: err.message };
    }
}

// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
// EXTERNAL MODULE: ./src/values/user-error.ts
var user_error = __webpack_require__(22768);
// EXTERNAL MODULE: ./src/text/redact.ts + 3 modules
var redact = __webpack_require__(37188);
// EXTERNAL MODULE: ./src/modes/policy-facts.ts + 4 modules
var policy_facts = __webpack_require__(63671);
// EXTERNAL MODULE: ./src/modes/publish-approval.ts + 1 modules
var publish_approval = __webpack_require__(6315);
;// CONCATENATED MODULE: ./src/modes/approval.ts







/**
 * approval mode: judges the event's pull request as GitHub has it now and publishes the verdict
 * as the commit status `deploy-guard/change-approval` on its head, which branch protection can
 * require; the job fails with it. Returns the exit code.
 */
async function approval(s, deps) {
    const { log } = deps;
    const number = s.context.pullRequest?.number;
    if (number === undefined) {
        throw new user_error/* UserError */.y('input mode', 'approval', `a pull-request event (pull_request, pull_request_target, pull_request_review); this run is a ${s.context.eventName || 'non-pull-request'} event. Before a deploy, use mode: gate`);
    }
    const conn = await deps.github();
    if (!conn) {
        log.error('approval needs github-token and GITHUB_REPOSITORY to read the pull request; nothing was judged.', { title: 'deploy-guard: approval' });
        return 1;
    }
    const judged = await log.group(`Judging pull request #${number} against the change-approval policy`, () => (0,policy_facts/* judgePullRequest */.y)(conn, s.approval, number, { now: deps.clock.now(), ...(s.context.pullRequest?.action && { runAction: s.context.pullRequest.action }) }));
    const { pr, verdict } = judged;
    const description = (0,redact/* redact */.E$)((0,approval_report/* describeVerdict */.XZ)(verdict.rules, verdict), s.secrets);
    const url = (0,context/* runUrl */.V)(s.context);
    const report = (actions) => ({
        schemaVersion: 1,
        mode: 'approval',
        result: verdict.pass ? 'passed' : 'failed',
        reason: description,
        commit: pr.headSha,
        pullRequest: { number: pr.number, title: pr.title, url: pr.url, author: pr.author, headSha: pr.headSha },
        rules: verdict.rules,
        changedFiles: pr.changedFiles,
        protectedFiles: verdict.protectedFiles,
        push: (0,approval_report/* pushFacts */.OY)(judged.push),
        ...(0,approval_report/* verdictFacts */.Jo)(verdict),
        evaluatedAt: new Date(deps.clock.now()).toISOString(),
        runUrl: url,
        dryRun: s.dryRun,
        actions
    });
    // The verdict is written before GitHub is asked to record it, so a slow or refused write loses nothing.
    await (0,publish_approval.publishApproval)(s, log, report([]));
    if (verdict.pass)
        log.info(`deploy-guard: change approved: ${description}`);
    else
        log.error(`PR #${pr.number}: ${description}`, { title: 'deploy-guard: change not approved' });
    if (s.dryRun)
        return verdict.pass ? 0 : 1;
    const state = verdict.pass ? 'success' : 'failure';
    const posted = await postApprovalStatus(conn.client, conn.repo, pr.headSha, state, description, url);
    const what = `${APPROVAL_CONTEXT} ${state} on ${pr.headSha.slice(0, 7)}`;
    let code = verdict.pass ? 0 : 1;
    let action;
    if (posted.ok) {
        action = { what, ok: true, detail: description };
    }
    else if (pr.fromFork && (posted.status === 403 || posted.status === 404)) {
        const why = `a fork's pull_request run has a read-only token that cannot post statuses (${posted.status}): this job's result is the check for PR #${pr.number}. ` +
            "To post the status, run on pull_request_target: safe here, deploy-guard never checks out or runs the PR's code.";
        log.warning(why, { title: 'deploy-guard: status not posted' });
        action = { what, ok: false, detail: why };
    }
    else {
        log.error(`${posted.message} Branch protection waits for this status: the job fails.`, { title: 'deploy-guard: status not posted' });
        action = { what, ok: false, detail: posted.message };
        code = 1;
    }
    await (0,publish_approval.publishApproval)(s, log, report([action]), { logRules: false });
    return code;
}


/***/ })

};

//# sourceMappingURL=287.index.js.map