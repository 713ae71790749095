export const id = 373;
export const ids = [373];
export const modules = {

/***/ 20373:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   judgeGroup: () => (/* binding */ judgeGroup),
/* harmony export */   mergeGroupApproval: () => (/* binding */ mergeGroupApproval),
/* harmony export */   queuedPull: () => (/* binding */ queuedPull)
/* harmony export */ });
/* harmony import */ var _approval_report_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(35239);
/* harmony import */ var _text_clip_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(29893);
/* harmony import */ var _text_redact_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37188);
/* harmony import */ var _github_commit_range_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74906);
/* harmony import */ var _github_commit_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37593);
/* harmony import */ var _github_compare_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(20480);
/* harmony import */ var _github_pull_requests_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22139);
/* harmony import */ var _settings_context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17218);
/* harmony import */ var _base_policy_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(57654);
/* harmony import */ var _judge_pull_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(10824);
/* harmony import */ var _approval_result_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(25000);











/** The PR a queue branch is for: `gh-readonly-queue/<base>/pr-<N>-<sha>`. */
function queuedPull(headRef) {
    const m = /(?:^|\/)gh-readonly-queue\/.+\/pr-(\d+)-[0-9a-f]{40}$/i.exec(headRef);
    return m ? Number(m[1]) : undefined;
}
/** Every PR of the event's merge group judged by the policy as GitHub has it now; the group passes when all do. */
async function judgeGroup(s, deps, conn) {
    const group = s.context.mergeGroup;
    const { numbers, unexplained } = await pullsInGroup(conn, group);
    const rules = [];
    for (const sha of unexplained) {
        rules.push({
            rule: 'pull-request',
            status: 'fail',
            detail: `commit ${sha.slice(0, 7)} of the group names no pull request: it cannot be judged`,
            missing: `commit ${sha.slice(0, 7)}: no pull request`
        });
    }
    const policyFor = s.baseConfig ? (0,_base_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .basePolicy */ .u)(s, conn) : undefined;
    for (const n of numbers) {
        const judged = await deps.log.group(`Judging queued pull request #${n}`, () => (0,_judge_pull_js__WEBPACK_IMPORTED_MODULE_7__/* .judgePullRequest */ .y)(conn, s.approval, n, { now: deps.clock.now(), ...(policyFor && { policyFor }) }));
        const why = (0,_approval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .describeVerdict */ .XZ)(judged.verdict.rules, judged.verdict);
        rules.push({
            rule: 'pull-request',
            status: judged.verdict.pass ? 'pass' : 'fail',
            detail: `#${n}: ${why}`,
            ...(!judged.verdict.pass && { missing: `#${n}: ${why}` })
        });
    }
    if (!numbers.length && !unexplained.length) {
        rules.push({
            rule: 'pull-request',
            status: 'fail',
            detail: 'no pull request found in the merge group',
            missing: 'no pull request found in the merge group'
        });
    }
    const pass = rules.every((r) => r.status !== 'fail');
    const list = numbers.map((n) => `#${n}`).join(', ');
    const reason = (0,_text_redact_js__WEBPACK_IMPORTED_MODULE_0__/* .redact */ .E$)(pass ? (0,_text_clip_js__WEBPACK_IMPORTED_MODULE_10__/* .clip */ .$)(`all ${numbers.length} queued PR${numbers.length === 1 ? '' : 's'} approved (${list})`) : (0,_approval_report_js__WEBPACK_IMPORTED_MODULE_9__/* .describeVerdict */ .XZ)(rules), s.secrets);
    return { pass, rules, reason };
}
async function mergeGroupApproval(ctx, conn) {
    const { settings: s, log } = ctx;
    const group = s.context.mergeGroup;
    const { pass, rules, reason } = await judgeGroup(s, ctx, conn);
    const url = (0,_settings_context_js__WEBPACK_IMPORTED_MODULE_5__/* .runUrl */ .V)(s.context);
    const report = (actions) => ({
        schemaVersion: 1,
        mode: 'approval',
        result: pass ? 'passed' : 'failed',
        reason,
        commit: group.headSha,
        rules,
        ...(s.baseConfig && { policySource: (0,_base_policy_js__WEBPACK_IMPORTED_MODULE_6__/* .policySource */ .I)(s, group.baseRef) }),
        protectedFiles: [],
        evaluatedAt: new Date(ctx.clock.now()).toISOString(),
        runUrl: url,
        dryRun: s.dryRun,
        actions
    });
    const judgedOnly = (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_8__/* .approvalResult */ .b)(report([]), pass ? 0 : 1);
    await ctx.publish(judgedOnly);
    (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_8__/* .logRules */ .W)(log, judgedOnly.report);
    if (pass)
        log.info(`deploy-guard: merge group ${group.headSha.slice(0, 7)} approved: ${reason}`);
    else
        log.error(`merge group ${group.headSha.slice(0, 7)}: ${reason}`, { title: 'deploy-guard: merge group not approved' });
    if (s.dryRun)
        return judgedOnly;
    const state = pass ? 'success' : 'failure';
    const posted = await (0,_github_commit_status_js__WEBPACK_IMPORTED_MODULE_2__/* .postApprovalStatus */ .o)(conn.client, conn.repo, group.headSha, state, reason, url);
    const what = `${_github_commit_status_js__WEBPACK_IMPORTED_MODULE_2__/* .APPROVAL_CONTEXT */ ._} ${state} on ${group.headSha.slice(0, 7)} (merge group)`;
    if (!posted.ok)
        log.error(`${posted.message} The merge queue waits for this status: the job fails.`, { title: 'deploy-guard: status not posted' });
    return (0,_approval_result_js__WEBPACK_IMPORTED_MODULE_8__/* .approvalResult */ .b)(report([{ what, ok: posted.ok, detail: posted.ok ? reason : posted.message }]), pass && posted.ok ? 0 : 1);
}
/**
 * The PRs of a group: the one its branch is named for, and those the merges on the first-parent
 * line from base to head name (`Merge pull request #N`, `Title (#N)`); a commit naming none is
 * looked up in commits-to-pulls, and left unexplained (which fails the group) when that finds none.
 */
