export const id = 452;
export const ids = [452];
export const modules = {

/***/ 64685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ PER_PAGE),
/* harmony export */   u: () => (/* binding */ DeploymentHistory)
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
        ...(typeof g.delivery === 'string' && { delivery: g.delivery })
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
            const j = (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .judge */ .S4)(await h.statuses(d.id));
            if (j.guardFailed)
                for (const k of keys)
                    recordedBad.add(k);
            else if (j.good)
                target = { version: (0,_judge_js__WEBPACK_IMPORTED_MODULE_1__/* .versionOfDeployment */ .Vw)(d), sha: d.sha, source: 'deployment', deploymentId: d.id };
        }
        if (list.length < _github_deployment_history_js__WEBPACK_IMPORTED_MODULE_0__/* .PER_PAGE */ .E) {
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

/** Status descriptions deploy-guard writes start with this (verify/verify.ts). */
const GUARD = /^deploy-guard\b/;
/**
 * Pure: judges a deployment by its statuses. GitHub marks older deployments `inactive` when a
 * newer one succeeds (auto_inactive), and only ever after a success: an `inactive` with no
 * failure or error is a release that was good once, even when its success status is not listed.
 */
function judge(statuses) {
    const guardFailed = statuses.some((s) => s.state === 'failure' && GUARD.test(s.description));
    const succeeded = statuses.some((s) => s.state === 'success');
    const retired = statuses.some((s) => s.state === 'inactive') && !statuses.some((s) => s.state === 'failure' || s.state === 'error');
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
/* harmony export */   IV: () => (/* binding */ DISPATCH_EVENT),
/* harmony export */   eh: () => (/* binding */ planDelivery),
/* harmony export */   oN: () => (/* binding */ RECORD_TASK)
/* harmony export */ });
/* harmony import */ var _text_clip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29893);
/* harmony import */ var _text_url_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89696);


/** The repository_dispatch event type deployers listen for (PRODUCT.md section 5). */
const DISPATCH_EVENT = 'deploy-guard-rollback';
/** Task of the deployment that records a rollback sent another way; deployers act on task `deploy` only. */
const RECORD_TASK = 'deploy-guard:rollback';
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
/** Pure: the request the strategy sends, with the names of PRODUCT.md section 5. */
function planDelivery(f) {
    const names = { environment: f.environment, bad_version: f.badVersion, good_version: f.target.version, good_sha: f.target.sha, run_url: f.runUrl };
    const r = f.rollback;
    switch (r.strategy) {
        case 'workflow':
            return { strategy: 'workflow', where: `workflow ${r.workflow} on ${f.ref}`, payload: { ref: f.ref, inputs: { [r.workflowInput]: f.target.version } } };
        case 'repository-dispatch':
            return {
                strategy: 'repository-dispatch',
                where: `repository_dispatch event ${DISPATCH_EVENT} in ${f.repository}`,
                payload: { event_type: DISPATCH_EVENT, client_payload: names }
            };
        case 'deployment':
            return {
                strategy: 'deployment',
                where: `a new deployment of ${f.target.sha.slice(0, 12)} in ${f.environment}`,
                payload: {
                    ref: f.target.sha,
                    environment: f.environment,
                    task: 'deploy',
                    auto_merge: false,
                    required_contexts: [...r.requiredContexts],
                    production_environment: f.productionEnvironment,
                    description: (0,_text_clip_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$)(`deploy-guard: rollback of ${f.badVersion} to ${f.target.version}`),
                    payload: ledgerPayload(f)
                }
            };
        case 'webhook':
            return {
                strategy: 'webhook',
                where: `POST ${(0,_text_url_text_js__WEBPACK_IMPORTED_MODULE_1__/* .urlText */ .x)(r.webhook?.url ?? '', { query: false })}`,
                payload: { action: 'rollback', repository: f.repository, ...names }
            };
        case 'none':
            throw new Error('planDelivery: no strategy');
    }
}


