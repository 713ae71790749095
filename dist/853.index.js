export const id = 853;
export const ids = [853];
export const modules = {

/***/ 61059:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jY: () => (/* binding */ strongestPerScope),
/* harmony export */   q2: () => (/* binding */ VERIFY_BASE),
/* harmony export */   un: () => (/* binding */ grantText)
/* harmony export */ });
/* unused harmony export OTHER_MODES */
/** verify with any rollback trigger; the trigger adds its own grants. */
const VERIFY_BASE = [
    { scope: 'deployments', level: 'write', why: 'record the deployment, its statuses and the rollback ledger' },
    {
        scope: 'contents',
        level: 'read',
        why: 'the commits between the last good and the bad release; the config file',
        incidentOnly: true,
        without: 'the incident issue cannot list the commits the bad release brought'
    },
    { scope: 'issues', level: 'write', why: "open, update and close the environment's incident issue", incidentOnly: true },
    {
        scope: 'actions',
        level: 'read',
        why: "the run's jobs and their logs, attached to the incident",
        incidentOnly: true,
        without: "the incident issue gets no job logs: GitHub answers 403 for the run's jobs"
    }
];
/** Every mode but verify. */
const OTHER_MODES = {
    approval: [
        { scope: 'pull-requests', level: 'read', why: 'the pull request and its changed files' },
        { scope: 'issues', level: 'read', why: 'who added which label, and when (issue events)' },
        { scope: 'statuses', level: 'write', why: 'the deploy-guard/change-approval commit status' },
        { scope: 'contents', level: 'read', why: 'when each push happened (repository activity); the config file' }
    ],
    gate: [
        { scope: 'pull-requests', level: 'read', why: 'the pull request that brought the commit, and its files' },
        { scope: 'issues', level: 'read', why: 'its label events' },
        { scope: 'contents', level: 'read', why: 'pushes (repository activity); the config file' }
    ],
    drill: [
        { scope: 'deployments', level: 'read', why: 'the deployment history: the release a rollback would pick' },
        { scope: 'actions', level: 'read', why: 'the workflows: the rollback trigger exists and is active' },
        { scope: 'contents', level: 'read', why: 'the workflow files (their permissions) and the config file' }
    ],
    report: [
        { scope: 'deployments', level: 'read', why: 'the deployments of the environment and their statuses' },
        { scope: 'contents', level: 'read', why: 'the commits each deployment brought (compare); the config file' },
        { scope: 'pull-requests', level: 'read', why: "each change's pull request (lead time)" },
        { scope: 'issues', level: 'read', why: 'the incident issues (change fail rate, recovery time)' }
    ]
};
const RANK = { read: 1, write: 2 };
/** Pure: one grant per scope (the strongest), in the order the scopes are first named. */
function strongestPerScope(grants) {
    const byScope = new Map();
    for (const g of grants) {
        const had = byScope.get(g.scope);
        if (!had || RANK[g.level] > RANK[had.level])
            byScope.set(g.scope, g);
    }
    const order = [...new Set(grants.map((g) => g.scope))];
    return order.map((s) => byScope.get(s));
}
/** Pure: a grant as a `permissions:` line and as the 403 messages name it, e.g. `actions: write`. */
const grantText = (g) => `${g.scope}: ${g.level}`;


/***/ }),

/***/ 80671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   Gc: () => (/* binding */ ready),
/* harmony export */   mw: () => (/* binding */ broken)
/* harmony export */ });
// One line of drill's checklist: plain data, so each rollback trigger (src/rollback/triggers/)
// can say whether it would work today without importing the drill.
const ready = (area, what) => ({ area, status: 'ready', what });
const broken = (area, what, fix) => ({ area, status: 'broken', what, fix });
const warning = (area, what, fix) => ({ area, status: 'warning', what, fix });


/***/ }),

/***/ 64685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EK: () => (/* binding */ PER_PAGE),
/* harmony export */   Ib: () => (/* binding */ rollbackMark),
/* harmony export */   uD: () => (/* binding */ DeploymentHistory)
/* harmony export */ });
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16887);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73116);


const READ = 'deployments: read';
const PER_PAGE = 100;
/**
 * Reads the deployments of one environment, newest first, one page at a time: the caller
 * decides when it knows enough, so a long history costs only the pages it needs.
 */
class DeploymentHistory {
    gh;
    repo;
    environment;
    constructor(gh, repo, environment) {
        this.gh = gh;
        this.repo = repo;
        this.environment = environment;
    }
    /** Page `page` (1-based) of the environment's deployments, newest first; fewer than PER_PAGE means the last. */
    async page(page, perPage = PER_PAGE) {
        try {
            const { data } = await this.gh.rest.repos.listDeployments({
                ...this.repo,
                environment: this.environment,
                per_page: perPage,
                page
            });
            return data.map(slim);
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explain */ .WE)(`listing the deployments of ${this.environment}`, e, READ);
        }
    }
    /** Every status of a deployment, newest first (the first page holds 100: a deployment rarely has more). */
    async statuses(id) {
        try {
            const { data } = await this.gh.rest.repos.listDeploymentStatuses({ ...this.repo, deployment_id: id, per_page: PER_PAGE });
            return data.map((s) => ({ id: s.id, state: s.state, description: s.description ?? '', logUrl: s.log_url ?? s.target_url ?? '' }));
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explain */ .WE)(`reading the statuses of deployment ${id}`, e, READ);
        }
    }
    /** One deployment by id; undefined when it is gone. */
    async get(id) {
        try {
            const { data } = await this.gh.rest.repos.getDeployment({ ...this.repo, deployment_id: id });
            return slim(data);
        }
        catch (e) {
            if (e.status === 404)
                return undefined;
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .explain */ .WE)(`reading deployment ${id}`, e, READ);
        }
    }
}
function slim(d) {
    const g = (0,_deployments_js__WEBPACK_IMPORTED_MODULE_0__/* .guardPayload */ .Si)(d.payload);
    const version = typeof g?.version === 'string' ? g.version : undefined;
    const mark = rollbackMark(g);
    return { id: d.id, sha: d.sha, ref: d.ref, task: d.task, createdAt: d.created_at, ...(version && { version }), ...(mark && { rollback: mark }) };
}
/** deploy-guard's rollback mark in a deployment's payload (`deploy_guard.rollback_of`), if any. */
function rollbackMark(g) {
    if (!g || typeof g.rollback_of !== 'string')
        return undefined;
    return {
        of: g.rollback_of,
        ...(typeof g.rollback_of_deployment === 'number' && { ofDeployment: g.rollback_of_deployment }),
        runId: String(g.run_id ?? ''),
        runAttempt: String(g.run_attempt ?? ''),
        job: String(g.job ?? ''),
        strategy: String(g.strategy ?? ''),
        ...(typeof g.delivery === 'string' && { delivery: g.delivery }),
        ...(typeof g.run_url === 'string' && { runUrl: g.run_url })
    };
}


/***/ }),

/***/ 23425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D3: () => (/* binding */ commitOf),
/* harmony export */   OR: () => (/* binding */ defaultBranch),
/* harmony export */   cB: () => (/* binding */ listTags),
/* harmony export */   tH: () => (/* binding */ listReleases)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);

const PER_PAGE = 100;
// Neither list comes in semver order (releases by date, tags by name as text): every page is
// needed, up to this many.
const MAX_PAGES = 10;
/** The repository's releases (tag, draft, prerelease), every page up to 1000. */
async function listReleases(gh, repo) {
    let pages = 0;
    try {
        return await gh.paginate(gh.rest.repos.listReleases, { ...repo, per_page: PER_PAGE }, (res, done) => {
            if (++pages >= MAX_PAGES)
                done();
            return res.data.map((r) => ({ tag: r.tag_name, draft: r.draft, prerelease: r.prerelease }));
        });
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('listing the releases', e, 'contents: read');
    }
}
/** The repository's tags with their commits, every page up to 1000. */
async function listTags(gh, repo) {
    let pages = 0;
    try {
        return await gh.paginate(gh.rest.repos.listTags, { ...repo, per_page: PER_PAGE }, (res, done) => {
            if (++pages >= MAX_PAGES)
                done();
            return res.data.map((t) => ({ tag: t.name, sha: t.commit.sha }));
        });
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('listing the tags', e, 'contents: read');
    }
}
/** The commit a tag points at (a release lists its tag, not the commit). */
async function commitOf(gh, repo, ref) {
    try {
        const { data } = await gh.rest.repos.getCommit({ ...repo, ref });
        return data.sha;
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`reading the commit of ${ref}`, e, 'contents: read');
    }
}
/** The repository's default branch, for events whose payload does not carry it. */
async function defaultBranch(gh, repo) {
    try {
        const { data } = await gh.rest.repos.get({ ...repo });
        return data.default_branch;
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('reading the repository', e, 'contents: read');
    }
}


