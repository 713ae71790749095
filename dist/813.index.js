export const id = 813;
export const ids = [813];
export const modules = {

/***/ 2813:
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
// EXTERNAL MODULE: ./src/rollback/find-last-good.ts
var find_last_good = __webpack_require__(89714);
// EXTERNAL MODULE: ./src/facts/permissions.ts
var permissions = __webpack_require__(61059);
// EXTERNAL MODULE: ./src/rollback/triggers/registry.ts + 7 modules
var registry = __webpack_require__(81262);
// EXTERNAL MODULE: ./src/facts/readiness.ts
var readiness = __webpack_require__(80671);
// EXTERNAL MODULE: ./src/rollback/rollback-step.ts + 3 modules
var rollback_step = __webpack_require__(5853);
// EXTERNAL MODULE: ./src/rollback/workflow-yaml.ts
var workflow_yaml = __webpack_require__(20211);
// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/drill/drill-checks.ts







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
    const now = current
        ? `the current release is ${current.version} (deployment ${current.deploymentId})`
        : `no deployment of ${s.environment} reached success yet`;
    // verify never rolls back a rollback (the loop guard): say so, rather than "no earlier good release".
    const rolledBackFrom = (finding?.rollbackRecord ?? finding?.verified)?.rollback?.of;
    if (current && rolledBackFrom !== undefined) {
        return {
            items: [
                (0,readiness/* warning */.$e)('history', `${now}, itself a rollback from ${rolledBackFrom}: if it failed verify now, the guard would open the incident but not roll back again (it never rolls back a rollback)`, 'deploy a fixed release: once one passes verify, it is what a rollback redeploys')
            ]
        };
    }
    const target = finding?.target ?? (await (0,rollback_step.fallbackTarget)(gh, s, finding ?? { recordedBad: new Set() }, current?.version ?? ''));
    if (target) {
        const from = target.source === 'deployment' ? `deployment ${target.deploymentId}` : `the newest ${target.source} in semver order`;
        return { items: [(0,readiness/* ready */.Gc)('history', `${now}; a rollback would redeploy ${target.version} (${from}, ${target.sha.slice(0, 12)})`)], target };
    }
    const fix = s.rollback.fallback === 'none'
        ? 'deploy a release that passes verify, or set rollback.fallback to releases or tags'
        : `deploy a release that passes verify, or publish a semver ${s.rollback.fallback === 'releases' ? 'release' : 'tag'} below the current one`;
    return { items: [(0,readiness/* broken */.mw)('history', `${now}; there is no earlier good release to roll back to`, fix)] };
}
/** Reads the active workflow files at the ref, at most MAX_FILES. */
async function scanWorkflows(files, ref) {
    const list = (await files.list()).filter((w) => w.state === 'active' && /\.ya?ml$/.test(w.path)).slice(0, MAX_FILES);
    const yaml = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    return Promise.all(list.map(async (w) => {
        try {
            const text = await files.text(w.path, ref);
            return text === undefined ? { path: w.path, error: `not on ${ref}` } : { path: w.path, facts: (0,workflow_yaml/* workflowFacts */.N)(yaml.parse(text)) };
        }
        catch (e) {
            return { path: w.path, error: (0,message_of/* messageOf */.b)(e).split('\n')[0] };
        }
    }));
}
/** The permissions of each job that runs deploy-guard verify, against what the failure path calls. */
function permissionItems(s, scanned) {
    const { needed, helpful } = neededPermissions(s);
    const jobs = scanned.flatMap((w) => (w.facts?.guardJobs ?? []).filter((j) => j.mode === 'verify' || j.mode === 'auto').map((j) => ({ ...j, path: w.path })));
    const all = [...needed, ...helpful.map((h) => h.grant)];
    if (!jobs.length) {
        return [
            (0,readiness/* warning */.$e)('permissions', 'no job running deploy-guard in verify mode was found in the workflow files read', `give the verify job permissions: ${all.join(', ')}`)
        ];
    }
    return jobs.flatMap((j) => {
        const name = `job ${j.job} in ${j.path}`;
        if (j.ownToken)
            return [(0,readiness/* warning */.$e)('permissions', `${name} passes its own github-token`, `make sure that token may: ${all.join(', ')}`)];
        const missing = (0,workflow_yaml/* missingPermissions */.H)(needed, j.permissions);
        if (missing === 'unknown')
            return [
                (0,readiness/* warning */.$e)('permissions', `${name} declares no permissions: block, so it gets the repository's default token permissions (read-only unless changed)`, `add permissions: ${all.join(', ')}`)
            ];
        const lacking = helpful.filter((h) => (0,workflow_yaml/* missingPermissions */.H)([h.grant], j.permissions).length);
        const degraded = lacking.map((h) => (0,readiness/* warning */.$e)('permissions', `${name} lacks ${h.grant}: ${h.without}`, `add \`${h.grant}\` to its permissions: block`));
        if (missing.length)
            return [
                (0,readiness/* broken */.mw)('permissions', `${name} lacks ${missing.join(', ')}`, `add ${missing.map((m) => `\`${m}\``).join(', ')} to its permissions: block`),
                ...degraded
            ];
        return [(0,readiness/* ready */.Gc)('permissions', `${name} may ${needed.join(', ')}`), ...degraded];
    });
}
/**
 * What the failure path calls, from the one permissions table (facts/permissions.ts and the
 * trigger's grants): `needed` breaks it when missing; `helpful` only takes something away.
 */
function neededPermissions(s) {
    const base = permissions/* VERIFY_BASE */.q2.filter((g) => s.incident.enabled || !g.incidentOnly);
    // In the order the failure path calls them: the ledger, the trigger, the incident.
    const ledger = base.filter((g) => g.scope === 'deployments');
    const grants = (0,permissions/* strongestPerScope */.jY)([...ledger, ...(0,registry/* triggerFor */.AC)(s.rollback.strategy).permissions, ...base.filter((g) => g.scope !== 'deployments')]);
    return {
        needed: grants.filter((g) => !g.without).map(permissions/* grantText */.un),
        helpful: grants.flatMap((g) => (g.without ? [{ grant: (0,permissions/* grantText */.un)(g), without: g.without }] : []))
    };
}

// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(86590);
;// CONCATENATED MODULE: ./src/drill/readiness.ts

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
/** Pure: the job summary of a drill: a readiness checklist, each broken line naming what to fix; `note` names what else the trigger's check sent. */
function renderDrill(r, note = '') {
    const title = r.result === 'passed' ? '## ✅ deploy-guard drill: ready to recover' : '## ❌ deploy-guard drill: recovery would not work today';
    const facts = `**Environment** \`${(0,markdown/* inline */.mG)(r.environment)}\` · **strategy** \`${(0,markdown/* inline */.mG)(r.strategy)}\`` +
        (r.rollbackVersion ? ` · **a rollback now would redeploy** \`${(0,markdown/* inline */.mG)(r.rollbackVersion)}\`` : '');
    const sections = Object.keys(TITLES).flatMap((area) => {
        const items = r.items.filter((i) => i.area === area);
        return items.length ? [`### ${TITLES[area]}`, items.map(line).join('\n')] : [];
    });
    const broken = r.items.filter((i) => i.status === 'broken').length;
    const tail = `Nothing was changed: drill sent ${r.githubRequests} request(s) to GitHub, all reads${note}.` + (broken ? ` **${broken} item(s) to fix.**` : '');
    const footer = r.runUrl ? `<sub>${(0,markdown/* link */.nf)('workflow run', r.runUrl)} · deploy-guard drill</sub>` : '';
    return [title, facts, ...sections, tail, footer].filter(Boolean).join('\n\n') + '\n';
}
function line(i) {
    if (i.status === 'ready')
        return `- [x] ${(0,markdown/* inline */.mG)(i.what)}`;
    const icon = i.status === 'broken' ? '❌' : '⚠️';
    return `- [ ] ${icon} ${(0,markdown/* inline */.mG)(i.what)}${i.fix ? ` — **${i.status === 'broken' ? 'fix' : 'check'}:** ${(0,markdown/* inline */.mG)(i.fix)}` : ''}`;
}

// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
;// CONCATENATED MODULE: ./src/drill/drill-mode.ts










/**
 * drill mode (PRODUCT.md sections 1 and 5): rehearses the recovery path without side effects.
 * Every check is sampled once, the last good release is looked up, the trigger and the token's
 * permissions are checked with reads only, and a webhook gets one signed `action: "ping"`. The
 * summary is a readiness checklist; the step fails when recovery would not work today. It takes
 * verify's view, `VerifyModeSettings`: a rehearsal reads what verify, rollback and incident would.
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
        items.push((0,readiness/* broken */.mw)('history', 'no github-token or repository: the last good release cannot be looked up', 'run the drill with the default github-token in a repository workflow'));
    }
    else {
        gh.client.hook.before('request', () => void requests++);
        const found = await attempt('history', () => wouldRollBackTo(gh, new deployment_history/* DeploymentHistory */.uD(gh.client, gh.repo, s.environment), s));
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
        summarize: (r) => renderDrill(r, (0,registry/* triggerFor */.AC)(s.rollback.strategy).drillNote),
        // result: passed (ready to recover) or failed; rollback-version: the release a rollback would redeploy.
        outputs: { result: report.result, 'rollback-version': report.rollbackVersion ?? '' },
        exitCode: report.result === 'passed' ? 0 : 1
    };
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
            (0,readiness/* broken */.mw)('checks', 'no checks are configured: verify would have nothing to judge a release by', 'set health-urls, prometheus-url with error-rate-query, or checks in the config file')
        ];
    const v = await (0,sample_once/* sampleOnce */._)(s, deps.clock, deps.cancel);
    return v.checks.map((c) => {
        const sample = v.samples.find((x) => x.check === c.name);
        const detail = sample?.detail ?? c.reason;
        if (c.status === 'passed')
            return (0,readiness/* ready */.Gc)('checks', `${c.name}: ${detail}`);
        if (c.status === 'failed')
            return (0,readiness/* warning */.$e)('checks', `${c.name} answers but fails now: ${detail}`, 'the release running now would be judged bad');
        return (0,readiness/* broken */.mw)('checks', `${c.name} cannot be measured: ${detail}`, 'fix the check (URL, query, credentials): an unmeasurable check makes verify inconclusive, which does not roll back');
    });
}
async function triggerItems(s, deps, files, gh, url) {
    const trigger = (0,registry/* triggerFor */.AC)(s.rollback.strategy);
    // Nothing to send: nothing to look for in the workflows, nor a token to check.
    if (!trigger.sends)
        return { items: await trigger.readiness({ settings: s, clock: deps.clock, files, branch: '', runUrl: url }) };
    const branch = s.context.defaultBranch || (await (0,releases/* defaultBranch */.OR)(gh.client, gh.repo));
    const items = [...(await trigger.readiness({ settings: s, clock: deps.clock, files, branch, runUrl: url }))];
    const scanned = await scanWorkflows(files, branch).catch((e) => {
        items.push((0,readiness/* warning */.$e)('permissions', `the workflow files could not be read: ${(0,message_of/* messageOf */.b)(e)}`, 'give the drill job actions: read and contents: read'));
        return [];
    });
    items.push(...(trigger.listening?.(scanned, branch) ?? []), ...permissionItems(s, scanned));
    return { items };
}
/** A step of the drill that failed outright becomes a broken item naming why. */
async function attempt(area, fn) {
    try {
        return await fn();
    }
    catch (e) {
        return { items: [(0,readiness/* broken */.mw)(area, (0,message_of/* messageOf */.b)(e), 'see the message: it names the permission or setting to change')] };
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

//# sourceMappingURL=813.index.js.map