async function pullsInGroup(conn, g) {
    const numbers = new Set();
    const own = queuedPull(g.headRef);
    if (own !== undefined)
        numbers.add(own);
    const unexplained = [];
    const range = await (0,_github_commit_range_js__WEBPACK_IMPORTED_MODULE_1__/* .commitRange */ .R0)(conn.client, conn.repo, g.baseSha, g.headSha);
    if (range.total > _github_commit_range_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RANGE_COMMITS */ .wu)
        return { numbers: [...numbers], unexplained: [`${g.headSha} (more than ${_github_commit_range_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_RANGE_COMMITS */ .wu} commits)`] };
    for (const c of (0,_github_commit_range_js__WEBPACK_IMPORTED_MODULE_1__/* .firstParentLine */ .v6)(range.commits, g.headSha)) {
        const named = (0,_github_compare_js__WEBPACK_IMPORTED_MODULE_3__/* .pullsOf */ .w0)(c.title);
        if (named.length) {
            for (const n of named)
                numbers.add(n);
            continue;
        }
        const found = (await (0,_github_pull_requests_js__WEBPACK_IMPORTED_MODULE_4__/* .pullRequestsForCommit */ .U_)(conn.client, conn.repo, c.sha)).filter((p) => p.state === 'open');
        if (found.length)
            for (const p of found)
                numbers.add(p.number);
        else
            unexplained.push(c.sha);
    }
    return { numbers: [...numbers].sort((a, b) => a - b), unexplained };
}


/***/ }),