/***/ }),

/***/ 17585:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $s: () => (/* binding */ dispatchedRunSince),
/* harmony export */   fY: () => (/* binding */ repositoryDispatch),
/* harmony export */   "in": () => (/* binding */ dispatchWorkflow),
/* harmony export */   ur: () => (/* binding */ repositoryDispatchRunSince),
/* harmony export */   yR: () => (/* binding */ workflowRunState)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _safe_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39080);


/**
 * Dispatches the rollback workflow and returns the run it started. The run comes back when
 * asked for (`return_run_details`); a server that refuses the field (422 naming it) gets the
 * dispatch again without it, and one that answers 204 without the run has the run looked up
 * in the workflow's runs. An attempt that got no answer is looked for among the workflow's
 * runs created since (safeWrite) before the dispatch is sent again: never two runs.
 */
async function dispatchWorkflow(gh, repo, d, sentAt, sleep) {
    const send = (details) => gh.rest.actions.createWorkflowDispatch({
        ...repo,
        workflow_id: d.workflow,
        ref: d.ref,
        inputs: { ...d.inputs },
        ...(details && { return_run_details: true }),
        request: { retries: 0 }
    });
    const attempt = async () => {
        let res;
        try {
            res = await send(true);
        }
        catch (e) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(e) !== 422 || !/return_run_details/.test((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .apiMessage */ .SX)(e)))
                throw e;
            res = await send(false);
        }
        const data = res.data;
        return res.status === 200 && data?.workflow_run_id ? { id: data.workflow_run_id, url: data.html_url ?? '' } : null;
    };
    let run;
    try {
        run = await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(gh.writes, {
            what: `dispatching workflow ${d.workflow} on ${d.ref}`,
            send: attempt,
            lookup: { name: `a run of ${d.workflow} dispatched since the attempt`, find: (since) => dispatchedRunSince(gh, repo, d, since) }
        });
    }
    catch (e) {
        throw explainDispatch(d, e);
    }
    return run ?? findDispatchedRun(gh, repo, d, sentAt, sleep);
}
/** One look at the workflow's workflow_dispatch runs on the ref created since `since` (GitHub's times have whole seconds). */
async function dispatchedRunSince(gh, repo, d, since) {
    const { data } = await gh.rest.actions.listWorkflowRuns({
        ...repo,
        workflow_id: d.workflow,
        event: 'workflow_dispatch',
        branch: d.ref.replace(/^refs\/(heads|tags)\//, ''),
        per_page: 10
    });
    const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= since - 2000);
    return run && { id: run.id, url: run.html_url };
}
/** The newest workflow_dispatch run of the workflow on the ref created since the dispatch (GitHub creates it within seconds). */
async function findDispatchedRun(gh, repo, d, sentAt, sleep) {
    for (const wait of [0, 1000, 2000]) {
        if (wait)
            await sleep(wait);
        try {
            // Up to 10 s before the send: the runner's clock and GitHub's may disagree by seconds.
            const run = await dispatchedRunSince(gh, repo, d, sentAt - 8_000);
            if (run)
                return run;
        }
        catch {
            // The dispatch went out; not knowing its run is reported, not failed.
            return undefined;
        }
    }
    return undefined;
}
function explainDispatch(d, e) {
    const what = `dispatching workflow ${d.workflow} on ${d.ref}`;
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(e);
    const message = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .apiMessage */ .SX)(e);
    if (status === 422 && /unexpected inputs|required input/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._6(what, 422, `${what} failed (422): ${message}. The workflow must declare the input \`${d.versionInput}\` under \`on: workflow_dispatch: inputs:\` on ${d.ref} ` +
            '(or set rollback.workflow-input to the input it declares).');
    }
    if (status === 422 && /disabled/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._6(what, 422, `${what} failed (422): ${message}. Enable it: \`gh workflow enable ${d.workflow}\`, or Enable workflow on its page in the Actions tab.`);
    }
    if (status === 422 && /workflow_dispatch/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._6(what, 422, `${what} failed (422): ${message}. Add \`on: workflow_dispatch\` with the input \`${d.versionInput}\` to ${d.workflow} on ${d.ref}.`);
    }
    if (status === 422 && /no ref found/i.test(message)) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._6(what, 422, `${what} failed (422): ${message}. Set rollback-ref to a branch or tag that exists.`);
    }
    if (status === 404) {
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._6(what, 404, `${what} failed (404): no workflow ${d.workflow} in this repository, or the token may not see it: check rollback-workflow, and add \`${d.permission}\` to the workflow's \`permissions:\` block.`);
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(what, e, d.permission);
}
/**
 * Sends the repository_dispatch event `event_type` with the client payload. An attempt that
 * got no answer is looked for as a repository_dispatch run created since (a deployer on
 * Actions starts one) before it is sent again; the payload's `delivery` id lets any other
 * deployer drop a second copy. A 403 names `permission`, the trigger's grant.
 */
async function repositoryDispatch(gh, repo, eventType, clientPayload, permission) {
    try {
        await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(gh.writes, {
            what: `sending the repository_dispatch event ${eventType}`,
            send: async () => {
                await gh.rest.repos.createDispatchEvent({
                    ...repo,
                    event_type: eventType,
                    client_payload: { ...clientPayload },
                    request: { retries: 0 }
                });
                return true;
            },
            lookup: {
                name: 'a repository_dispatch run started since the attempt',
                find: async (since) => ((await repositoryDispatchRunSince(gh, repo, since)) ? true : undefined)
            }
        });
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`sending the repository_dispatch event ${eventType}`, e, permission);
    }
}
/** One look at the repository's repository_dispatch runs created since `since`. */
async function repositoryDispatchRunSince(gh, repo, since) {
    const { data } = await gh.rest.actions.listWorkflowRunsForRepo({ ...repo, event: 'repository_dispatch', per_page: 10 });
    const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= since - 2000);
    return run && { id: run.id, url: run.html_url };
}
/** Where a workflow run is: `completed` with its conclusion, or still going. */
async function workflowRunState(gh, repo, id) {
    try {
        const { data } = await gh.rest.actions.getWorkflowRun({ ...repo, run_id: id });
        return { status: data.status ?? 'unknown', conclusion: data.conclusion };
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`reading workflow run ${id}`, e, 'actions: read');
    }
}


/***/ }),

/***/ 89714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ findLastGood)
/* harmony export */ });
/* harmony import */ var _github_deployment_history_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(64685);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1667);


const DEFAULT_LIMITS = { maxPages: 5, maxExamined: 100 };
/**
 * Finds the last good release (PRODUCT.md section 5): the newest deployment of the environment,
 * other than the one being verified, that reached `success` and was never failed by the guard,
 * skipping every release recorded bad. Pages are listed one at a time and statuses read one
 * deployment at a time, newest first, stopping as soon as the answer is known; the rest of a
 * page already listed is still scanned (no request) for the bad release's own deployment and
 * rollbacks already recorded for it, which re-runs and loop prevention need.
 */