/***/ }),

/***/ 98452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ fallbackTarget),
  rollBack: () => (/* binding */ rollBack)
});

// EXTERNAL MODULE: ./src/github/deployment-history.ts
var deployment_history = __webpack_require__(64685);
// EXTERNAL MODULE: ./src/github/releases.ts
var releases = __webpack_require__(23425);
// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
;// CONCATENATED MODULE: ./src/rollback/decide.ts
/**
 * Pure: PRODUCT.md sections 2, 4 and 5. A failed verdict (checks failed, or the deploy job
 * failed) rolls back; an inconclusive one only when `verify.on-inconclusive.rollback` says so (a
 * monitoring outage is not evidence); a cancelled or skipped deploy only when configured; a
 * cancelled run never.
 */
function decideRollback(f) {
    const no = (reason, quiet = false) => ({ go: false, reason, quiet });
    if (f.cancelled)
        return no('the run was cancelled: nothing is rolled back');
    if (f.deployResult === 'cancelled' || f.deployResult === 'skipped') {
        const configured = f.deployResult === 'cancelled' ? f.rollback.onDeployCancelled : f.rollback.onDeploySkipped;
        if (!configured)
            return no(`the deploy job was ${f.deployResult}; rollback.on-deploy-${f.deployResult} is false`, true);
    }
    else if (f.result === 'passed' || f.result === 'skipped') {
        return no(`the release ${f.result}`, true);
    }
    else if (f.result === 'inconclusive' && !f.rollbackOnInconclusive) {
        return no('the verdict is inconclusive, which is not evidence that the release is bad (verify.on-inconclusive.rollback is false)');
    }
    if (f.rollback.strategy === 'none')
        return no('no rollback strategy is configured (rollback: none; set rollback-workflow or rollback.strategy)');
    return { go: true };
}