/***/ 74906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R0: () => (/* binding */ commitRange),
/* harmony export */   dV: () => (/* binding */ defaultBranchOf),
/* harmony export */   sL: () => (/* binding */ isOnBranch),
/* harmony export */   v6: () => (/* binding */ firstParentLine),
/* harmony export */   wu: () => (/* binding */ MAX_RANGE_COMMITS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _compare_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(20480);


/** GitHub's compare lists at most this many commits without paging. */
const MAX_RANGE_COMMITS = 250;
/** The commits of base...head (oldest first, up to 250) and how many there are; status says whether head contains base. */
async function commitRange(gh, repo, base, head) {
    const c = await (0,_compare_js__WEBPACK_IMPORTED_MODULE_1__/* .compareCommits */ .kC)(gh, repo, { base, head }, {
        action: `comparing ${base.slice(0, 12)}...${head.slice(0, 12)}`,
        record: (x) => ({ sha: x.sha, title: x.commit.message.split('\n')[0] ?? '', parents: x.parents.map((p) => p.sha) })
    });
    return { commits: [...(c.pages[0] ?? [])], total: c.total, status: c.status };
}
/**
 * The commits on the first-parent line from head back to base: one per merge of a merge commit
 * or squash, leaving out the commits a merge brought in from its PR's branch.
 */
function firstParentLine(commits, head) {
    const bySha = new Map(commits.map((c) => [c.sha.toLowerCase(), c]));
    const line = [];
    for (let c = bySha.get(head.toLowerCase()); c; c = c.parents[0] ? bySha.get(c.parents[0].toLowerCase()) : undefined)
        line.push(c);
    return line.reverse();
}
/** Whether `sha` is on `branch` (an ancestor of its head or the head itself). */
async function isOnBranch(gh, repo, sha, branch) {
    try {
        const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${sha}...${branch}`, per_page: 1, page: 1 });
        return data.status === 'identical' || data.status === 'ahead';
    }
    catch (e) {
        if (e.status === 404)
            return false;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`checking whether ${sha.slice(0, 7)} is on ${branch}`, e, 'contents: read');
    }
}
/** The repository's default branch, for when the event payload does not say. */
async function defaultBranchOf(gh, repo) {
    try {
        return (await gh.rest.repos.get({ ...repo })).data.default_branch;
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('reading the repository', e, 'contents: read');
    }
}


/***/ }),

/***/ 20480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zy: () => (/* binding */ compareVersions),
/* harmony export */   jK: () => (/* binding */ withPulls),
/* harmony export */   kC: () => (/* binding */ compareCommits),
/* harmony export */   w0: () => (/* binding */ pullsOf)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _pull_requests_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22139);
/* harmony import */ var _engine_limit_concurrency_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(70835);



const PERMISSION = 'contents: read';
// The compare API pages its commits oldest first, 100 at most a page.
const PER_PAGE = 100;
/** Pull request numbers a commit title names: `Title (#12)` of a squash, `Merge pull request #12` of a merge. */
function pullsOf(title) {
    const found = [...title.matchAll(/\(#(\d+)\)|^Merge pull request #(\d+)\b/g)].map((m) => Number(m[1] ?? m[2]));
    return [...new Set(found)];
}
/**
 * The one reader of the compare API (incident, gate, merge queue and report). Page 1, then the
 * pages `more(total)` names, two at a time; each page is made into the caller's
 * records as it arrives and the answer dropped, since a page of 100 commits is ~300 KB of JSON
 * and the first one carries the range's files with their patches. Without `perPage`, GitHub's
 * default (250 commits on page 1) applies. Errors are explained with `action` and the permission.
 */
async function compareCommits(gh, repo, range, o) {
    const basehead = `${range.base}...${range.head}`;
    const page = async (n) => {
        const { data } = await gh.rest.repos.compareCommitsWithBasehead({ ...repo, basehead, ...(o.perPage !== undefined && { per_page: o.perPage, page: n }) });
        return { total: data.total_commits, status: data.status, htmlUrl: data.html_url, records: data.commits.map(o.record) };
    };
    try {
        const first = await page(1);
        const wanted = o.more?.(first.total) ?? [];
        const limit = (0,_engine_limit_concurrency_js__WEBPACK_IMPORTED_MODULE_2__/* .limitConcurrency */ .f)(2);
        const rest = await Promise.all(wanted.map((n) => limit(async () => (await page(n)).records)));
        return { total: first.total, status: first.status, htmlUrl: first.htmlUrl, pages: [first.records, ...rest] };
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(o.action, e, PERMISSION);
    }
}
/**
 * The newest `cap` commits of base...head, newest first, and the range's size. The API lists
 * oldest first: one call when the range fits a page, else the last page (and the one before
 * when the last holds fewer than `cap`), so the release commit itself is never cut off.
 */
async function compareVersions(gh, repo, base, head, cap) {
    // The pages that hold the newest `cap` commits: the last, and the one before when the last holds fewer.
    const tail = (total) => {
        const last = Math.max(1, Math.ceil(total / PER_PAGE));
        const short = total % PER_PAGE !== 0 && total % PER_PAGE < cap;
        return short && last > 1 ? [last - 1, last] : [last];
    };
    const c = await compareCommits(gh, repo, { base, head }, {
        action: `comparing ${base}...${head}`,
        perPage: PER_PAGE,
        record: changedCommit,
        more: (total) => tail(total).filter((n) => n !== 1)
    });
    // Page 1 comes first and the tail pages after it, so the newest `cap` (at most a page) are the last ones.
    return { commits: c.pages.flat().slice(-cap).reverse(), total: c.total, htmlUrl: c.htmlUrl };
}
function changedCommit(c) {
    const title = c.commit.message.split('\n')[0] ?? '';
    return {
        sha: c.sha,
        title,
        author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
        ...(c.author?.login && { login: c.author.login }),
        url: c.html_url,
        pulls: []
    };
}
/**
 * Each commit with the pull request that brought it as GitHub records it (commits-to-pulls,
 * one call per commit, all at once): the merged PRs, so a rebase merge is named too and a
 * title cannot name a PR it was not part of. Only when GitHub names none (a direct push, or
 * the call failed) does the title's `(#N)` stand in, marked as such.
 */
async function withPulls(gh, repo, commits) {
    return Promise.all(commits.map(async (c) => {
        const found = await (0,_pull_requests_js__WEBPACK_IMPORTED_MODULE_1__/* .pullRequestsForCommit */ .U_)(gh, repo, c.sha).catch(() => []);
        const merged = found.filter((p) => p.mergedAt !== undefined).map((p) => p.number);
        if (merged.length)
            return { ...c, pulls: [...new Set(merged)], pullsFrom: 'github' };
        const named = pullsOf(c.title);
        return { ...c, pulls: named, ...(named.length && { pullsFrom: 'title' }) };
    }));
}


/***/ })

};

//# sourceMappingURL=373.index.js.map