async function findLastGood(h, bad, limits = DEFAULT_LIMITS) {
    const badKey = (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .versionKey */ ._5)(bad.version);
    const recordedBad = new Set([badKey]);
    const rollbacks = [];
    let verified;
    let target;
    let examined = 0;
    let pages = 0;
    let complete = false;
    const isVerified = (d) => bad.deploymentId !== undefined ? d.id === bad.deploymentId : !verified && (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentKeys */ .ab)(d).includes(badKey);
    // Deployments of the release being verified at the top of the history: one of them may be the
    // guard's record of a rollback to it, which makes this release a rollback.
    let leading = true;
    for (let page = 1; page <= limits.maxPages; page++) {
        const list = await h.page(page);
        pages++;
        for (const d of list) {
            if (leading && (d.id === bad.deploymentId || (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentKeys */ .ab)(d).includes(badKey))) {
                if (d.rollback && (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .versionKey */ ._5)(d.rollback.of) !== badKey) {
                    return { verified: verified ?? d, rollbackRecord: d, rollbacks, recordedBad, examined, pages, complete: false };
                }
            }
            else
                leading = false;
            if (!verified && isVerified(d)) {
                verified = d;
                for (const k of (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentKeys */ .ab)(d))
                    recordedBad.add(k);
                // A rollback being verified is never rolled back: nothing more to know.
                if (d.rollback)
                    return { verified, rollbacks, recordedBad, examined, pages, complete: false };
                continue;
            }
            if (!verified && d.rollback && (d.rollback.ofDeployment === bad.deploymentId || (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .versionKey */ ._5)(d.rollback.of) === badKey))
                rollbacks.push(d);
            if (target || examined >= limits.maxExamined)
                continue;
            const keys = (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentKeys */ .ab)(d);
            if (keys.some((k) => recordedBad.has(k)))
                continue;
            examined++;
            const j = (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .judge */ .S4)(await h.statuses(d.id), { ledgerRecord: d.rollback !== undefined });
            if (j.guardFailed)
                for (const k of keys)
                    recordedBad.add(k);
            else if (j.good)
                target = { version: (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOfDeployment */ .Vw)(d), sha: d.sha, source: 'deployment', deploymentId: d.id };
        }
        if (list.length < _github_deployment_history_js__WEBPACK_IMPORTED_MODULE_0__/* .PER_PAGE */ .EK) {
            complete = true;
            break;
        }
        if (target || examined >= limits.maxExamined)
            break;
    }
    if (!verified && bad.deploymentId !== undefined) {
        verified = await h.get(bad.deploymentId);
        if (verified)
            for (const k of (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .deploymentKeys */ .ab)(verified))
                recordedBad.add(k);
    }
    if (verified?.rollback)
        return { verified, rollbacks, recordedBad, examined, pages, complete: false };
    return { ...(target && { target }), ...(verified && { verified }), rollbacks, recordedBad, examined, pages, complete };
}


/***/ }),

/***/ 1667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   Vw: () => (/* binding */ versionOfDeployment),
/* harmony export */   _5: () => (/* binding */ versionKey),
/* harmony export */   ab: () => (/* binding */ deploymentKeys),
/* harmony export */   x8: () => (/* binding */ pickRelease)
/* harmony export */ });
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(62088);
/* harmony import */ var semver__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(semver__WEBPACK_IMPORTED_MODULE_0__);

/** Status descriptions deploy-guard writes start with this (verify/verify-mode.ts). */
const GUARD = /^deploy-guard\b/;
/**
 * Pure: judges a deployment by its statuses. GitHub marks older deployments `inactive` when a
 * newer one succeeds (auto_inactive), and only ever after a success: an `inactive` with no
 * failure or error is a release that was good once, even when its success status is not listed.
 */
function judge(statuses, o = {}) {
    const guardFailed = statuses.some((s) => s.state === 'failure' && GUARD.test(s.description));
    const succeeded = statuses.some((s) => s.state === 'success');
    // A rollback record the guard set `inactive` (a duplicate, or superseded) never ran: only its deployer's `success` counts.
    const retired = !o.ledgerRecord && statuses.some((s) => s.state === 'inactive') && !statuses.some((s) => s.state === 'failure' || s.state === 'error');
    return { guardFailed, good: !guardFailed && (succeeded || retired) };
}
/**
 * Pure: the version a rollback to this deployment sends. deploy-guard's own deployments carry
 * it in the payload; another tool's deployment of a tag (v1.2.3, refs/tags/x) sends the tag;
 * anything else sends the SHA, since a branch name such as `main` has moved on since.
 */
function versionOfDeployment(d) {
    if (d.version)
        return d.version;
    const tag = /^refs\/tags\/(.+)$/.exec(d.ref)?.[1];
    if (tag)
        return tag;
    return semver__WEBPACK_IMPORTED_MODULE_0___default().valid(d.ref) ? d.ref : d.sha;
}
/** Pure: one key for a version as users write it: `v1.2.3`, `1.2.3` and `=1.2.3` are the same release; SHAs lower-cased. */
function versionKey(v) {
    const parsed = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(v);
    if (parsed)
        return `semver:${parsed}`;
    return /^[0-9a-f]{40}$/i.test(v) ? v.toLowerCase() : v;
}
/** Pure: every key by which a deployment names its release: version, SHA, and a tag ref (never a branch, which moves). */
function deploymentKeys(d) {
    return [...new Set([d.version, d.sha, versionOfDeployment(d)].filter((x) => !!x).map(versionKey))];
}
/**
 * Pure: the fallback target among releases or tags: semver order (build metadata does not
 * order, `v` prefixes are read), drafts, prereleases and non-semver names excluded, never the
 * bad version nor one recorded bad, and, when the bad version is semver itself, only releases
 * below it: a rollback goes back, not forward to something never deployed.
 */
function pickRelease(releases, badVersion, recordedBad) {
    const bad = semver__WEBPACK_IMPORTED_MODULE_0___default().valid(badVersion);
    const usable = releases.filter((r) => {
        const v = semver__WEBPACK_IMPORTED_MODULE_0___default().parse(r.tag);
        if (!v || r.draft || r.prerelease || v.prerelease.length)
            return false;
        if (recordedBad.has(versionKey(r.tag)) || (r.sha && recordedBad.has(versionKey(r.sha))))
            return false;
        return !bad || semver__WEBPACK_IMPORTED_MODULE_0___default().lt(v, bad);
    });
    // semver.rcompare ignores build metadata: among equals, the API's order (newest first) stands.
    return [...usable].sort((a, b) => semver__WEBPACK_IMPORTED_MODULE_0___default().rcompare(a.tag, b.tag))[0];
}


/***/ }),

/***/ 3312:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ ledgerPayload),
/* harmony export */   fC: () => (/* binding */ payloadNames),
/* harmony export */   oN: () => (/* binding */ RECORD_TASK)
/* harmony export */ });
/** Task of the deployment that records a rollback sent another way; deployers act on task `deploy` only. */
const RECORD_TASK = 'deploy-guard:rollback';
/** The names every trigger's payload carries (PRODUCT.md section 5). */
function payloadNames(f) {
    return { environment: f.environment, bad_version: f.badVersion, good_version: f.target.version, good_sha: f.target.sha, run_url: f.runUrl };
}
/**
 * Pure: the ledger's record of a rollback, kept in the deployment payload under `deploy_guard`:
 * the version it deploys, the bad version it replaces, and the run, attempt and job that sent
 * it. A later verify of this deployment reads `rollback_of` and escalates instead of rolling
 * back again; a re-run reads `run_id` and sends nothing twice.
 */
function ledgerPayload(f) {
    return {
        deploy_guard: {
            version: f.target.version,
            rollback_of: f.badVersion,
            ...(f.badDeploymentId !== undefined && { rollback_of_deployment: f.badDeploymentId }),
            run_id: f.runId,
            run_attempt: f.runAttempt,
            job: f.job,
            strategy: f.rollback.strategy,
            run_url: f.runUrl,
            ...(f.delivery && { delivery: f.delivery })
        }
    };
}


/***/ }),

/***/ 5853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fallbackTarget: () => (/* binding */ fallbackTarget),
  rollBack: () => (/* binding */ rollBack)
});

// EXTERNAL MODULE: ./src/github/deployment-history.ts
var deployment_history = __webpack_require__(64685);
// EXTERNAL MODULE: ./src/github/releases.ts
var releases = __webpack_require__(23425);
// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
// EXTERNAL MODULE: ./src/rollback/decide.ts
var decide = __webpack_require__(26814);
// EXTERNAL MODULE: ./src/rollback/find-last-good.ts
var find_last_good = __webpack_require__(89714);
// EXTERNAL MODULE: ./src/rollback/judge.ts
var judge = __webpack_require__(1667);
// EXTERNAL MODULE: ./src/rollback/triggers/registry.ts + 7 modules
var registry = __webpack_require__(81262);
// EXTERNAL MODULE: ./src/github/rollback-triggers.ts
var rollback_triggers = __webpack_require__(17585);
// EXTERNAL MODULE: ./src/values/parse.ts
var parse = __webpack_require__(8285);
// EXTERNAL MODULE: ./src/rollback/sample-once.ts
var sample_once = __webpack_require__(32120);
;// CONCATENATED MODULE: ./src/rollback/wait-restore.ts



