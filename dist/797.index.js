export const id = 797;
export const ids = [797];
export const modules = {

/***/ 49797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gate: () => (/* binding */ gate)
/* harmony export */ });
/* harmony import */ var _approval_approval_report_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(35239);
/* harmony import */ var _approval_freeze_windows_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(72980);
/* harmony import */ var _github_pull_requests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22139);
/* harmony import */ var _settings_context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17218);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37188);
/* harmony import */ var _policy_facts_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(63671);
/* harmony import */ var _publish_approval_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6315);







/**
 * gate mode, before a deploy: the commit must have come through a pull request that the policy
 * approved as of its merge, and no freeze window may be on now (unless an approver added an
 * emergency label). It writes nothing on GitHub: the verdict is the job's result.
 */
async function gate(s, deps) {
    const { log } = deps;
    const conn = await deps.github();
    if (!conn) {
        log.error('gate needs github-token and GITHUB_REPOSITORY to find the pull request of the commit; the deploy is refused.', { title: 'deploy-guard: gate' });
        return 1;
    }
    const now = deps.clock.now();
    const sha = (await commitToDeploy(conn, s)) ?? s.context.sha;
    const pulls = await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .pullRequestsForCommit */ .U_)(conn.client, conn.repo, sha);
    const chosen = pullOf(sha, pulls);
    const base = {
        schemaVersion: 1,
        mode: 'gate',
        commit: sha,
        evaluatedAt: new Date(now).toISOString(),
        runUrl: (0,_settings_context_js__WEBPACK_IMPORTED_MODULE_2__/* .runUrl */ .V)(s.context),
        dryRun: s.dryRun,
        actions: []
    };
    let report;
    if (!chosen) {
        const rules = directPushRules(s, sha, now);
        report = {
            ...base,
            result: rules.some((r) => r.status === 'fail') ? 'failed' : 'passed',
            reason: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)((0,_approval_approval_report_js__WEBPACK_IMPORTED_MODULE_6__/* .describeVerdict */ .XZ)(rules), s.secrets),
            rules,
            protectedFiles: []
        };
    }
    else {
        const judged = await log.group(`Judging pull request #${chosen.number}, which brought ${sha.slice(0, 7)}`, () => (0,_policy_facts_js__WEBPACK_IMPORTED_MODULE_4__/* .judgePullRequest */ .y)(conn, s.approval, chosen.number, { now, asOfMerge: chosen.mergedAt !== undefined }));
        const { pr, verdict } = judged;
        report = {
            ...base,
            result: verdict.pass ? 'passed' : 'failed',
            reason: (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)((0,_approval_approval_report_js__WEBPACK_IMPORTED_MODULE_6__/* .describeVerdict */ .XZ)(verdict.rules, verdict), s.secrets),
            pullRequest: {
                number: pr.number,
                title: pr.title,
                url: pr.url,
                author: pr.author,
                headSha: pr.headSha,
                ...(pr.mergedAt && { mergedAt: new Date(pr.mergedAt).toISOString() })
            },
            rules: [
                {
                    rule: 'pull-request',
                    status: 'info',
                    detail: chosen.mergedAt
                        ? `#${pr.number} merged ${sha.slice(0, 7)}; judged as of its merge`
                        : `#${pr.number} is open with head ${sha.slice(0, 7)}; judged as of now`
                },
                ...verdict.rules
            ],
            changedFiles: pr.changedFiles,
            protectedFiles: verdict.protectedFiles,
            push: (0,_approval_approval_report_js__WEBPACK_IMPORTED_MODULE_6__/* .pushFacts */ .OY)(judged.push),
            ...(0,_approval_approval_report_js__WEBPACK_IMPORTED_MODULE_6__/* .verdictFacts */ .Jo)(verdict)
        };
    }
    await (0,_publish_approval_js__WEBPACK_IMPORTED_MODULE_5__.publishApproval)(s, log, report);
    const via = report.pullRequest ? `PR #${report.pullRequest.number}` : 'no pull request brought it';
    if (report.result === 'passed') {
        log.info(`deploy-guard gate: ${sha.slice(0, 7)} may deploy (${via}): ${report.reason}`);
        return 0;
    }
    const subject = report.pullRequest ? `PR #${report.pullRequest.number} (commit ${sha.slice(0, 7)})` : `commit ${sha.slice(0, 7)}`;
    log.error(`deploy refused: ${subject}: ${report.reason}`, { title: 'deploy-guard: gate' });
    return 1;
}
/** `version` when it names a commit or tag, else the workflow's commit. */
async function commitToDeploy(conn, s) {
    return s.version ? (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveCommit */ .WL)(conn.client, conn.repo, s.version) : undefined;
}
/** The merged PR that brought the commit (the one whose merge made it, else the latest merged into the default branch), else an open PR whose head it is. */
function pullOf(sha, pulls) {
    const merged = pulls.filter((p) => p.mergedAt !== undefined);
    const byMerge = merged.find((p) => p.mergeCommitSha?.toLowerCase() === sha.toLowerCase());
    if (byMerge)
        return byMerge;
    const intoDefault = merged.filter((p) => !p.defaultBranch || p.baseRef === p.defaultBranch).sort((a, b) => (b.mergedAt ?? 0) - (a.mergedAt ?? 0));
    return intoDefault[0] ?? pulls.find((p) => p.state === 'open' && p.headSha.toLowerCase() === sha.toLowerCase());
}
/** A commit no pull request brought: refused unless approval.allow-direct-push, and never in a freeze (no PR can carry an emergency label). */
function directPushRules(s, sha, now) {
    const pushRule = s.approval.allowDirectPush
        ? { rule: 'pull-request', status: 'pass', detail: `no pull request brought ${sha.slice(0, 7)}; direct pushes are allowed (approval.allow-direct-push)` }
        : {
            rule: 'pull-request',
            status: 'fail',
            detail: `no pull request brought ${sha.slice(0, 7)} (a direct push); set approval.allow-direct-push: true to allow that`,
            missing: 'no pull request brought it (a direct push)'
        };
    const freeze = (0,_approval_freeze_windows_js__WEBPACK_IMPORTED_MODULE_0__/* .activeFreeze */ .W)(s.approval.freezeWindows, now);
    const freezeRule = freeze
        ? {
            rule: 'freeze-windows',
            status: 'fail',
            detail: `freeze window ${freeze.window.name} until ${freeze.untilText}; a direct push has no PR to carry an emergency label`,
            missing: `freeze window ${freeze.window.name} until ${freeze.untilText}`
        }
        : { rule: 'freeze-windows', status: 'pass', detail: s.approval.freezeWindows.length ? 'not in a freeze window' : 'no freeze windows configured' };
    return [pushRule, freezeRule];
}


/***/ })

};

//# sourceMappingURL=797.index.js.map