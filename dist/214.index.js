export const id = 214;
export const ids = [214];
export const modules = {

/***/ 88214:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _approval_report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(35239);
/* harmony import */ var _github_commit_status_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37593);
/* harmony import */ var _github_pr_history_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22020);
/* harmony import */ var _github_pull_requests_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(22139);
/* harmony import */ var _settings_context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17218);
/* harmony import */ var _values_user_error_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22768);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37188);
/* harmony import */ var _judge_pull_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(10824);
/* harmony import */ var _approval_result_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(25000);
/* harmony import */ var _base_policy_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(57654);










/**
 * approval mode: judges the event's pull request as GitHub has it now and publishes the verdict
 * as the commit status `deploy-guard/change-approval` on its head, which branch protection can
 * require; the job fails with it. On merge_group the queued group is judged (merge-group.ts).
 */
async function run(ctx) {
    const { settings: s, log } = ctx;
    const number = s.context.pullRequest?.number;
    if (number === undefined && !s.context.mergeGroup) {
        throw new _values_user_error_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .y('input mode', 'approval', `a pull-request event (pull_request, pull_request_target, pull_request_review, merge_group); this run is a ${s.context.eventName || 'non-pull-request'} event. Before a deploy, use mode: gate`);
    }
    const conn = await ctx.github();
    if (!conn) {
        log.error('approval needs github-token and GITHUB_REPOSITORY to read the pull request; nothing was judged.', { title: 'deploy-guard: approval' });
        return { exitCode: 1 };
    }
    if (number === undefined)
        return (await __webpack_require__.e(/* import() */ 373).then(__webpack_require__.bind(__webpack_require__, 20373))).mergeGroupApproval(ctx, conn);
    const judged = await log.group(`Judging pull request #${number} against the change-approval policy`, () => (0,_judge_pull_js__WEBPACK_IMPORTED_MODULE_6__/* .judgePullRequest */ .y)(conn, s.approval, number, {
        now: ctx.clock.now(),
        ...(s.context.pullRequest?.action && { runAction: s.context.pullRequest.action }),
        ...(s.baseConfig && { policyFor: (0,_base_policy_js__WEBPACK_IMPORTED_MODULE_8__/* .basePolicy */ .u)(s, conn) })
    }));
    const { pr, verdict } = judged;
    const description = (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_5__/* .redact */ .E$)((0,_approval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .describeVerdict */ .XZ)(verdict.rules, verdict), s.secrets);
    const url = (0,_settings_context_js__WEBPACK_IMPORTED_MODULE_3__/* .runUrl */ .V)(s.context);
    const report = (actions) => ({
        schemaVersion: 1,
        mode: 'approval',
        result: verdict.pass ? 'passed' : 'failed',
        reason: description,
        commit: pr.headSha,
        pullRequest: { number: pr.number, title: pr.title, url: pr.url, author: pr.author, headSha: pr.headSha },
        rules: verdict.rules,
        ...(s.baseConfig && { policySource: (0,_base_policy_js__WEBPACK_IMPORTED_MODULE_8__/* .policySource */ .I)(s, pr.base.ref) }),
        changedFiles: pr.changedFiles,
        protectedFiles: verdict.protectedFiles,
        push: (0,_approval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .pushFacts */ .OY)(judged.push),
        ...(0,_approval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .verdictFacts */ .Jo)(verdict),
        evaluatedAt: new Date(ctx.clock.now()).toISOString(),
        runUrl: url,
        dryRun: s.dryRun,
        actions
    });
    // The verdict is written before GitHub is asked to record it, so a slow or refused write loses nothing.
    const judgedOnly = (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_7__/* .approvalResult */ .b)(report([]), verdict.pass ? 0 : 1);
    await ctx.publish(judgedOnly);
    (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_7__/* .logRules */ .W)(log, judgedOnly.report);
    if (verdict.pass)
        log.info(`deploy-guard: change approved: ${description}`);
    else
        log.error(`PR #${pr.number}: ${description}`, { title: 'deploy-guard: change not approved' });
    if (s.dryRun)
        return judgedOnly;
    const state = verdict.pass ? 'success' : 'failure';
    const what = `${_github_commit_status_js__WEBPACK_IMPORTED_MODULE_0__/* .APPROVAL_CONTEXT */ ._} ${state} on ${pr.headSha.slice(0, 7)}`;
    const moved = await movedOn(conn, judged);
    if (moved) {
        // A later run judges the PR as it is now; posting this older verdict could overwrite it.
        const detail = `not posted: PR #${pr.number} changed after this run read it (${moved}); the run for that change posts the verdict`;
        log.notice(detail, { title: 'deploy-guard: status not posted' });
        return (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_7__/* .approvalResult */ .b)(report([{ what, ok: true, detail }]), verdict.pass ? 0 : 1);
    }
    const posted = await (0,_github_commit_status_js__WEBPACK_IMPORTED_MODULE_0__/* .postApprovalStatus */ .o)(conn.client, conn.repo, pr.headSha, state, description, url);
    let code = verdict.pass ? 0 : 1;
    let action;
    if (posted.ok) {
        action = { what, ok: true, detail: description };
    }
    else {
        const why = pr.fromFork && (posted.status === 403 || posted.status === 404)
            ? `a fork's pull_request run has a read-only token that cannot post statuses (${posted.status}), and its result cannot stand in for the status: ` +
                "on pull_request the fork's author controls the workflow that runs. Run deploy-guard on pull_request_target: safe here, it never checks out or runs the PR's code."
            : `${posted.message} Branch protection waits for this status: the job fails.`;
        log.error(why, { title: 'deploy-guard: status not posted' });
        action = { what, ok: false, detail: why };
        code = 1;
    }
    return (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_7__/* .approvalResult */ .b)(report([action]), code);
}
/** What changed on the PR since it was judged (a new head, a label or push event), or undefined. */
async function movedOn(conn, judged) {
    const { pr, history } = judged;
    const [now, events] = await Promise.all([(0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_2__/* .readPullRequest */ .DQ)(conn.client, conn.repo, pr.number), (0,_github_pr_history_js__WEBPACK_IMPORTED_MODULE_1__/* .readNewHistory */ .pF)(conn.client, conn.repo, pr.number, history)]);
    if (now.headSha !== pr.headSha)
        return `its head is now ${now.headSha.slice(0, 7)}`;
    if (events.length)
        return events.slice(0, 3).join('; ');
    const key = (l) => [...l]
        .map((x) => x.toLowerCase())
        .sort()
        .join(',');
    if (key(now.labels) !== key(pr.labels))
        return `its labels are now ${now.labels.join(', ') || 'none'}`;
    return undefined;
}


/***/ })

};

//# sourceMappingURL=214.index.js.map