/**
 * Watches the rollback's workflow run until it completes or the wait's timeout, then samples
 * every check once: restored when the run succeeded and every check passes. Bounded by
 * `rollback.wait.timeout`; a run that GitHub cannot be asked about ends the wait, not the job.
 */
async function waitForRestore(s, gh, run, clock, decidedAt) {
    const wait = s.rollback.wait;
    if (!wait)
        throw new Error('waitForRestore without rollback.wait');
    const deadline = clock.now() + wait.timeoutMs;
    let state = await (0,rollback_triggers/* workflowRunState */.yR)(gh.client, gh.repo, run.id);
    while (state.status !== 'completed') {
        if (clock.now() + wait.pollMs > deadline) {
            return {
                state: 'not restored',
                reason: `the rollback run ${run.id} did not finish within ${(0,parse/* formatDuration */.a3)(wait.timeoutMs)} (rollback.wait.timeout); it is ${state.status}`
            };
        }
        await clock.sleep(wait.pollMs);
        state = await (0,rollback_triggers/* workflowRunState */.yR)(gh.client, gh.repo, run.id);
    }
    const conclusion = state.conclusion ?? 'unknown';
    if (conclusion !== 'success')
        return { state: 'not restored', runConclusion: conclusion, reason: `the rollback run ${run.id} ended ${conclusion}` };
    const v = await (0,sample_once/* sampleOnce */._)(s, clock);
    const bad = v.checks.filter((c) => c.status !== 'passed');
    if (bad.length) {
        return {
            state: 'not restored',
            runConclusion: conclusion,
            reason: `the rollback run succeeded, but ${bad.map((c) => `${c.name} ${c.status}`).join(', ')} after it`
        };
    }
    const timeToRestoreMs = clock.now() - decidedAt;
    return {
        state: 'restored',
        runConclusion: conclusion,
        timeToRestoreMs,
        reason: `every check passes after the rollback run; time to restore ${(0,parse/* formatDuration */.a3)(Math.round(timeToRestoreMs / 1000) * 1000)}`
    };
}

// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
// EXTERNAL MODULE: ./src/rollback/rollback-plan.ts
var rollback_plan = __webpack_require__(3312);
;// CONCATENATED MODULE: ./src/rollback/rollback-ledger.ts

/** Descriptions of the record's statuses; `confirmed` and `duplicate` are read back by recordState. */
const RECORD_TEXT = {
    sent: (bad, good, strategy) => `deploy-guard: rollback of ${bad} to ${good} sent (${strategy})`,
    confirmed: (bad, good, proof) => `deploy-guard: rollback of ${bad} to ${good} confirmed: ${proof}`,
    failed: (error) => `deploy-guard: rollback could not be sent: ${error}`,
    duplicate: (winner) => `deploy-guard: duplicate; deployment ${winner} of this run rolls back`
};
/**
 * Pure: the state of a rollback record from its statuses, newest first. When the record is the
 * trigger itself (the `deployment` strategy), once it exists, the deployer has it.
 */
function recordState(statuses, strategy) {
    const isTrigger = !!(0,registry/* triggerNamed */.KK)(strategy)?.record;
    const latest = statuses[0];
    if (!latest)
        return isTrigger ? 'confirmed' : 'claimed';
    switch (latest.state) {
        case 'error':
            return 'failed';
        case 'inactive':
            return /^deploy-guard: duplicate\b/.test(latest.description) ? 'duplicate' : 'confirmed';
        case 'queued':
        case 'pending':
            return /^deploy-guard: rollback .* confirmed: /.test(latest.description) || isTrigger ? 'confirmed' : 'sent';
        default:
            return 'confirmed';
    }
}
/** Pure: whether a record in this state already rolled the release back, or may still need sending. */
function delivered(state) {
    return state === 'sent' || state === 'confirmed';
}

// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/rollback/send-rollback.ts






/**
 * Records the rollback in the ledger, then sends it. The record is a deployment of the good
 * release whose payload says what it replaces and which run sent it (for the `deployment`
 * strategy that deployment is the trigger itself). It doubles as a claim: two jobs of one
 * attempt that both got here re-read the newest deployments and only the lower id sends, so a
 * second job triggers nothing twice. A send that fails marks the record `error`, so a re-run
 * may try again; one that goes out marks it `queued` (sent, or confirmed when GitHub named the
 * run it started). `resume` sends for a record a run claimed without any trace of a send.
 */
