export const id = 679;
export const ids = [679];
export const modules = {

/***/ 87679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/github/deployment-history.ts
var deployment_history = __webpack_require__(64685);
// EXTERNAL MODULE: ./src/github/releases.ts
var releases = __webpack_require__(23425);
// EXTERNAL MODULE: ./src/github/workflow-files.ts
var workflow_files = __webpack_require__(45412);
// EXTERNAL MODULE: ./src/rollback/sample-once.ts
var sample_once = __webpack_require__(32120);
// EXTERNAL MODULE: ./src/net/http-request.ts + 4 modules
var http_request = __webpack_require__(99451);
// EXTERNAL MODULE: ./src/rollback/find-last-good.ts
var find_last_good = __webpack_require__(89714);
// EXTERNAL MODULE: ./src/rollback/rollback-plan.ts
var rollback_plan = __webpack_require__(3312);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(86590);
;// CONCATENATED MODULE: ./src/drill/readiness.ts

const ready = (area, what) => ({ area, status: 'ready', what });
const broken = (area, what, fix) => ({ area, status: 'broken', what, fix });
const warning = (area, what, fix) => ({ area, status: 'warning', what, fix });
/** Pure: ready unless an item is broken; warnings inform, they do not fail the drill. */
function drillResult(items) {
    return items.some((i) => i.status === 'broken') ? 'failed' : 'passed';
}
const TITLES = {
    checks: 'Checks (each sampled once)',
    history: 'Last good release',
    trigger: 'Rollback trigger',
    permissions: 'Token permissions for the failure path'
};
/** Pure: the job summary of a drill: a readiness checklist, each broken line naming what to fix. */
function renderDrill(r) {
    const title = r.result === 'passed' ? '## ✅ deploy-guard drill: ready to recover' : '## ❌ deploy-guard drill: recovery would not work today';
    const facts = `**Environment** \`${(0,markdown/* inline */.mG)(r.environment)}\` · **strategy** \`${(0,markdown/* inline */.mG)(r.strategy)}\`` +
        (r.rollbackVersion ? ` · **a rollback now would redeploy** \`${(0,markdown/* inline */.mG)(r.rollbackVersion)}\`` : '');
    const sections = Object.keys(TITLES).flatMap((area) => {
        const items = r.items.filter((i) => i.area === area);
        return items.length ? [`### ${TITLES[area]}`, items.map(line).join('\n')] : [];
    });
    const broken = r.items.filter((i) => i.status === 'broken').length;
    const tail = `Nothing was changed: drill sent ${r.githubRequests} request(s) to GitHub, all reads${r.strategy === 'webhook' ? ', and one signed `action: "ping"` to the webhook' : ''}.` +
        (broken ? ` **${broken} item(s) to fix.**` : '');
    const footer = r.runUrl ? `<sub>${(0,markdown/* link */.nf)('workflow run', r.runUrl)} · deploy-guard drill</sub>` : '';
    return [title, facts, ...sections, tail, footer].filter(Boolean).join('\n\n') + '\n';
}
function line(i) {
    if (i.status === 'ready')
        return `- [x] ${(0,markdown/* inline */.mG)(i.what)}`;
    const icon = i.status === 'broken' ? '❌' : '⚠️';
    return `- [ ] ${icon} ${(0,markdown/* inline */.mG)(i.what)}${i.fix ? ` — **${i.status === 'broken' ? 'fix' : 'check'}:** ${(0,markdown/* inline */.mG)(i.fix)}` : ''}`;
}

// EXTERNAL MODULE: ./src/rollback/rollback-step.ts + 5 modules
var rollback_step = __webpack_require__(98452);
// EXTERNAL MODULE: ./src/rollback/webhook.ts
var webhook = __webpack_require__(80745);
;// CONCATENATED MODULE: ./src/rollback/workflow-yaml.ts
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

// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/drill/drill-checks.ts








const message = (e) => (0,message_of/* messageOf */.b)(e);
// Enough for any repository's deploy workflows; every file read is one GET.
const MAX_FILES = 10;
/**
 * The release a rollback would pick if the current deployment failed now: the current one is
 * the newest good deployment, the target the newest good one other than it (then the fallback).
 */
async function wouldRollBackTo(gh, history, s) {
    const current = (await (0,find_last_good/* findLastGood */.$)(history, { version: '\u0000no release' })).target;
    const finding = current
        ? await (0,find_last_good/* findLastGood */.$)(history, { version: current.version, ...(current.deploymentId !== undefined && { deploymentId: current.deploymentId }) })
        : undefined;
    const target = finding?.target ?? (await (0,rollback_step/* fallbackTarget */.W)(gh, s, finding ?? { recordedBad: new Set() }, current?.version ?? ''));
    const now = current
        ? `the current release is ${current.version} (deployment ${current.deploymentId})`
        : `no deployment of ${s.environment} reached success yet`;
    if (target) {
        const from = target.source === 'deployment' ? `deployment ${target.deploymentId}` : `the newest ${target.source} in semver order`;
        return { items: [ready('history', `${now}; a rollback would redeploy ${target.version} (${from}, ${target.sha.slice(0, 12)})`)], target };
    }
    const fix = s.rollback.fallback === 'none'
        ? 'deploy a release that passes verify, or set rollback.fallback to releases or tags'
        : `deploy a release that passes verify, or publish a semver ${s.rollback.fallback === 'releases' ? 'release' : 'tag'} below the current one`;
    return { items: [broken('history', `${now}; there is no earlier good release to roll back to`, fix)] };
}
/** The rollback workflow exists, is active, and declares the version input on the rollback ref. */
async function checkWorkflowTrigger(files, s, ref) {
    const r = s.rollback;
    const wf = await files.workflow(r.workflow);
    if (!wf)
        return [broken('trigger', `no workflow ${r.workflow} in the repository`, 'check rollback-workflow (the file name under .github/workflows/)')];
    if (wf.state !== 'active')
        return [broken('trigger', `workflow ${r.workflow} is ${wf.state}`, `enable it (gh workflow enable ${r.workflow})`)];
    const text = await files.text(wf.path, ref);
    if (text === undefined)
        return [
            broken('trigger', `${wf.path} does not exist on ${ref} (or the drill's token lacks contents: read)`, 'set rollback-ref to a branch or tag that has the workflow')
        ];
    let facts;
    try {
        facts = workflowFacts((await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19))).parse(text));
    }
    catch (e) {
        return [broken('trigger', `${wf.path} on ${ref} is not valid YAML: ${message(e).split('\n')[0]}`, 'fix the workflow file')];
    }
    if (!facts.dispatchInputs)
        return [broken('trigger', `${wf.path} on ${ref} has no on: workflow_dispatch trigger`, `add on: workflow_dispatch with the input ${r.workflowInput}`)];
    if (!(r.workflowInput in facts.dispatchInputs)) {
        return [
            broken('trigger', `${wf.path} on ${ref} declares no workflow_dispatch input ${r.workflowInput}`, `add inputs: { ${r.workflowInput}: { required: true } } under on.workflow_dispatch, or set rollback.workflow-input`)
        ];
    }
    const others = Object.entries(facts.dispatchInputs)
        .filter(([k, v]) => k !== r.workflowInput && v.required && !v.hasDefault)
        .map(([k]) => k);
    if (others.length)
        return [
            broken('trigger', `${wf.path} on ${ref} requires input(s) ${others.join(', ')}, which the rollback does not send`, 'give them a default or make them optional')
        ];
    return [ready('trigger', `workflow ${wf.path} on ${ref} can be dispatched with input ${r.workflowInput}`)];
}
/** Reads the active workflow files at the ref, at most MAX_FILES. */
async function scanWorkflows(files, ref) {
    const list = (await files.list()).filter((w) => w.state === 'active' && /\.ya?ml$/.test(w.path)).slice(0, MAX_FILES);
    const yaml = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    return Promise.all(list.map(async (w) => {
        try {
            const text = await files.text(w.path, ref);
            return text === undefined ? { path: w.path, error: `not on ${ref}` } : { path: w.path, facts: workflowFacts(yaml.parse(text)) };
        }
        catch (e) {
            return { path: w.path, error: message(e).split('\n')[0] };
        }
    }));
}
/** For repository-dispatch and deployment: which workflow would run on the event. */
function listenerItems(s, scanned, ref) {
    if (s.rollback.strategy === 'repository-dispatch') {
        const hit = scanned.find((w) => {
            const t = w.facts?.repositoryDispatch;
            return t === 'all' || t?.includes(rollback_plan/* DISPATCH_EVENT */.IV);
        });
        return hit
            ? [ready('trigger', `${hit.path} on ${ref} runs on repository_dispatch ${rollback_plan/* DISPATCH_EVENT */.IV}`)]
            : [
                warning('trigger', `no workflow on ${ref} listens to repository_dispatch ${rollback_plan/* DISPATCH_EVENT */.IV}`, `add on: repository_dispatch: { types: [${rollback_plan/* DISPATCH_EVENT */.IV}] } to the deploy workflow, unless a deployer outside Actions receives it`)
            ];
    }
    if (s.rollback.strategy !== 'deployment')
        return [];
    const hit = scanned.find((w) => w.facts?.onDeployment);
    const items = [
        hit
            ? ready('trigger', `${hit.path} runs on deployment events`)
            : warning('trigger', 'no workflow listens to deployment events', 'a deployer outside Actions must act on them, or add on: deployment to the deploy workflow')
    ];
    const defaultToken = scanned.flatMap((w) => w.facts?.guardJobs ?? []).some((j) => !j.ownToken && (j.mode === 'verify' || j.mode === 'auto'));
    if (hit && defaultToken) {
        items.push(broken('trigger', "the verify step uses the workflow's GITHUB_TOKEN: a deployment it creates starts no workflow run", 'pass a PAT or GitHub App token as github-token to the verify step'));
    }
    return items;
}
/** The permissions of each job that runs deploy-guard verify, against what the failure path calls. */
function permissionItems(s, scanned) {
    const needed = neededPermissions(s);
    const jobs = scanned.flatMap((w) => (w.facts?.guardJobs ?? []).filter((j) => j.mode === 'verify' || j.mode === 'auto').map((j) => ({ ...j, path: w.path })));
    if (!jobs.length) {
        return [
            warning('permissions', 'no job running deploy-guard in verify mode was found in the workflow files read', `give the verify job permissions: ${needed.join(', ')}`)
        ];
    }
    return jobs.map((j) => {
        const name = `job ${j.job} in ${j.path}`;
        if (j.ownToken)
            return warning('permissions', `${name} passes its own github-token`, `make sure that token may: ${needed.join(', ')}`);
        const missing = missingPermissions(needed, j.permissions);
        if (missing === 'unknown')
            return warning('permissions', `${name} declares no permissions: block, so it gets the repository's default token permissions (read-only unless changed)`, `add permissions: ${needed.join(', ')}`);
        if (missing.length)
            return broken('permissions', `${name} lacks ${missing.join(', ')}`, `add ${missing.map((m) => `\`${m}\``).join(', ')} to its permissions: block`);
        return ready('permissions', `${name} may ${needed.join(', ')}`);
    });
}
/** What the failure path calls: the ledger, the trigger, the incident issue. */
function neededPermissions(s) {
    const out = ['deployments: write'];
    if (s.rollback.strategy === 'workflow')
        out.push('actions: write');
    if (s.rollback.strategy === 'repository-dispatch')
        out.push('contents: write');
    if (s.incident.enabled)
        out.push('issues: write');
    return out;
}
/** The webhook answers a signed `action: "ping"`, which deployers must ignore. */
async function pingWebhook(s, clock, runUrl) {
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
    const result = await (0,webhook/* deliverWebhook */.hf)(w, body, 'ping', { clock, request: http_request/* httpRequest */.aj });
    return result.ok
        ? [ready('trigger', `the webhook answered a signed ping (delivery ${result.delivery}: ${(0,webhook/* attemptsText */.MV)(result)})`)]
        : [
            broken('trigger', `the webhook did not answer a signed ping with 2xx (${(0,webhook/* attemptsText */.MV)(result)})`, 'check rollback.webhook.url and that the receiver verifies X-Deploy-Guard-Signature-256 with rollback.webhook.secret and answers 2xx to action "ping"')
        ];
}

// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
;// CONCATENATED MODULE: ./src/drill/drill.ts








const drill_message = (e) => (0,message_of/* messageOf */.b)(e);
/**
 * drill mode (PRODUCT.md sections 1 and 5): rehearses the recovery path without side effects.
 * Every check is sampled once, the last good release is looked up, the trigger and the token's
 * permissions are checked with reads only, and a webhook gets one signed `action: "ping"`. The
 * summary is a readiness checklist; the step fails when recovery would not work today. It takes
 * the whole `Settings`: a rehearsal reads what verify, rollback and incident would.
 */
async function run(ctx) {
    const { settings: s } = ctx;
    const deps = ctx;
    const startedAt = deps.clock.now();
    const url = (0,context/* runUrl */.V)(s.context);
    const items = await deps.log.group(`Drill: sampling ${s.verify.checks.length} check(s) once`, () => sampleChecks(s, deps));
    let target;
    let requests = 0;
    const gh = await deps.github();
    if (!gh) {
        items.push(broken('history', 'no github-token or repository: the last good release cannot be looked up', 'run the drill with the default github-token in a repository workflow'));
    }
    else {
        gh.client.hook.before('request', () => void requests++);
        const found = await attempt('history', () => wouldRollBackTo(gh, new deployment_history/* DeploymentHistory */.u(gh.client, gh.repo, s.environment), s));
        items.push(...found.items);
        target = found.target;
        items.push(...(await attempt('trigger', () => triggerItems(s, deps, new workflow_files/* WorkflowFiles */.D(gh.client, gh.repo), gh, url))).items);
    }
    const report = {
        schemaVersion: 1,
        mode: 'drill',
        result: drillResult(items),
        environment: s.environment,
        strategy: s.rollback.strategy,
        ...(target && { rollbackVersion: target.version }),
        items,
        githubRequests: requests,
        startedAt: new Date(startedAt).toISOString(),
        endedAt: new Date(deps.clock.now()).toISOString(),
        runUrl: url
    };
    const result = {
        report,
        summarize: renderDrill,
        // result: passed (ready to recover) or failed; rollback-version: the release a rollback would redeploy.
        outputs: { result: report.result, 'rollback-version': report.rollbackVersion ?? '' },
        exitCode: report.result === 'passed' ? 0 : 1
    };
    await ctx.publish(result);
    for (const i of items.filter((x) => x.status !== 'ready')) {
        const text = `${i.what}${i.fix ? `: ${i.fix}` : ''}`;
        if (i.status === 'broken')
            deps.log.error(text, { title: `deploy-guard drill: ${i.area}` });
        else
            deps.log.warning(text, { title: `deploy-guard drill: ${i.area}` });
    }
    deps.log.info(`deploy-guard drill: ${report.result === 'passed' ? 'ready to recover' : 'recovery would not work today'} (${requests} GitHub reads, no writes)`);
    return result;
}
async function sampleChecks(s, deps) {
    if (!s.verify.checks.length)
        return [
            broken('checks', 'no checks are configured: verify would have nothing to judge a release by', 'set health-urls, prometheus-url with error-rate-query, or checks in the config file')
        ];
    const v = await (0,sample_once/* sampleOnce */._)(s, deps.clock, deps.cancel);
    return v.checks.map((c) => {
        const sample = v.samples.find((x) => x.check === c.name);
        const detail = sample?.detail ?? c.reason;
        if (c.status === 'passed')
            return ready('checks', `${c.name}: ${detail}`);
        if (c.status === 'failed')
            return warning('checks', `${c.name} answers but fails now: ${detail}`, 'the release running now would be judged bad');
        return broken('checks', `${c.name} cannot be measured: ${detail}`, 'fix the check (URL, query, credentials): an unmeasurable check makes verify inconclusive, which does not roll back');
    });
}
async function triggerItems(s, deps, files, gh, url) {
    const r = s.rollback;
    if (r.strategy === 'none')
        return {
            items: [
                broken('trigger', 'no rollback strategy is configured: a bad release would not be rolled back', 'set rollback-workflow (or rollback.strategy with its settings)')
            ]
        };
    const branch = s.context.defaultBranch || (await (0,releases/* defaultBranch */.OR)(gh.client, gh.repo));
    const items = [];
    if (r.strategy === 'workflow')
        items.push(...(await checkWorkflowTrigger(files, s, r.ref || branch)));
    if (r.strategy === 'webhook')
        items.push(...(await pingWebhook(s, deps.clock, url)));
    const scanned = await scanWorkflows(files, branch).catch((e) => {
        items.push(warning('permissions', `the workflow files could not be read: ${drill_message(e)}`, 'give the drill job actions: read and contents: read'));
        return [];
    });
    items.push(...listenerItems(s, scanned, branch), ...permissionItems(s, scanned));
    return { items };
}
/** A step of the drill that failed outright becomes a broken item naming why. */
async function attempt(area, fn) {
    try {
        return await fn();
    }
    catch (e) {
        return { items: [broken(area, drill_message(e), 'see the message: it names the permission or setting to change')] };
    }
}


/***/ }),

/***/ 45412:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ WorkflowFiles)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);

/** Reads only: what drill needs to know about the repository's workflows. */
class WorkflowFiles {
    gh;
    repo;
    constructor(gh, repo) {
        this.gh = gh;
        this.repo = repo;
    }
    /** The workflow a file name or id names; undefined when there is none. */
    async workflow(idOrFile) {
        try {
            const { data } = await this.gh.rest.actions.getWorkflow({ ...this.repo, workflow_id: idOrFile });
            return { id: data.id, path: data.path, state: data.state };
        }
        catch (e) {
            if (e.status === 404)
                return undefined;
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`reading workflow ${idOrFile}`, e, 'actions: read');
        }
    }
    /** The repository's workflows (first 100). */
    async list() {
        try {
            const { data } = await this.gh.rest.actions.listRepoWorkflows({ ...this.repo, per_page: 100 });
            return data.workflows.map((w) => ({ id: w.id, path: w.path, state: w.state }));
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('listing the workflows', e, 'actions: read');
        }
    }
    /** A file's text at a ref; undefined when it does not exist there. */
    async text(path, ref) {
        try {
            const { data } = await this.gh.rest.repos.getContent({ ...this.repo, path, ref });
            const file = data;
            if (file.type !== 'file' || typeof file.content !== 'string')
                return undefined;
            return file.encoding === 'base64' ? Buffer.from(file.content, 'base64').toString('utf8') : file.content;
        }
        catch (e) {
            if (e.status === 404)
                return undefined;
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`reading ${path} at ${ref}`, e, 'contents: read');
        }
    }
}


/***/ })

};

//# sourceMappingURL=679.index.js.map