// EXTERNAL MODULE: ./src/rollback/find-last-good.ts
var find_last_good = __webpack_require__(89714);
// EXTERNAL MODULE: ./src/rollback/judge.ts
var judge = __webpack_require__(1667);
// EXTERNAL MODULE: ./src/rollback/rollback-plan.ts
var rollback_plan = __webpack_require__(3312);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/github/safe-write.ts
var safe_write = __webpack_require__(39080);
;// CONCATENATED MODULE: ./src/github/rollback-triggers.ts


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
            if ((0,errors/* statusOf */.c2)(e) !== 422 || !/return_run_details/.test((0,errors/* apiMessage */.SX)(e)))
                throw e;
            res = await send(false);
        }
        const data = res.data;
        return res.status === 200 && data?.workflow_run_id ? { id: data.workflow_run_id, url: data.html_url ?? '' } : null;
    };
    let run;
    try {
        run = await (0,safe_write/* safeWrite */.TC)(gh.writes, {
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
    const since = new Date(sentAt - 10_000).toISOString();
    for (const wait of [0, 1000, 2000]) {
        if (wait)
            await sleep(wait);
        try {
            const { data } = await gh.rest.actions.listWorkflowRuns({
                ...repo,
                workflow_id: d.workflow,
                event: 'workflow_dispatch',
                branch: d.ref.replace(/^refs\/(heads|tags)\//, ''),
                per_page: 5
            });
            const run = data.workflow_runs.find((r) => Date.parse(r.created_at) >= Date.parse(since));
            if (run)
                return { id: run.id, url: run.html_url };
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
    const status = (0,errors/* statusOf */.c2)(e);
    const message = (0,errors/* apiMessage */.SX)(e);
    if (status === 422 && /unexpected inputs|required input/i.test(message)) {
        return new errors/* GitHubCallError */._6(what, 422, `${what} failed (422): ${message}. The workflow must declare the input \`${d.versionInput}\` under \`on: workflow_dispatch: inputs:\` on ${d.ref} ` +
            '(or set rollback.workflow-input to the input it declares).');
    }
    if (status === 422 && /disabled/i.test(message)) {
        return new errors/* GitHubCallError */._6(what, 422, `${what} failed (422): ${message}. Enable it: \`gh workflow enable ${d.workflow}\`, or Enable workflow on its page in the Actions tab.`);
    }
    if (status === 422 && /workflow_dispatch/i.test(message)) {
        return new errors/* GitHubCallError */._6(what, 422, `${what} failed (422): ${message}. Add \`on: workflow_dispatch\` with the input \`${d.versionInput}\` to ${d.workflow} on ${d.ref}.`);
    }
    if (status === 422 && /no ref found/i.test(message)) {
        return new errors/* GitHubCallError */._6(what, 422, `${what} failed (422): ${message}. Set rollback-ref to a branch or tag that exists.`);
    }
    if (status === 404) {
        return new errors/* GitHubCallError */._6(what, 404, `${what} failed (404): no workflow ${d.workflow} in this repository, or the token may not see it: check rollback-workflow, and add \`actions: write\` to the workflow's \`permissions:\` block.`);
    }
    return (0,errors/* explain */.WE)(what, e, 'actions: write');
}
/**
 * Sends the repository_dispatch event `event_type` with the client payload. An attempt that
 * got no answer is looked for as a repository_dispatch run created since (a deployer on
 * Actions starts one) before it is sent again; the payload's `delivery` id lets any other
 * deployer drop a second copy.
 */
async function repositoryDispatch(gh, repo, eventType, clientPayload) {
    try {
        await (0,safe_write/* safeWrite */.TC)(gh.writes, {
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
        throw (0,errors/* explain */.WE)(`sending the repository_dispatch event ${eventType}`, e, 'contents: write');
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
        throw (0,errors/* explain */.WE)(`reading workflow run ${id}`, e, 'actions: read');
    }
}

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
    let state = await workflowRunState(gh.client, gh.repo, run.id);
    while (state.status !== 'completed') {
        if (clock.now() + wait.pollMs > deadline) {
            return {
                state: 'not restored',
                reason: `the rollback run ${run.id} did not finish within ${(0,parse/* formatDuration */.a3)(wait.timeoutMs)} (rollback.wait.timeout); it is ${state.status}`
            };
        }
        await clock.sleep(wait.pollMs);
        state = await workflowRunState(gh.client, gh.repo, run.id);
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
// EXTERNAL MODULE: ./src/net/http-request.ts + 4 modules
var http_request = __webpack_require__(99451);
// EXTERNAL MODULE: ./src/rollback/webhook.ts
var rollback_webhook = __webpack_require__(80745);
;// CONCATENATED MODULE: ./src/rollback/rollback-ledger.ts
/** Descriptions of the record's statuses; `confirmed` and `duplicate` are read back by recordState. */
const RECORD_TEXT = {
    sent: (bad, good, strategy) => `deploy-guard: rollback of ${bad} to ${good} sent (${strategy})`,
    confirmed: (bad, good, proof) => `deploy-guard: rollback of ${bad} to ${good} confirmed: ${proof}`,
    failed: (error) => `deploy-guard: rollback could not be sent: ${error}`,
    duplicate: (winner) => `deploy-guard: duplicate; deployment ${winner} of this run rolls back`
};
/**
 * Pure: the state of a rollback record from its statuses, newest first. For the `deployment`
 * strategy the record is the trigger itself: once it exists, the deployer has it.
 */
function recordState(statuses, strategy) {
    const latest = statuses[0];
    if (!latest)
        return strategy === 'deployment' ? 'confirmed' : 'claimed';
    switch (latest.state) {
        case 'error':
            return 'failed';
        case 'inactive':
            return /^deploy-guard: duplicate\b/.test(latest.description) ? 'duplicate' : 'confirmed';
        case 'queued':
        case 'pending':
            return /^deploy-guard: rollback .* confirmed: /.test(latest.description) || strategy === 'deployment' ? 'confirmed' : 'sent';
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








const message = (e) => (0,message_of/* messageOf */.b)(e);
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
            return { kind: 'failed', error: message(e), delivery: planned };
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
        sent = await deliver(f, withRecord, deps);
    }
    catch (e) {
        const error = message(e);
        // An outcome GitHub left unknown stays `claimed`: a re-run looks for its effect before sending.
        if (e.outcomeUnknown)
            return { kind: 'failed', error: `${error}; a re-run looks for it before sending`, delivery: withRecord };
        await (0,deployments/* markDeployment */.tt)(gh.client, gh.repo, recordId, 'error', RECORD_TEXT.failed(error), f.runUrl).catch(() => { });
        const webhook = e.webhook;
        return { kind: 'failed', error, delivery: { ...withRecord, ...(webhook && { webhook }) } };
    }
    const sentAt = deps.clock.now();
    if (sent.strategy !== 'deployment') {
        const description = sent.run
            ? RECORD_TEXT.confirmed(f.badVersion, f.target.version, `run ${sent.run.id}`)
            : RECORD_TEXT.sent(f.badVersion, f.target.version, sent.strategy);
        await (0,deployments/* markDeployment */.tt)(gh.client, gh.repo, recordId, 'queued', description, sent.run?.url || f.runUrl).catch((e) => log.warning(`The rollback was sent, but its record could not be updated (a re-run looks for its effect before sending again): ${message(e)}`, {
            title: 'deploy-guard: rollback'
        }));
    }
    return { kind: 'sent', delivery: sent, sentAt };
}
/** The record deployment: the trigger itself for the deployment strategy, a record with its own task for the others. */
function recordOf(f, planned) {
    if (planned.strategy === 'deployment') {
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
    }
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
async function deliver(f, planned, deps) {
    const { gh, clock } = deps;
    const r = f.rollback;
    switch (planned.strategy) {
        case 'workflow': {
            const run = await dispatchWorkflow(gh.client, gh.repo, { workflow: r.workflow, ref: f.ref, inputs: { [r.workflowInput]: f.target.version }, versionInput: r.workflowInput }, clock.now(), (ms) => clock.sleep(ms));
            return { ...planned, ...(run && { run }) };
        }
        case 'repository-dispatch':
            await repositoryDispatch(gh.client, gh.repo, rollback_plan/* DISPATCH_EVENT */.IV, planned.payload.client_payload);
            return planned;
        case 'deployment':
            return planned;
        case 'webhook': {
            if (!r.webhook)
                throw new Error('no webhook configured');
            // The delivery id is in the ledger: a re-run resending an unconfirmed delivery reuses it, so the receiver can drop the copy.
            const id = f.delivery;
            const result = await (0,rollback_webhook/* deliverWebhook */.hf)(r.webhook, JSON.stringify(planned.payload), 'rollback', {
                clock,
                request: http_request/* httpRequest */.aj,
                ...(id && { uuid: () => id })
            });
            const webhook = { delivery: result.delivery, attempts: (0,rollback_webhook/* attemptsText */.MV)(result) };
            if (!result.ok)
                throw Object.assign(new Error(`the webhook did not answer 2xx (${webhook.attempts})`), { webhook });
            return { ...planned, webhook };
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/rollback/rollback-step.ts














const rollback_step_message = (e) => (0,message_of/* messageOf */.b)(e);
/**
 * The rollback of PRODUCT.md section 5, run by verify's follow-ups after the deployment status:
 * decide, find the last good release, make sure this release is not itself a rollback and this
 * run has not rolled it back already (both read from GitHub Deployments, never from memory),
 * then record and send, or in a dry run show exactly what would be sent. Never throws.
 */
async function rollBack(input) {
    const s = input.settings;
    const decision = decideRollback({
        result: input.result,
        deployResult: s.deployResult,
        cancelled: input.cancelled,
        rollbackOnInconclusive: s.verify.rollbackOnInconclusive,
        rollback: s.rollback
    });
    const base = { triggered: false, strategy: s.rollback.strategy, fromVersion: s.version, failed: false, rollbackOfRollback: false };
    if (!decision.go)
        return decision.quiet ? { actions: [] } : { outcome: { ...base, reason: decision.reason }, actions: [] };
    const step = await input.log.group(`Rolling back ${s.version} in ${s.environment} (${s.rollback.strategy})`, async () => {
        try {
            return await rollBackNow(input, base);
        }
        catch (e) {
            return {
                outcome: { ...base, failed: true, reason: `the rollback failed: ${rollback_step_message(e)}` },
                actions: [{ what: 'could not roll back', ok: false, detail: rollback_step_message(e) }]
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
    const history = new deployment_history/* DeploymentHistory */.u(gh.client, gh.repo, s.environment);
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
    let knownRef;
    const refOf = async () => (knownRef ??= s.rollback.strategy === 'workflow' ? s.rollback.ref || s.context.defaultBranch || (await (0,releases/* defaultBranch */.OR)(gh.client, gh.repo)) : '');
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
            const error = `attempt ${r?.runAttempt} recorded the rollback (deployment ${mine.record.id}) but not whether it went out, and looking for its effect failed: ${rollback_step_message(e)}; nothing was sent, so as not to send it twice`;
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
    const delivery = resume?.rollback?.delivery ?? (s.rollback.strategy === 'webhook' ? (0,external_node_crypto_.randomUUID)() : undefined);
    const facts = planFacts(s, input, target, await refOf(), delivery);
    const planned = (0,rollback_plan/* planDelivery */.eh)(facts);
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
    const url = d.run?.url || (d.strategy === 'deployment' ? environmentUrl(s) : '');
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
        reason: `the wait failed: ${rollback_step_message(e)}`
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
 * Where a claimed rollback's effect shows, when it went out: the rollback workflow's run, or a
 * repository_dispatch run, created since the record. A webhook's effect is outside GitHub: it
 * is sent again under the delivery id in the record, so the receiver can drop a copy.
 */
async function effectOf(gh, s, record, ref) {
    const since = Date.parse(record.createdAt);
    switch (record.rollback?.strategy) {
        case 'workflow': {
            const run = await dispatchedRunSince(gh.client, gh.repo, { workflow: s.rollback.workflow, ref }, since);
            return run && `run ${run.id}`;
        }
        case 'repository-dispatch': {
            const run = await repositoryDispatchRunSince(gh.client, gh.repo, since);
            return run && `repository_dispatch run ${run.id}`;
        }
        default:
            return undefined;
    }
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

/***/ 80745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MV: () => (/* binding */ attemptsText),
/* harmony export */   hf: () => (/* binding */ deliverWebhook)
/* harmony export */ });
/* unused harmony exports SIGNATURE_HEADER, DELIVERY_HEADER, EVENT_HEADER, signature */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _values_message_of_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55559);


/** Header names deployers rely on (PRODUCT.md section 5). */
const SIGNATURE_HEADER = 'X-Deploy-Guard-Signature-256';
const DELIVERY_HEADER = 'X-Deploy-Guard-Delivery';
const EVENT_HEADER = 'X-Deploy-Guard-Event';
/** Pure: `sha256=<hex HMAC-SHA256 of the exact body bytes>`, the scheme of GitHub's X-Hub-Signature-256. */
function signature(body, secret) {
    return `sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', secret).update(body, 'utf8').digest('hex')}`;
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
    const delivery = (deps.uuid ?? node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
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
            attempts.push({ error: (0,_values_message_of_js__WEBPACK_IMPORTED_MODULE_1__/* .messageOf */ .b)(e), ms: deps.clock.now() - started });
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


/***/ })

};

//# sourceMappingURL=452.index.js.map