async function sendRollback(f, planned, deps, resume) {
    const { gh, log } = deps;
    let recordId;
    if (resume)
        recordId = resume.recordId;
    else {
        try {
            recordId = await (0,deployments/* createDeployment */.Yy)(gh.client, gh.repo, recordOf(f, planned));
        }
        catch (e) {
            return { kind: 'failed', error: (0,message_of/* messageOf */.b)(e), delivery: planned };
        }
    }
    const withRecord = { ...planned, deploymentId: recordId };
    if (!resume) {
        log.info(`Recorded the rollback as deployment ${recordId}`);
        const winner = await firstClaim(f, deps.history).catch(() => undefined);
        if (winner !== undefined && winner !== recordId) {
            await (0,deployments/* markDeployment */.tt)(gh.client, gh.repo, recordId, 'inactive', RECORD_TEXT.duplicate(winner), f.runUrl).catch(() => { });
            return { kind: 'lost', winner, delivery: withRecord };
        }
    }
    let sent;
    try {
        sent = await (0,registry/* triggerFor */.AC)(f.rollback.strategy).send(f, withRecord, { gh, clock: deps.clock });
    }
    catch (e) {
        const error = (0,message_of/* messageOf */.b)(e);
        // An outcome GitHub left unknown stays `claimed`: a re-run looks for its effect before sending.
        if (e.outcomeUnknown)
            return { kind: 'failed', error: `${error}; a re-run looks for it before sending`, delivery: withRecord };
        await (0,deployments/* markDeployment */.tt)(gh.client, gh.repo, recordId, 'error', RECORD_TEXT.failed(error), f.runUrl).catch(() => { });
        const webhook = e.webhook;
        return { kind: 'failed', error, delivery: { ...withRecord, ...(webhook && { webhook }) } };
    }
    const sentAt = deps.clock.now();
    // A trigger that is its own record was delivered when the record was created.
    if (!(0,registry/* triggerFor */.AC)(sent.strategy).record) {
        const description = sent.run
            ? RECORD_TEXT.confirmed(f.badVersion, f.target.version, `run ${sent.run.id}`)
            : RECORD_TEXT.sent(f.badVersion, f.target.version, sent.strategy);
        await (0,deployments/* markDeployment */.tt)(gh.client, gh.repo, recordId, 'queued', description, sent.run?.url || f.runUrl).catch((e) => log.warning(`The rollback was sent, but its record could not be updated (a re-run looks for its effect before sending again): ${(0,message_of/* messageOf */.b)(e)}`, {
            title: 'deploy-guard: rollback'
        }));
    }
    return { kind: 'sent', delivery: sent, sentAt };
}
/** The record deployment: the trigger itself when it is a deployment, a record with its own task for the others. */
function recordOf(f, planned) {
    const own = (0,registry/* triggerFor */.AC)(planned.strategy).record;
    if (own)
        return own(f, planned);
    return {
        ref: f.target.sha,
        environment: f.environment,
        task: rollback_plan/* RECORD_TASK */.oN,
        description: `deploy-guard: rollback of ${f.badVersion} to ${f.target.version} via ${f.rollback.strategy}`,
        payload: (0,rollback_plan/* ledgerPayload */.Aw)(f),
        requiredContexts: [],
        productionEnvironment: f.productionEnvironment
    };
}
/** The lowest-id record of a rollback of this bad release by this run attempt: the one that sends. */
async function firstClaim(f, history) {
    const bad = (0,judge/* versionKey */._5)(f.badVersion);
    const mine = (d) => !!d.rollback && d.rollback.runId === f.runId && d.rollback.runAttempt === f.runAttempt && (0,judge/* versionKey */._5)(d.rollback.of) === bad;
    const ids = (await history.page(1, 20)).filter(mine).map((d) => d.id);
    return ids.length ? Math.min(...ids) : undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/rollback/rollback-step.ts













/**
 * The rollback of PRODUCT.md section 5, run by verify's follow-ups after the deployment status:
 * decide, find the last good release, make sure this release is not itself a rollback and this
 * run has not rolled it back already (both read from GitHub Deployments, never from memory),
 * then record and send, or in a dry run show exactly what would be sent. Never throws.
 */
async function rollBack(input, decision = (0,decide/* decisionFor */.a)(input)) {
    const s = input.settings;
    const base = { triggered: false, strategy: s.rollback.strategy, fromVersion: s.version, failed: false, rollbackOfRollback: false };
    if (!decision.go)
        return decision.quiet ? { actions: [] } : { outcome: { ...base, reason: decision.reason }, actions: [] };
    const step = await input.log.group(`Rolling back ${s.version} in ${s.environment} (${s.rollback.strategy})`, async () => {
        try {
            return await rollBackNow(input, base);
        }
        catch (e) {
            return {
                outcome: { ...base, failed: true, reason: `the rollback failed: ${(0,message_of/* messageOf */.b)(e)}` },
                actions: [{ what: 'could not roll back', ok: false, detail: (0,message_of/* messageOf */.b)(e) }]
            };
        }
    });
    const o = step.outcome;
    if (o?.failed)
        input.log.warning(`Rollback of ${s.version} failed: ${o.reason}`, { title: 'deploy-guard: rollback' });
    else if (o)
        input.log.info(`Rollback: ${o.reason}`);
    return step;
}
async function rollBackNow(input, base) {
    const s = input.settings;
    const done = (o, actions = []) => ({ outcome: { ...base, ...o }, actions });
    const gh = await input.github();
    if (!gh)
        return done({ reason: 'no github-token or repository: the last good release cannot be looked up; nothing was sent' });
    const history = new deployment_history/* DeploymentHistory */.uD(gh.client, gh.repo, s.environment);
    const finding = await (0,find_last_good/* findLastGood */.$)(history, { version: s.version, ...(input.deployment && { deploymentId: input.deployment.id }) });
    const mark = finding.rollbackRecord?.rollback ?? finding.verified?.rollback;
    if (mark) {
        const by = finding.rollbackRecord && finding.rollbackRecord.id !== input.deployment?.id ? ` (the guard's record, deployment ${finding.rollbackRecord.id})` : '';
        return done({
            rollbackOfRollback: true,
            reason: `${s.version} was itself the rollback of ${mark.of}${by} (sent by run ${mark.runId}); a failing rollback is not rolled back again: escalating`
        });
    }
    const mine = await recordOfThisRun(history, finding.rollbacks, s.context.runId);
    // The ref costs a request only when no input or event names it; asked once, when needed.
    const trigger = (0,registry/* triggerFor */.AC)(s.rollback.strategy);
    let knownRef;
    const refOf = async () => (knownRef ??= trigger.usesRef ? s.rollback.ref || s.context.defaultBranch || (await (0,releases/* defaultBranch */.OR)(gh.client, gh.repo)) : '');
    let resume;
    if (mine) {
        const r = mine.record.rollback;
        const already = (how) => done({
            toVersion: mine.record.version ?? mine.record.sha,
            toSha: mine.record.sha,
            url: environmentUrl(s),
            reason: `already rolled back to ${mine.record.version ?? mine.record.sha} by attempt ${r?.runAttempt} of this run (job ${r?.job}, deployment ${mine.record.id}): ${how}; a re-run sends nothing twice`
        });
        if (delivered(mine.state))
            return already(mine.state);
        // Claimed, but nothing says it went out: look for its effect before sending anything.
        let proof;
        try {
            proof = await effectOf(gh, s, mine.record, await refOf());
        }
        catch (e) {
            const error = `attempt ${r?.runAttempt} recorded the rollback (deployment ${mine.record.id}) but not whether it went out, and looking for its effect failed: ${(0,message_of/* messageOf */.b)(e)}; nothing was sent, so as not to send it twice`;
            return done({ failed: true, reason: error }, [{ what: 'could not tell whether the rollback went out', ok: false, detail: error }]);
        }
        if (proof) {
            const bad = r?.of ?? s.version;
            const good = mine.record.version ?? mine.record.sha;
            await (0,deployments/* markDeployment */.tt)(gh.client, gh.repo, mine.record.id, 'queued', RECORD_TEXT.confirmed(bad, good, proof), (0,context/* runUrl */.V)(s.context)).catch(() => { });
            return already(`confirmed by its effect: ${proof}`);
        }
        resume = mine.record;
    }
    const target = resume
        ? { version: resume.version ?? resume.sha, sha: resume.sha, source: 'deployment', deploymentId: resume.id }
        : (finding.target ?? (await fallbackTarget(gh, s, finding)));
    if (!target)
        return done({ reason: noTargetReason(s, finding) });
    const delivery = resume?.rollback?.delivery ?? (trigger.deliveryId ? (0,external_node_crypto_.randomUUID)() : undefined);
    const facts = planFacts(s, input, target, await refOf(), delivery);
    const planned = (0,registry/* planDelivery */.eh)(facts);
    const to = { toVersion: target.version, toSha: target.sha };
    const found = resume
        ? `recorded by attempt ${resume.rollback?.runAttempt} as deployment ${resume.id}, with no trace of a send`
        : target.source === 'deployment'
            ? `deployment ${target.deploymentId}`
            : `the newest ${target.source} in semver order`;
    if (s.dryRun) {
        return done({ ...to, delivery: planned, dryRun: true, reason: `dry run: would roll back to ${target.version} (${found}) via ${planned.where}; nothing was sent` }, [{ what: `dry run: would roll back ${s.version} to ${target.version} via ${planned.where}`, ok: true, detail: JSON.stringify(planned.payload) }]);
    }
    const result = await sendRollback(facts, planned, { gh, history, clock: input.clock, log: input.log }, resume && { recordId: resume.id });
    if (result.kind === 'lost') {
        return done({
            ...to,
            delivery: result.delivery,
            reason: `another job of this run recorded the same rollback first (deployment ${result.winner}); it sends it, this one sends nothing`
        });
    }
    if (result.kind === 'failed') {
        return done({ ...to, delivery: result.delivery, failed: true, reason: `could not roll back to ${target.version} via ${planned.where}: ${result.error}` }, [
            { what: `could not roll back ${s.version} to ${target.version} via ${planned.where}`, ok: false, detail: result.error }
        ]);
    }
    const d = result.delivery;
    // A trigger that is its own record is a deployment of the environment: its page is the link.
    const url = d.run?.url || ((0,registry/* triggerFor */.AC)(d.strategy).record ? environmentUrl(s) : '');
    const started = d.run ? `; started run ${d.run.id}` : d.webhook ? `; delivery ${d.webhook.delivery} (${d.webhook.attempts})` : '';
    const restore = s.rollback.wait ? await watch(input, gh, d) : undefined;
    return done({
        ...to,
        triggered: true,
        delivery: d,
        sentAt: result.sentAt,
        ...(url && { url }),
        ...(restore && { restore }),
        reason: `rolled back to ${target.version} (${found}) via ${d.where}${started}`
    }, [{ what: `rolled back ${s.version} to ${target.version} via ${d.where}`, ok: true, ...(url && { url }), detail: JSON.stringify(d.payload) }]);
}
/** rollback.wait: only a workflow run GitHub named can be watched; anything else is left to the next verify. */
async function watch(input, gh, d) {
    if (!d.run)
        return {
            state: 'not watched',
            reason: 'only a workflow run that GitHub names can be watched; the next verify of the environment closes the loop'
        };
    const run = d.run;
    return input.log.group(`Waiting for rollback run ${run.id}`, () => waitForRestore(input.settings, gh, run, input.clock, input.decidedAt).catch((e) => ({
        state: 'not restored',
        reason: `the wait failed: ${(0,message_of/* messageOf */.b)(e)}`
    })));
}
function planFacts(s, input, target, ref, delivery) {
    const c = s.context;
    return {
        rollback: s.rollback,
        repository: c.repository ? `${c.repository.owner}/${c.repository.repo}` : '',
        environment: s.environment,
        productionEnvironment: s.productionEnvironment,
        badVersion: s.version,
        ...(input.deployment && { badDeploymentId: input.deployment.id }),
        target,
        ref,
        runUrl: (0,context/* runUrl */.V)(c),
        runId: c.runId,
        runAttempt: c.runAttempt,
        job: c.job,
        ...(delivery && { delivery })
    };
}
/** The newest rollback of the bad release this run recorded that did not fail, with its state (a few records read at most). */
async function recordOfThisRun(history, rollbacks, runId) {
    for (const d of rollbacks.filter((r) => runId && r.rollback?.runId === runId).slice(0, 3)) {
        const state = recordState(await history.statuses(d.id), d.rollback?.strategy ?? '');
        if (state !== 'failed' && state !== 'duplicate')
            return { record: d, state };
    }
    return undefined;
}
/**
 * Where a claimed rollback's effect shows, when it went out, as the trigger named in the record
 * looks for it (the run it started since the record); undefined when nothing shows, e.g. a
 * webhook, resent under the delivery id in the record so the receiver can drop a copy.
 */
async function effectOf(gh, s, record, ref) {
    const trigger = (0,registry/* triggerNamed */.KK)(record.rollback?.strategy ?? '');
    return trigger?.arrived(gh, s.rollback, ref, Date.parse(record.createdAt));
}
/** The releases/tags fallback (rollback.fallback): the newest semver release below the bad one not recorded bad. */
async function fallbackTarget(gh, s, finding, badVersion = s.version) {
    const source = s.rollback.fallback;
    if (source === 'none')
        return undefined;
    const list = source === 'releases' ? await (0,releases/* listReleases */.tH)(gh.client, gh.repo) : await (0,releases/* listTags */.cB)(gh.client, gh.repo);
    const pick = (0,judge/* pickRelease */.x8)(list, badVersion, finding.recordedBad);
    if (!pick)
        return undefined;
    const sha = pick.sha ?? (await (0,releases/* commitOf */.D3)(gh.client, gh.repo, pick.tag));
    return { version: pick.tag, sha, source: source === 'releases' ? 'release' : 'tag' };
}
function noTargetReason(s, f) {
    const read = f.complete ? `all ${f.examined} earlier deployment(s) of ${s.environment}` : `the newest ${f.examined} deployment(s) of ${s.environment}`;
    const fallback = s.rollback.fallback === 'none' ? ' (rollback.fallback is none)' : ` nor among the ${s.rollback.fallback} in semver order`;
    return `no good release to roll back to: none of ${read} reached success without being failed by deploy-guard${fallback}; nothing was sent`;
}
function environmentUrl(s) {
    const r = s.context.repository;
    return r ? `${s.context.serverUrl}/${r.owner}/${r.repo}/deployments/${encodeURIComponent(s.environment)}` : '';
}


/***/ }),

/***/ 32120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ sampleOnce)
/* harmony export */ });
/* harmony import */ var _checks_registry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1573);
/* harmony import */ var _engine_run_verification_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91607);
/* harmony import */ var _net_http_request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99451);



/** Every check sampled once, now (drill, and the look after a rollback): one round, no warm-up, no tolerance. */
async function sampleOnce(s, clock, cancel) {
    const startedAt = clock.now();
    const probes = s.verify.checks.map((c) => (0,_checks_registry_js__WEBPACK_IMPORTED_MODULE_0__/* .createProbe */ .fr)(c, {
        request: (r) => (0,_net_http_request_js__WEBPACK_IMPORTED_MODULE_2__/* .httpRequest */ .aj)({ maxBodyBytes: s.verify.maxBodyBytes, maxRedirects: s.verify.maxRedirects, ...r }),
        now: () => clock.now(),
        startedAt
    }));
    return (0,_engine_run_verification_js__WEBPACK_IMPORTED_MODULE_1__/* .runVerification */ .t)(probes, { ...s.verify, durationMs: 0, warmupMs: 0, failureLimit: 0 }, clock, cancel ? { cancel } : {});
}


/***/ }),

/***/ 81262:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  eh: () => (/* binding */ planDelivery),
  AC: () => (/* binding */ triggerFor),
  KK: () => (/* binding */ triggerNamed)
});

// EXTERNAL MODULE: ./src/facts/readiness.ts
var readiness = __webpack_require__(80671);
// EXTERNAL MODULE: ./src/text/clip.ts
var clip = __webpack_require__(29893);
// EXTERNAL MODULE: ./src/rollback/rollback-plan.ts
var rollback_plan = __webpack_require__(3312);
;// CONCATENATED MODULE: ./src/rollback/triggers/trigger.ts
/** The arrived() of a trigger whose effect GitHub cannot show. */
const nothingToLookFor = async () => undefined;

;// CONCATENATED MODULE: ./src/rollback/triggers/deployment.ts
// `rollback: deployment`: creates a new deployment of the good release for a deployer that acts
// on deployment events (PRODUCT.md section 5). The deployment is its own ledger record.




const deploymentTrigger = {
    name: 'deployment',
    // GITHUB_TOKEN's deployment starts no workflow run: give a PAT or App token as github-token.
    permissions: [],
    sends: true,
    usesRef: false,
    deliveryId: false,
    plan: (f) => ({
        strategy: 'deployment',
        where: `a new deployment of ${f.target.sha.slice(0, 12)} in ${f.environment}`,
        payload: {
            ref: f.target.sha,
            environment: f.environment,
            task: 'deploy',
            auto_merge: false,
            required_contexts: [...f.rollback.requiredContexts],
            production_environment: f.productionEnvironment,
            description: (0,clip/* clip */.$)(`deploy-guard: rollback of ${f.badVersion} to ${f.target.version}`),
            payload: (0,rollback_plan/* ledgerPayload */.Aw)(f)
        }
    }),
    record(f, planned) {
        const p = planned.payload;
        return {
            ref: f.target.sha,
            environment: f.environment,
            task: p.task,
            description: p.description,
            payload: (0,rollback_plan/* ledgerPayload */.Aw)(f),
            requiredContexts: p.required_contexts,
            productionEnvironment: f.productionEnvironment
        };
    },
    // Creating the record was the send.
    send: async (_f, planned) => planned,
    // Once the record exists the deployer has it: a claimed record is already delivered.
    arrived: nothingToLookFor,
    readiness: async () => [],
    listening(scanned) {
        const hit = scanned.find((w) => w.facts?.onDeployment);
        const items = [
            hit
                ? (0,readiness/* ready */.Gc)('trigger', `${hit.path} runs on deployment events`)
                : (0,readiness/* warning */.$e)('trigger', 'no workflow listens to deployment events', 'a deployer outside Actions must act on them, or add on: deployment to the deploy workflow')
        ];
        const defaultToken = scanned.flatMap((w) => w.facts?.guardJobs ?? []).some((j) => !j.ownToken && (j.mode === 'verify' || j.mode === 'auto'));
        if (hit && defaultToken) {
            items.push((0,readiness/* broken */.mw)('trigger', "the verify step uses the workflow's GITHUB_TOKEN: a deployment it creates starts no workflow run", 'pass a PAT or GitHub App token as github-token to the verify step'));
        }
        return items;
    }
};

;// CONCATENATED MODULE: ./src/rollback/triggers/none.ts
// `rollback: none` (and `auto` without a workflow): nothing is sent; verify still records,
// reports and opens the incident, and drill says a bad release would not be rolled back.


const nothing = () => {
    throw new Error('rollback: none sends nothing');
};
const noTrigger = {
    name: 'none',
    permissions: [],
    sends: false,
    usesRef: false,
    deliveryId: false,
    plan: nothing,
    send: nothing,
    arrived: nothingToLookFor,
    readiness: async () => [
        (0,readiness/* broken */.mw)('trigger', 'no rollback strategy is configured: a bad release would not be rolled back', 'set rollback-workflow (or rollback.strategy with its settings)')
    ]
};

// EXTERNAL MODULE: ./src/facts/permissions.ts
var permissions = __webpack_require__(61059);
// EXTERNAL MODULE: ./src/github/rollback-triggers.ts
var rollback_triggers = __webpack_require__(17585);
;// CONCATENATED MODULE: ./src/rollback/triggers/repository-dispatch.ts
// `rollback: repository-dispatch`: sends the repository_dispatch event deployers listen for (PRODUCT.md section 5).




/** The repository_dispatch event type deployers listen for (PRODUCT.md section 5). */
const DISPATCH_EVENT = 'deploy-guard-rollback';
const PERMISSIONS = [{ scope: 'contents', level: 'write', why: 'send the repository_dispatch rollback event (write includes read)' }];
const repositoryDispatchTrigger = {
    name: 'repository-dispatch',
    permissions: PERMISSIONS,
    sends: true,
    usesRef: false,
    deliveryId: false,
    plan: (f) => ({
        strategy: 'repository-dispatch',
        where: `repository_dispatch event ${DISPATCH_EVENT} in ${f.repository}`,
        payload: { event_type: DISPATCH_EVENT, client_payload: (0,rollback_plan/* payloadNames */.fC)(f) }
    }),
    async send(_f, planned, { gh }) {
        const payload = planned.payload.client_payload;
        await (0,rollback_triggers/* repositoryDispatch */.fY)(gh.client, gh.repo, DISPATCH_EVENT, payload, (0,permissions/* grantText */.un)(PERMISSIONS[0]));
        return planned;
    },
    async arrived(gh, _r, _ref, since) {
        const run = await (0,rollback_triggers/* repositoryDispatchRunSince */.ur)(gh.client, gh.repo, since);
        return run && `repository_dispatch run ${run.id}`;
    },
    readiness: async () => [],
    listening(scanned, ref) {
        const hit = scanned.find((w) => {
            const t = w.facts?.repositoryDispatch;
            return t === 'all' || t?.includes(DISPATCH_EVENT);
        });
        return hit
            ? [(0,readiness/* ready */.Gc)('trigger', `${hit.path} on ${ref} runs on repository_dispatch ${DISPATCH_EVENT}`)]
            : [
                (0,readiness/* warning */.$e)('trigger', `no workflow on ${ref} listens to repository_dispatch ${DISPATCH_EVENT}`, `add on: repository_dispatch: { types: [${DISPATCH_EVENT}] } to the deploy workflow, unless a deployer outside Actions receives it`)
            ];
    }
};

// EXTERNAL MODULE: ./src/net/http-request.ts + 4 modules
var http_request = __webpack_require__(99451);
// EXTERNAL MODULE: ./src/text/url-text.ts
var url_text = __webpack_require__(89696);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/rollback/webhook.ts


/** Header names deployers rely on (PRODUCT.md section 5). */
const SIGNATURE_HEADER = 'X-Deploy-Guard-Signature-256';
const DELIVERY_HEADER = 'X-Deploy-Guard-Delivery';
const EVENT_HEADER = 'X-Deploy-Guard-Event';
/** Pure: `sha256=<hex HMAC-SHA256 of the exact body bytes>`, the scheme of GitHub's X-Hub-Signature-256. */
function signature(body, secret) {
    return `sha256=${(0,external_node_crypto_.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
const PER_ATTEMPT_MS = 10_000;
const BACKOFF_MS = [1000, 2000, 4000, 8000];
/**
 * POSTs the JSON body, signed, until a 2xx answers: at most `attempts` tries, all within
 * `totalTimeoutMs`, backing off between them. The delivery id is the same on every retry so the
 * receiver can drop duplicates. A redirect is not followed (the signature and any credentials
 * in the URL stay with the configured receiver); it counts as a failed attempt.
 */
async function deliverWebhook(w, body, event, deps) {
    const delivery = (deps.uuid ?? external_node_crypto_.randomUUID)();
    const headers = {
        'content-type': 'application/json',
        [SIGNATURE_HEADER]: signature(body, w.secret),
        [DELIVERY_HEADER]: delivery,
        [EVENT_HEADER]: event
    };
    const deadline = deps.clock.now() + w.totalTimeoutMs;
    const attempts = [];
    let answer;
    for (let i = 0; i < w.attempts; i++) {
        const left = deadline - deps.clock.now();
        if (left <= 0)
            break;
        const started = deps.clock.now();
        try {
            const res = await deps.request({
                url: w.url,
                method: 'POST',
                headers,
                body,
                timeoutMs: Math.min(PER_ATTEMPT_MS, left),
                maxBodyBytes: 4096,
                maxRedirects: 0
            });
            answer = res.body.slice(0, 200);
            attempts.push({ status: res.status, ms: deps.clock.now() - started });
            if (res.status >= 200 && res.status < 300)
                return { ok: true, delivery, attempts, answer };
        }
        catch (e) {
            attempts.push({ error: (0,message_of/* messageOf */.b)(e), ms: deps.clock.now() - started });
        }
        const pause = BACKOFF_MS[Math.min(i, BACKOFF_MS.length - 1)];
        if (i + 1 < w.attempts && deadline - deps.clock.now() > pause)
            await deps.clock.sleep(pause);
        else if (i + 1 < w.attempts)
            break;
    }
    return { ok: false, delivery, attempts, ...(answer !== undefined && { answer }) };
}
/** Pure: one line per attempt, e.g. `500 after 12 ms; 200 after 8 ms`. */
function attemptsText(r) {
    return r.attempts.map((a) => `${a.status ?? a.error ?? '?'} after ${Math.round(a.ms)} ms`).join('; ');
}

;// CONCATENATED MODULE: ./src/rollback/triggers/webhook.ts
// `rollback: webhook`: POSTs a signed JSON rollback to Argo CD, Spinnaker or an in-house
// deployer (PRODUCT.md section 5); drill sends it a signed ping.






const webhookTrigger = {
    name: 'webhook',
    permissions: [],
    sends: true,
    usesRef: false,
    deliveryId: true,
    drillNote: ', and one signed `action: "ping"` to the webhook',
    plan: (f) => ({
        strategy: 'webhook',
        where: `POST ${(0,url_text/* urlText */.x)(f.rollback.webhook?.url ?? '', { query: false })}`,
        payload: { action: 'rollback', repository: f.repository, ...(0,rollback_plan/* payloadNames */.fC)(f) }
    }),
    async send(f, planned, { clock }) {
        if (!f.rollback.webhook)
            throw new Error('no webhook configured');
        // The delivery id is in the ledger: a re-run resending an unconfirmed delivery reuses it, so the receiver can drop the copy.
        const id = f.delivery;
        const result = await deliverWebhook(f.rollback.webhook, JSON.stringify(planned.payload), 'rollback', {
            clock,
            request: http_request/* httpRequest */.aj,
            ...(id && { uuid: () => id })
        });
        const webhook = { delivery: result.delivery, attempts: attemptsText(result) };
        if (!result.ok)
            throw Object.assign(new Error(`the webhook did not answer 2xx (${webhook.attempts})`), { webhook });
        return { ...planned, webhook };
    },
    // Its effect is outside GitHub: it is sent again under the delivery id in the record, so the receiver can drop a copy.
    arrived: nothingToLookFor,
    async readiness({ settings: s, clock, runUrl }) {
        const w = s.rollback.webhook;
        if (!w)
            return [];
        const c = s.context;
        const body = JSON.stringify({
            action: 'ping',
            repository: c.repository ? `${c.repository.owner}/${c.repository.repo}` : '',
            environment: s.environment,
            run_url: runUrl
        });
        const result = await deliverWebhook(w, body, 'ping', { clock, request: http_request/* httpRequest */.aj });
        return result.ok
            ? [(0,readiness/* ready */.Gc)('trigger', `the webhook answered a signed ping (delivery ${result.delivery}: ${attemptsText(result)})`)]
            : [
                (0,readiness/* broken */.mw)('trigger', `the webhook did not answer a signed ping with 2xx (${attemptsText(result)})`, 'check rollback.webhook.url and that the receiver verifies X-Deploy-Guard-Signature-256 with rollback.webhook.secret and answers 2xx to action "ping"')
            ];
    }
};

// EXTERNAL MODULE: ./src/rollback/workflow-yaml.ts
var workflow_yaml = __webpack_require__(20211);
;// CONCATENATED MODULE: ./src/rollback/triggers/workflow.ts
// `rollback: workflow`: dispatches the deploy workflow with the good version (PRODUCT.md section 5).





const workflow_PERMISSIONS = [{ scope: 'actions', level: 'write', why: 'dispatch the rollback workflow (write includes reading the logs)' }];
const workflowTrigger = {
    name: 'workflow',
    permissions: workflow_PERMISSIONS,
    sends: true,
    usesRef: true,
    deliveryId: false,
    plan: (f) => ({
        strategy: 'workflow',
        where: `workflow ${f.rollback.workflow} on ${f.ref}`,
        payload: { ref: f.ref, inputs: { [f.rollback.workflowInput]: f.target.version } }
    }),
    async send(f, planned, { gh, clock }) {
        const r = f.rollback;
        const run = await (0,rollback_triggers/* dispatchWorkflow */["in"])(gh.client, gh.repo, {
            workflow: r.workflow,
            ref: f.ref,
            inputs: { [r.workflowInput]: f.target.version },
            versionInput: r.workflowInput,
            permission: (0,permissions/* grantText */.un)(workflow_PERMISSIONS[0])
        }, clock.now(), (ms) => clock.sleep(ms));
        return { ...planned, ...(run && { run }) };
    },
    async arrived(gh, r, ref, since) {
        const run = await (0,rollback_triggers/* dispatchedRunSince */.$s)(gh.client, gh.repo, { workflow: r.workflow, ref }, since);
        return run && `run ${run.id}`;
    },
    readiness: (ctx) => checkWorkflow(ctx.files, ctx.settings.rollback, ctx.settings.rollback.ref || ctx.branch)
};
/** The rollback workflow exists, is active, and declares the version input on the rollback ref. */
async function checkWorkflow(files, r, ref) {
    const wf = await files.workflow(r.workflow);
    if (!wf)
        return [(0,readiness/* broken */.mw)('trigger', `no workflow ${r.workflow} in the repository`, 'check rollback-workflow (the file name under .github/workflows/)')];
    if (wf.state !== 'active')
        return [(0,readiness/* broken */.mw)('trigger', `workflow ${r.workflow} is ${wf.state}`, `enable it (gh workflow enable ${r.workflow})`)];
    const text = await files.text(wf.path, ref);
    if (text === undefined)
        return [
            (0,readiness/* broken */.mw)('trigger', `${wf.path} does not exist on ${ref} (or the drill's token lacks contents: read)`, 'set rollback-ref to a branch or tag that has the workflow')
        ];
    let facts;
    try {
        facts = (0,workflow_yaml/* workflowFacts */.N)((await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19))).parse(text));
    }
    catch (e) {
        return [(0,readiness/* broken */.mw)('trigger', `${wf.path} on ${ref} is not valid YAML: ${(0,message_of/* messageOf */.b)(e).split('\n')[0]}`, 'fix the workflow file')];
    }
    if (!facts.dispatchInputs)
        return [(0,readiness/* broken */.mw)('trigger', `${wf.path} on ${ref} has no on: workflow_dispatch trigger`, `add on: workflow_dispatch with the input ${r.workflowInput}`)];
    if (!(r.workflowInput in facts.dispatchInputs)) {
        return [
            (0,readiness/* broken */.mw)('trigger', `${wf.path} on ${ref} declares no workflow_dispatch input ${r.workflowInput}`, `add inputs: { ${r.workflowInput}: { required: true } } under on.workflow_dispatch, or set rollback.workflow-input`)
        ];
    }
    const others = Object.entries(facts.dispatchInputs)
        .filter(([k, v]) => k !== r.workflowInput && v.required && !v.hasDefault)
        .map(([k]) => k);
    if (others.length)
        return [
            (0,readiness/* broken */.mw)('trigger', `${wf.path} on ${ref} requires input(s) ${others.join(', ')}, which the rollback does not send`, 'give them a default or make them optional')
        ];
    return [(0,readiness/* ready */.Gc)('trigger', `workflow ${wf.path} on ${ref} can be dispatched with input ${r.workflowInput}`)];
}

;// CONCATENATED MODULE: ./src/rollback/triggers/registry.ts





/**
 * Every rollback trigger by its strategy name. Adding one: its file here, one line below, its
 * line in settings/trigger-sections.ts, its schema definition and docs. The compiler fails when
 * a strategy of the settings has no trigger, or one under another strategy's name.
 */
const TRIGGERS = {
    none: noTrigger,
    workflow: workflowTrigger,
    'repository-dispatch': repositoryDispatchTrigger,
    deployment: deploymentTrigger,
    webhook: webhookTrigger
};
/** The trigger of a strategy the settings validated. */
function triggerFor(strategy) {
    return TRIGGERS[strategy];
}
/** The trigger named in a ledger record (written by any version of the action); undefined when unknown. */
function triggerNamed(name) {
    return Object.hasOwn(TRIGGERS, name) ? TRIGGERS[name] : undefined;
}
/** Pure: the request the strategy in force sends, with the names of PRODUCT.md section 5. */
function planDelivery(f) {
    return triggerFor(f.rollback.strategy).plan(f);
}


/***/ }),

/***/ 20211:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ missingPermissions),
/* harmony export */   N: () => (/* binding */ workflowFacts)
/* harmony export */ });
/** GITHUB_TOKEN permission levels, weakest first. */
const LEVELS = ['none', 'read', 'write'];
const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const DEFAULT_TOKEN = /^\$\{\{\s*(github\.token|secrets\.GITHUB_TOKEN)\s*\}\}$/;
/** Pure: the facts of a parsed workflow file (YAML 1.2, so `on` is a key, not `true`). */
function workflowFacts(doc) {
    const w = isMap(doc) ? doc : {};
    const on = triggers(w.on);
    const dispatch = on.get('workflow_dispatch');
    const repoDispatch = on.get('repository_dispatch');
    const inputs = isMap(dispatch) && isMap(dispatch.inputs) ? dispatch.inputs : {};
    const types = isMap(repoDispatch) ? repoDispatch.types : undefined;
    return {
        ...(on.has('workflow_dispatch') && {
            dispatchInputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, { required: isMap(v) && v.required === true, hasDefault: isMap(v) && v.default !== undefined }]))
        }),
        ...(on.has('repository_dispatch') && { repositoryDispatch: Array.isArray(types) ? types.map(String) : typeof types === 'string' ? [types] : 'all' }),
        onDeployment: on.has('deployment'),
        guardJobs: guardJobs(w)
    };
}
/** `on:` as a string, a list or a map, to event name -> its configuration. */
function triggers(on) {
    if (typeof on === 'string')
        return new Map([[on, null]]);
    if (Array.isArray(on))
        return new Map(on.map((e) => [String(e), null]));
    return new Map(isMap(on) ? Object.entries(on) : []);
}
function guardJobs(w) {
    const top = permissionsOf(w.permissions);
    const out = [];
    for (const [job, j] of Object.entries(isMap(w.jobs) ? w.jobs : {})) {
        if (!isMap(j) || !Array.isArray(j.steps))
            continue;
        for (const step of j.steps) {
            if (!isMap(step) || typeof step.uses !== 'string' || !/(^|\/)deploy-guard(@|\/|$)/i.test(step.uses))
                continue;
            const input = isMap(step.with) ? step.with : {};
            const token = input['github-token'];
            out.push({
                job,
                mode: typeof input.mode === 'string' ? input.mode : 'auto',
                permissions: j.permissions !== undefined ? permissionsOf(j.permissions) : top,
                ownToken: typeof token === 'string' && !DEFAULT_TOKEN.test(token.trim())
            });
        }
    }
    return out;
}
function permissionsOf(p) {
    if (p === undefined || p === null)
        return 'default';
    // `*` stands for every scope.
    if (p === 'write-all')
        return { '*': 'write' };
    if (p === 'read-all')
        return { '*': 'read' };
    if (!isMap(p))
        return {};
    return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, LEVELS.includes(String(v)) ? v : 'none']));
}
/**
 * Pure: the needs (`actions: write`) a permissions block does not grant. A declared block
 * grants nothing it does not name; `default` is decided by the repository's settings, so
 * nothing can be said from the file.
 */
function missingPermissions(needed, granted) {
    if (granted === 'default')
        return 'unknown';
    return needed.filter((need) => {
        const [scope, level] = need.split(':').map((x) => x.trim());
        return LEVELS.indexOf(granted[scope] ?? granted['*'] ?? 'none') < LEVELS.indexOf(level);
    });
}


/***/ })

};

//# sourceMappingURL=853.index.js.map