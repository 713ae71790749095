export const id = 305;
export const ids = [305];
export const modules = {

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

/***/ 83646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ readPages),
/* harmony export */   q: () => (/* binding */ linkPage)
/* harmony export */ });
// Reading a list endpoint page by page costs one round trip per page; when the page count is
// known (from a total, or the first page's Link `last`), the pages are read at once instead.
// The client's throttling caps how many are in flight.
/** The page number of a Link header's `rel` ("next", "last"), or undefined. */
function linkPage(link, rel) {
    const m = link
        ?.split(',')
        .find((part) => new RegExp(`rel="${rel}"`).test(part))
        ?.match(/[?&]page=(\d+)/);
    return m ? Number(m[1]) : undefined;
}
/**
 * Every item of pages 1..n, in page order. `expectedPages` (from a count the API gave) lets all
 * pages go at once; otherwise page 1 goes first and its Link `last` says how many follow. Pages
 * beyond what was expected are followed one by one, up to `maxPages`; `onTruncated` hears of any
 * left unread.
 */
async function readPages(fetchPage, o) {
    let pages;
    if (o.expectedPages !== undefined && o.expectedPages > 1) {
        pages = await Promise.all(range(1, Math.min(o.expectedPages, o.maxPages)).map(fetchPage));
    }
    else {
        const first = await fetchPage(1);
        const last = Math.min(linkPage(first.headers.link, 'last') ?? 1, o.maxPages);
        pages = [first, ...(await Promise.all(range(2, last).map(fetchPage)))];
    }
    const more = () => linkPage(pages[pages.length - 1].headers.link, 'next') !== undefined;
    while (pages.length < o.maxPages && more())
        pages.push(await fetchPage(pages.length + 1));
    if (more())
        o.onTruncated?.();
    return pages.flatMap((p) => p.data);
}
function range(from, to) {
    return to < from ? [] : Array.from({ length: to - from + 1 }, (_, i) => from + i);
}


/***/ }),

/***/ 22139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AC: () => (/* binding */ listChangedFiles),
/* harmony export */   DQ: () => (/* binding */ readPullRequest),
/* harmony export */   U_: () => (/* binding */ pullRequestsForCommit),
/* harmony export */   WL: () => (/* binding */ resolveCommit)
/* harmony export */ });
/* unused harmony export MAX_LISTED_FILES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _paged_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83646);


/** GitHub lists at most 3,000 files of a pull request, 100 per page. */
const MAX_LISTED_FILES = 3000;
const PER_PAGE = 100;
/** GET the pull request; its labels, head and author as GitHub has them now, not as the event payload had them. */
async function readPullRequest(gh, repo, number) {
    try {
        const { data: p } = await gh.rest.pulls.get({ ...repo, pull_number: number });
        const headRepo = p.head.repo ? { owner: p.head.repo.owner.login, repo: p.head.repo.name } : undefined;
        return {
            number: p.number,
            title: p.title,
            author: p.user.login,
            headSha: p.head.sha,
            url: p.html_url,
            state: p.state === 'closed' ? 'closed' : 'open',
            merged: p.merged || p.merged_at !== null,
            ...(p.merged_at && { mergedAt: Date.parse(p.merged_at) }),
            createdAt: Date.parse(p.created_at),
            labels: p.labels.map((l) => l.name),
            changedFiles: p.changed_files,
            head: { ...(headRepo && { repo: headRepo }), ref: p.head.ref },
            fromFork: !p.head.repo || p.head.repo.full_name.toLowerCase() !== p.base.repo.full_name.toLowerCase(),
            base: { ref: p.base.ref, sha: p.base.sha }
        };
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`reading pull request #${number}`, e, 'pull-requests: read');
    }
}
/** Every changed file GitHub lists (up to 3,000), both names of a rename; the pages are read at once. */
async function listChangedFiles(gh, repo, number, changedFiles) {
    const expectedPages = Math.max(1, Math.ceil(Math.min(changedFiles, MAX_LISTED_FILES) / PER_PAGE));
    try {
        const files = await (0,_paged_js__WEBPACK_IMPORTED_MODULE_1__/* .readPages */ .n)((page) => gh.rest.pulls.listFiles({ ...repo, pull_number: number, per_page: PER_PAGE, page }), {
            expectedPages,
            maxPages: MAX_LISTED_FILES / PER_PAGE
        });
        return files.map((f) => ({ filename: f.filename, ...(f.previous_filename && { previousFilename: f.previous_filename }) }));
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`listing the files of pull request #${number}`, e, 'pull-requests: read');
    }
}
/** The pull requests GitHub associates with a commit: for a commit on the default branch, the merged PR that brought it. */
async function pullRequestsForCommit(gh, repo, sha) {
    try {
        const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, per_page: 100 });
        return data.map((p) => ({
            number: p.number,
            title: p.title,
            url: p.html_url,
            createdAt: Date.parse(p.created_at),
            state: p.state,
            ...(p.merged_at && { mergedAt: Date.parse(p.merged_at) }),
            ...(p.merge_commit_sha && { mergeCommitSha: p.merge_commit_sha }),
            headSha: p.head.sha,
            baseRef: p.base.ref,
            ...(p.base.repo?.default_branch && { defaultBranch: p.base.repo.default_branch })
        }));
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`finding the pull request of commit ${sha.slice(0, 7)}`, e, 'pull-requests: read');
    }
}
/** The SHA a ref (tag, branch, short SHA) names, or undefined when it names no commit (a semver version, say). */
async function resolveCommit(gh, repo, ref) {
    if (/^[0-9a-f]{40}$/i.test(ref))
        return ref.toLowerCase();
    try {
        const { data } = await gh.rest.repos.getCommit({ ...repo, ref, per_page: 1 });
        return data.sha;
    }
    catch (e) {
        const status = e.status;
        if (status === 404 || status === 422)
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`resolving ${ref} to a commit`, e, 'contents: read');
    }
}


/***/ }),

/***/ 67305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openOrUpdateIncident: () => (/* binding */ openOrUpdateIncident)
});

// EXTERNAL MODULE: ./src/verify/build-report.ts
var build_report = __webpack_require__(64132);
// EXTERNAL MODULE: ./src/github/incidents.ts
var incidents = __webpack_require__(59932);
// EXTERNAL MODULE: ./src/facts/incident-marker.ts
var incident_marker = __webpack_require__(88328);
// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
// EXTERNAL MODULE: ./src/incident/latest-state.ts
var latest_state = __webpack_require__(4343);
;// CONCATENATED MODULE: ./src/incident/write-issue.ts



/**
 * A comment on the open incident; then its title and labels follow this failure (version,
 * verdict, severity: latest-state.ts), and a `recovered` mark from an earlier recovery goes.
 */
async function update(issues, open, r, facts, redact) {
    const failed = [];
    const next = (0,latest_state/* latestState */.T)(open.labels, facts);
    const title = redact(next.title);
    const posted = { number: open.number, url: open.url, action: 'updated', delivered: true, failed, title, severity: next.severity };
    try {
        await issues.comment(open.number, r.body);
    }
    catch (e) {
        failed.push((0,message_of/* messageOf */.b)(e));
        return { ...posted, delivered: false };
    }
    await moreComments(issues, open.number, r.comments, failed);
    if (title !== open.title)
        await issues.retitle(open.number, title).catch((e) => failed.push((0,message_of/* messageOf */.b)(e)));
    if (next.addLabels.length || next.removeLabels.length)
        await issues.relabel(open.number, next.addLabels, next.removeLabels).catch((e) => failed.push((0,message_of/* messageOf */.b)(e)));
    return posted;
}
async function moreComments(issues, issue, comments, failed) {
    for (const c of comments) {
        try {
            await issues.comment(issue, c);
        }
        catch (e) {
            failed.push((0,message_of/* messageOf */.b)(e));
            return;
        }
    }
}
/**
 * A new issue, then a second look: two runs failing at once may both have opened one. The
 * oldest stays; a younger one this run opened is closed as its duplicate, and this run's
 * evidence goes to the survivor as a comment. Throws only when the issue itself was not opened.
 */
async function write_issue_open(issues, s, r, asUpdate, severity, facts, redact) {
    const labels = [...new Set([...s.incident.labels, severity, (0,incident_marker/* environmentLabel */.WG)(s.environment)])];
    const made = await issues.create({ title: r.title, body: r.body, labels, assignees: s.incident.assignees });
    const failed = [];
    await moreComments(issues, made.number, r.comments, failed);
    const detail = made.assigneesDropped.length
        ? `GitHub refused the assignee${made.assigneesDropped.length === 1 ? '' : 's'} ${made.assigneesDropped.join(', ')} (not collaborators?)`
        : undefined;
    const mine = { number: made.number, url: made.url, action: 'opened', delivered: true, failed, ...(detail && { detail }) };
    const now = await issues.findOpen(s.environment).catch(() => []);
    const survivor = now.find((i) => i.number < made.number);
    if (!survivor)
        return mine;
    try {
        await issues.comment(made.number, `Duplicate of #${survivor.number}: another run opened the incident of this environment at the same time. This run's evidence is posted there.`);
        await issues.close(made.number, 'duplicate');
    }
    catch (e) {
        // Two open incidents are better named than one hidden: keep ours as the run's incident.
        failed.push(`closing #${made.number} as a duplicate of #${survivor.number}: ${(0,message_of/* messageOf */.b)(e)}`);
        return mine;
    }
    const merged = await update(issues, survivor, asUpdate(), facts, redact);
    return { ...merged, detail: `a concurrent run had opened #${survivor.number}; #${made.number} was closed as its duplicate` };
}

// EXTERNAL MODULE: ./src/facts/verify-report.ts
var verify_report = __webpack_require__(15361);
;// CONCATENATED MODULE: ./src/incident/facts-from-verify.ts

/** Pure: the failed and inconclusive checks of a report, with what was observed and their tags. */
function incidentChecks(reports, specs) {
    const tags = new Map(specs.map((c) => [c.name, c.tags]));
    return reports
        .filter((c) => c.status === 'failed' || c.status === 'inconclusive')
        .map((c) => ({ name: c.name, status: c.status, type: c.type, observed: (0,verify_report/* observedText */.aP)(c), bound: c.bound, reason: c.reason, tags: tags.get(c.name) ?? [] }));
}
/** Pure: who the escalation rules notify: the severity's handles, then those of the failed checks' tags. */
function mentionsFor(s, severity, checks) {
    const byTag = [...new Set(checks.flatMap((c) => c.tags))].flatMap((t) => s.tagMentions[t] ?? []);
    return [...new Set([...(s.mentions[severity] ?? []), ...byTag])];
}
/** Pure: the reason logs stay out of the issue, when a failed check carries a private tag. */
function logsWithheld(s, checks) {
    const hit = checks.find((c) => c.tags.some((t) => s.privateTags.includes(t)));
    if (!hit)
        return undefined;
    const tag = hit.tags.find((t) => s.privateTags.includes(t));
    return `Logs are kept out of this issue: a failed check is tagged \`${tag}\`. They are in the artifact, for those with access to the run.`;
}

// EXTERNAL MODULE: ./src/incident/render-first-screen.ts
var render_first_screen = __webpack_require__(44816);
// EXTERNAL MODULE: ./src/incident/untrusted.ts
var untrusted = __webpack_require__(39052);
;// CONCATENATED MODULE: ./src/incident/render-incident.ts



/** GitHub refuses issue and comment bodies longer than this. */
const MAX_BODY = 65_536;
// Room for the continuation heading of a comment.
const COMMENT_HEAD = 200;
/**
 * Pure: the incident as a new issue (`open`, with the marker) or as a comment on the open one
 * (`update`). Every body and comment is at most MAX_BODY characters.
 */
function renderIncident(f, kind, closeOnRecovery) {
    const top = kind === 'open'
        ? `${(0,incident_marker/* renderMarker */.Bd)({ environment: f.environment, version: f.version, deployedAt: f.times.deployedAt, detectedAt: f.times.detectedAt, ...(f.times.rollbackSentAt !== undefined && { rollbackSentAt: f.times.rollbackSentAt }) })}\n`
        : `### 🔁 ${f.result === 'failed' ? 'Failed' : 'Inconclusive'} again${f.runUrl ? ` in [this run](${f.runUrl})` : ''}\n\n`;
    const first = cut(top + (0,render_first_screen/* renderFirstScreen */.hW)(f, closeOnRecovery), MAX_BODY - 400);
    const sections = logSections(f);
    const body = [first];
    let size = first.length;
    const rest = [];
    for (const s of sections) {
        if (!rest.length && size + s.text.length + 2 <= MAX_BODY) {
            body.push(s.text);
            size += s.text.length + 2;
        }
        else
            rest.push(fit(s, MAX_BODY - COMMENT_HEAD));
    }
    if (rest.length)
        body.push(`_${rest.length} more log section${rest.length === 1 ? '' : 's'} in the comments below: the body is limited to ${MAX_BODY} characters._`);
    return { title: (0,render_first_screen/* incidentTitle */.Bl)(f), body: body.join('\n\n'), comments: pack(rest) };
}
/** The log sections: a heading, then one collapsed section per job with a log or a note. */
function logSections(f) {
    const artifact = f.artifact ? ` Full logs: ${f.artifact.note}${f.artifact.url ? ` [Run artifacts](${f.artifact.url}).` : ''}` : '';
    if (f.logsWithheld)
        return [{ text: `### Logs\n\n${f.logsWithheld}${artifact}` }];
    if (!f.jobs.length)
        return [{ text: `### Logs\n\n${f.jobsNote ?? 'No job of this run attempt has a log to attach.'}${artifact}` }];
    const attached = f.jobs.filter((j) => j.excerpt || j.role);
    const others = f.jobs.filter((j) => !attached.includes(j));
    const list = others.length ? `\n\nOther jobs of this attempt: ${others.map((j) => `${(0,render_first_screen/* jobLink */.mC)(j)} (${j.conclusion ?? j.status})`).join(', ')}.` : '';
    const head = `### Logs\n\nThe guard's own job is still running: its findings are above.${list}${artifact}`;
    return [{ text: head }, ...attached.map((job) => ({ text: jobSection(job), job }))];
}
/**
 * A job's name as a link. Job names are untrusted like commit messages (a matrix value, a
 * name a pull request chose): in a code span nothing in them is a link, emphasis or mention,
 * and a code span binds tighter than the link's brackets, so `]` cannot end the link text.
 */
/** One job's section; `tailLimit` trims the tail when the section must shrink to fit. */
function jobSection(j, tailLimit = Infinity) {
    const icon = j.conclusion === 'success' ? '✅' : j.conclusion === 'failure' ? '❌' : '⚪';
    const e = j.excerpt;
    if (!e)
        return `<details><summary>${icon} ${(0,untrusted/* htmlText */.js)(j.name, 80)} (${j.conclusion ?? j.status}): no log</summary>\n\n${j.note ?? 'No log.'} [Job](${j.url}).\n\n</details>`;
    const tail = e.tail.slice(Math.max(0, e.tail.length - tailLimit));
    const from = e.tailStart + (e.tail.length - tail.length);
    const summary = `${icon} ${(0,untrusted/* htmlText */.js)(j.name, 80)} (${j.conclusion ?? j.status}): ${e.errors.length ? `${e.errors.length}${e.errorsDropped ? '+' : ''} error lines, ` : ''}last ${tail.length} of ${e.totalLines.toLocaleString('en-US')} lines`;
    const parts = [`<details><summary>${summary}</summary>`, '', `[Job log](${j.url})${j.note ? `: ${j.note}` : ''}`];
    if (e.errors.length) {
        const dropped = e.errorsDropped ? ` (${e.errorsDropped} more in the middle left out)` : '';
        parts.push('', `**Error lines**${dropped}`, '', (0,untrusted/* codeBlock */.DV)(e.errors.map((x) => x.text)));
    }
    if (tail.length)
        parts.push('', `**Last ${tail.length} lines** (from line ${from.toLocaleString('en-US')})`, '', (0,untrusted/* codeBlock */.DV)(tail));
    parts.push('', '</details>');
    return parts.join('\n');
}
/** Shrinks a section below `max`: a job's tail loses its oldest lines first, then the text is cut. */
function fit(s, max) {
    if (s.text.length <= max)
        return s.text;
    for (let limit = Math.floor((s.job?.excerpt?.tail.length ?? 0) / 2); s.job && limit >= 1; limit = Math.floor(limit / 2)) {
        const smaller = jobSection(s.job, limit);
        if (smaller.length <= max)
            return smaller;
    }
    return cut(s.job ? jobSection(s.job, 0) : s.text, max);
}
/** Groups sections into comments of at most MAX_BODY characters, each with a heading. */
function pack(sections) {
    const out = [];
    let current = [];
    let size = 0;
    for (const s of sections) {
        if (current.length && size + s.length + 2 > MAX_BODY - COMMENT_HEAD) {
            out.push(current.join('\n\n'));
            current = [];
            size = 0;
        }
        current.push(s);
        size += s.length + 2;
    }
    if (current.length)
        out.push(current.join('\n\n'));
    return out.map((c, i) => `### Logs, continued (${i + 1} of ${out.length})\n\n${c}`);
}
/**
 * Cuts markdown to `max` characters at a line end, closing an open code fence and details
 * section so that what follows is not swallowed.
 */
function cut(text, max) {
    if (text.length <= max)
        return text;
    const room = max - 120;
    let head = text.slice(0, Math.max(0, text.lastIndexOf('\n', room)));
    const fences = [...head.matchAll(/^(`{3,})\w*$/gm)];
    let open;
    for (const m of fences)
        open = open === undefined ? m[1] : m[1].length >= open.length ? undefined : open;
    if (open)
        head += `\n${open}`;
    const details = (head.match(/<details>/g) ?? []).length - (head.match(/<\/details>/g) ?? []).length;
    if (details > 0)
        head += '\n\n</details>';
    return `${head}\n\n_Cut at GitHub's size limit; the JSON report and the artifact have the rest._`;
}

// EXTERNAL MODULE: ./src/incident/severity.ts
var incident_severity = __webpack_require__(73015);
// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
// EXTERNAL MODULE: ./src/text/redact.ts + 3 modules
var text_redact = __webpack_require__(37188);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(78474);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/incident/log-digest.ts
// A job log read as it streams: redacted block by block, kept whole only where the caller
// writes it (the artifact file), otherwise reduced to its last lines and its error lines. A
// 200 MB log never sits in memory: what is held is one block, the tail and the error lines.

// Runner error annotations, `Error:` of any kind, npm and shell failures, a non-zero exit, panics
// and tracebacks. Literal alternatives only: the pattern scans whole blocks, so it must not try a
// word class at every position.
const ERROR_LINE = /##\[error\]|Error:|Exception:|error(?:\[\w+\])?:|ERR!|FATAL|fatal:|panic:|Traceback \(most recent call last\)|exit(?:ed with)? (?:code|status) [1-9]|Segmentation fault|Killed/g;
// Stack frames of JavaScript, Python, Java and Go after an error line.
const FRAME = /^(?:\S+Z )?(?:\s+at \S|\s+File ".*", line \d+|\s+\S+\.(?:go|java|kt|py|rb):\d+|\s+\.\.\. \d+ more)/;
const PEM_BEGIN = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
const PEM_END = /-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/;
// A block is cut at a line end; a line longer than this (a minified bundle, a base64 blob) is cut itself.
const MAX_PENDING = 1024 * 1024;
const FRAMES_PER_ERROR = 12;
/**
 * Consumes a log as chunks of bytes and keeps its tail and error lines, redacted. Redaction is
 * applied to what is kept; with `full`, push() also returns the whole log redacted, for the
 * artifact. A private key block is blanked whole even when it spans chunks.
 */
class LogDigest {
    o;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    pending = '';
    // Raw (unredacted) last lines; redacted once, at the end.
    tail = [];
    firstErrors = [];
    lastErrors = [];
    dropped = 0;
    lineNo = 0;
    bytes = 0;
    inKey = false;
    framesLeft = 0;
    maxErrors;
    maxLine;
    constructor(o) {
        this.o = o;
        this.maxErrors = o.maxErrors ?? 60;
        this.maxLine = o.maxLineChars ?? 2000;
    }
    /** Adds bytes; with `full`, returns the redacted whole lines they completed ('' otherwise). */
    push(chunk) {
        this.bytes += chunk.length;
        this.pending += this.decoder.write(chunk);
        let cut = this.pending.lastIndexOf('\n') + 1;
        if (cut === 0 && this.pending.length < MAX_PENDING)
            return '';
        if (cut === 0)
            cut = this.pending.length;
        const block = this.pending.slice(0, cut);
        this.pending = this.pending.slice(cut);
        return this.take(block.endsWith('\n') ? block : `${block}\n`);
    }
    /** Flushes the last line; returns its redacted text (with `full`) and the excerpt. */
    end() {
        const last = this.pending + this.decoder.end();
        this.pending = '';
        const rest = last ? this.take(last.endsWith('\n') ? last : `${last}\n`) : '';
        const errors = [...this.firstErrors, ...this.lastErrors];
        const tail = this.tail.length ? this.o.redact(this.tail.join('\n')).split('\n') : [];
        return {
            rest,
            excerpt: { tail, tailStart: this.lineNo - this.tail.length + 1, errors, errorsDropped: this.dropped, totalLines: this.lineNo, bytes: this.bytes }
        };
    }
    /** One block of whole lines, each ending in a line feed. */
    take(raw) {
        let block = raw;
        if (this.inKey || block.includes('PRIVATE KEY'))
            block = this.blankKeys(block);
        // A redaction never adds or removes a line break, so line numbers hold either way.
        const clean = this.o.full ? this.o.redact(block) : undefined;
        const scan = clean ?? block;
        this.scanErrors(scan, clean !== undefined);
        this.keepTail(scan, clean !== undefined);
        this.lineNo += count(scan, '\n');
        return clean ?? '';
    }
    /** Lines inside a private key block become `***`, the markers stay: the reader sees a key was there. */
    blankKeys(block) {
        const lines = block.split('\n');
        for (let i = 0; i < lines.length - 1; i++) {
            const l = lines[i];
            if (!this.inKey && PEM_BEGIN.test(l)) {
                this.inKey = !PEM_END.test(l.slice(l.search(PEM_BEGIN) + 10));
                if (this.inKey)
                    lines[i] = l.replace(/(-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----).*$/, '$1 ***');
            }
            else if (this.inKey) {
                if (PEM_END.test(l)) {
                    this.inKey = false;
                    lines[i] = l.replace(/^.*?(-----END )/, '*** $1');
                }
                else
                    lines[i] = '***';
            }
        }
        return lines.join('\n');
    }
    /** Finds error lines in the block with one scan, then the stack frames under each. */
    scanErrors(block, redacted) {
        let line = this.lineNo;
        let at = 0;
        const next = (from) => {
            const end = block.indexOf('\n', from);
            return end < 0 ? block.length : end;
        };
        // Frames may continue an error of the previous block.
        let pos = 0;
        while (this.framesLeft > 0 && pos < block.length) {
            const end = next(pos);
            const text = block.slice(pos, end);
            if (!FRAME.test(text))
                break;
            this.keepError(line + 1, text, redacted);
            this.framesLeft--;
            line++;
            at = pos = end + 1;
        }
        if (pos >= block.length)
            return;
        this.framesLeft = 0;
        ERROR_LINE.lastIndex = pos;
        for (let m = ERROR_LINE.exec(block); m; m = ERROR_LINE.exec(block)) {
            const start = block.lastIndexOf('\n', m.index) + 1;
            line += count(block, '\n', at, start);
            at = start;
            let end = next(m.index);
            this.keepError(line + 1, block.slice(start, end), redacted);
            let frames = FRAMES_PER_ERROR;
            while (frames > 0 && end + 1 < block.length) {
                const fEnd = next(end + 1);
                const text = block.slice(end + 1, fEnd);
                if (!FRAME.test(text))
                    break;
                line++;
                at = end + 1;
                this.keepError(line + 1, text, redacted);
                frames--;
                end = fEnd;
            }
            if (end + 1 >= block.length)
                this.framesLeft = frames;
            ERROR_LINE.lastIndex = end + 1;
        }
    }
    // The first errors say what broke, the last what stopped the job: keep both ends.
    keepError(line, raw, redacted) {
        const entry = { line, text: detach(redacted ? raw : this.o.redact(raw), this.maxLine) };
        const half = Math.ceil(this.maxErrors / 2);
        if (this.firstErrors.length < half) {
            this.firstErrors.push(entry);
            return;
        }
        this.lastErrors.push(entry);
        if (this.lastErrors.length > this.maxErrors - half) {
            this.lastErrors.shift();
            this.dropped++;
        }
    }
    /**
     * The last `lines` lines of the block join the tail. Short lines stay slices of their block (a
     * tail of short lines spans a block or two); a long line is redacted whole, then cut and
     * copied, so no tail line keeps a large block alive and no cut leaves half a secret.
     */
    keepTail(block, redacted) {
        const n = this.o.lines;
        if (n === 0)
            return;
        const fresh = [];
        let end = block.length - 1;
        while (fresh.length < n && end >= 0) {
            const start = block.lastIndexOf('\n', end - 1) + 1;
            const l = block.slice(start, end);
            fresh.push(l.length > this.maxLine ? detach(redacted ? l : this.o.redact(l), this.maxLine) : l);
            end = start - 1;
        }
        fresh.reverse();
        this.tail = fresh.length === n ? fresh : [...this.tail.slice(Math.max(0, this.tail.length - (n - fresh.length))), ...fresh];
    }
}
function count(s, c, from = 0, to = s.length) {
    let n = 0;
    for (let i = s.indexOf(c, from); i >= 0 && i < to; i = s.indexOf(c, i + 1))
        n++;
    return n;
}
/**
 * A copy of the first `max` characters that does not keep the block it was cut from alive (V8
 * slices share their parent string), with a note when the line was cut.
 */
function detach(s, max) {
    const cut = s.length > max ? `${s.slice(0, max)} … (${s.length - max} more characters)` : s;
    return Buffer.from(cut, 'utf8').toString('utf8');
}

;// CONCATENATED MODULE: ./src/incident/log-artifact.ts






/**
 * Uploads the redacted full logs as one workflow artifact. @actions/artifact is loaded only
 * here: it is large, and most runs never open an incident. A failed upload is reported, never
 * thrown: the incident goes on without the link.
 */
async function uploadLogs(files, name, ctx, o) {
    if (!files.length)
        return { note: 'no log was downloaded, so no artifact was uploaded.' };
    const where = (0,external_node_path_.dirname)(files[0]);
    if (o.unavailable)
        return { note: `upload skipped: ${o.unavailable}. The redacted logs are in ${where} on the runner.` };
    // The upload is the last thing the step does: its chunk loads only now.
    try {
        const { DefaultArtifactClient } = await Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(830), __webpack_require__.e(555), __webpack_require__.e(758), __webpack_require__.e(252)]).then(__webpack_require__.bind(__webpack_require__, 91252));
        const { id } = await new DefaultArtifactClient().uploadArtifact(name, [...files], where, o.retentionDays > 0 ? { retentionDays: o.retentionDays } : {});
        const repo = ctx.repository;
        const url = id && repo && ctx.runId ? `${ctx.serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${ctx.runId}/artifacts/${id}` : undefined;
        return { ...(url && { url }), note: `uploaded as artifact ${name}.` };
    }
    catch (e) {
        return { note: `upload failed: ${(0,message_of/* messageOf */.b)(e)}. The redacted logs are in ${where} on the runner.` };
    }
}
/**
 * Redacts each raw log copy into a `.log` file beside it and deletes the raw copy: only redacted
 * logs are uploaded or left on the runner. Streams: memory stays flat whatever the log's size.
 */
async function redactLogFiles(raw, redact) {
    const out = [];
    for (const file of raw) {
        const target = file.replace(/\.raw$/, '.log');
        const digest = new LogDigest({ lines: 0, redact, full: true });
        const sink = (0,external_node_fs_.createWriteStream)(target, { mode: 0o600 });
        const write = async (text) => {
            if (text && !sink.write(text))
                await (0,external_node_events_.once)(sink, 'drain');
        };
        try {
            for await (const chunk of (0,external_node_fs_.createReadStream)(file, { highWaterMark: 64 * 1024 }))
                await write(digest.push(chunk));
            await write(digest.end().rest);
        }
        finally {
            await new Promise((resolve) => sink.end(resolve));
            await (0,promises_.rm)(file, { force: true });
        }
        out.push(target);
    }
    return out;
}
/** What the issue says about the full logs before they are uploaded. */
function artifactPromise(name, runUrl, unavailable, dir) {
    if (unavailable)
        return { note: `no artifact: ${unavailable}. The redacted logs are kept in ${dir} on the runner.` };
    return {
        ...(runUrl && { url: `${runUrl}#artifacts` }),
        note: `artifact ${name}, uploaded after this issue was written (the job summary says if the upload failed).`
    };
}
/** An artifact name unique to the run attempt and environment, in the characters artifacts allow. */
function artifactName(environment, ctx) {
    return `deploy-guard-logs-${environment}-${ctx.runId || 'local'}-${ctx.runAttempt}`.replace(/[^\w.-]+/g, '_');
}

// EXTERNAL MODULE: ./src/github/compare.ts
var compare = __webpack_require__(20480);
// EXTERNAL MODULE: ./src/github/deployment-history.ts
var deployment_history = __webpack_require__(64685);
// EXTERNAL MODULE: ./src/incident/render-changes.ts
var render_changes = __webpack_require__(39108);
// EXTERNAL MODULE: ./src/rollback/find-last-good.ts
var find_last_good = __webpack_require__(89714);
;// CONCATENATED MODULE: ./src/incident/what-changed.ts





/** The commits between the last good release (the rollback's target, else the newest good deployment) and this one. */
async function whatChanged(input, conn, rollback) {
    const s = input.settings;
    const head = s.version;
    try {
        const good = rollback?.toSha || rollback?.toVersion
            ? { sha: rollback.toSha ?? rollback.toVersion ?? '', version: rollback.toVersion ?? rollback.toSha ?? '' }
            : (await (0,find_last_good/* findLastGood */.$)(new deployment_history/* DeploymentHistory */.uD(conn.client, conn.repo, s.environment), {
                version: s.version,
                ...(input.deployment && { deploymentId: input.deployment.id })
            })).target;
        if (!good)
            return { head, commits: [], total: 0, note: 'no earlier successful deployment of this environment was found, so there is nothing to compare with' };
        // The range ends at the version verified, not at the workflow's commit (a run on a newer
        // commit would list changes that are not in the release); a version that names no commit
        // (a semver number without a tag) falls back to the workflow's commit, and says so.
        const c = await (0,compare/* compareVersions */.Zy)(conn.client, conn.repo, good.sha, head, render_changes/* COMMITS_SHOWN */.tp).catch(async (e) => {
            const fallback = s.context.headSha;
            if ((e.status !== 404 && e.status !== 422) || !fallback || fallback === head)
                throw e;
            return { ...(await (0,compare/* compareVersions */.Zy)(conn.client, conn.repo, good.sha, fallback, render_changes/* COMMITS_SHOWN */.tp)), fallback };
        });
        const commits = await (0,compare/* withPulls */.jK)(conn.client, conn.repo, c.commits);
        return { base: good.version, head, compareUrl: c.htmlUrl, commits, total: c.total, ...('fallback' in c && { headFallback: c.fallback }) };
    }
    catch (e) {
        return { head, commits: [], total: 0, note: `the commits could not be listed: ${(0,message_of/* messageOf */.b)(e)}` };
    }
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
;// CONCATENATED MODULE: ./src/github/job-logs.ts

const PERMISSION = 'actions: read';
/** The jobs of one attempt of a workflow run (a re-run's jobs, not the first attempt's). */
async function listAttemptJobs(gh, repo, runId, attempt) {
    try {
        const { data } = await gh.rest.actions.listJobsForWorkflowRunAttempt({ ...repo, run_id: runId, attempt_number: attempt, per_page: 100 });
        return data.jobs.map((j) => ({
            id: j.id,
            name: j.name,
            status: j.status,
            conclusion: j.conclusion,
            url: j.html_url ?? '',
            ...(j.completed_at && { completedAt: Date.parse(j.completed_at) }),
            ...failedStep(j.steps)
        }));
    }
    catch (e) {
        throw (0,errors/* explain */.WE)('listing the jobs of this run', e, PERMISSION);
    }
}
function failedStep(steps) {
    const step = steps?.find((x) => x.conclusion === 'failure' || x.conclusion === 'timed_out');
    return step ? { failedStep: step.name } : {};
}
/** Why a job's log cannot be had, in the reader's words. */
class JobLogUnavailable extends Error {
    status;
    constructor(message, status) {
        super(message);
        this.status = status;
        this.name = 'JobLogUnavailable';
    }
}
/**
 * The signed URL of a job's log. GitHub answers 302 to blob storage; the redirect is not
 * followed here, so the token is never sent to the storage host: the caller downloads the URL
 * with no credentials. 404 and 410 mean the log is gone (expired, or never written).
 */
async function jobLogUrl(gh, repo, jobId) {
    let res;
    try {
        res = await gh.rest.actions.downloadJobLogsForWorkflowRun({ ...repo, job_id: jobId, request: { redirect: 'manual' } });
    }
    catch (e) {
        const status = e.status;
        if (status === 410)
            throw new JobLogUnavailable('the log has expired (GitHub answered 410 Gone)', 410);
        if (status === 404)
            throw new JobLogUnavailable('no log (GitHub answered 404: expired, never written, or the token lacks `actions: read`)', 404);
        const err = (0,errors/* explain */.WE)(`fetching the log of job ${jobId}`, e, PERMISSION);
        throw new JobLogUnavailable(err.message, err.status);
    }
    const location = res.headers.location;
    if (!location)
        throw new errors/* GitHubCallError */._6(`fetching the log of job ${jobId}`, res.status, `GitHub answered ${res.status} without a log location`);
    return location;
}

;// CONCATENATED MODULE: ./src/net/http-stream.ts
/** Sends a GET and resolves once the headers are in; the body is read by iterating `body`. */
async function httpStream(req) {
    const { HttpClient } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 22779));
    const client = new HttpClient('deploy-guard', [], {
        allowRedirects: req.maxRedirects > 0,
        maxRedirects: req.maxRedirects,
        allowRedirectDowngrade: false,
        socketTimeout: Math.min(req.timeoutMs, 60_000)
    });
    const deadline = AbortSignal.timeout(req.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
    const res = await raceAbort(client.get(req.url, { ...req.headers }), signal);
    const message = res.message;
    const stop = () => {
        message.destroy(new Error(deadline.aborted ? `the download took longer than ${Math.round(req.timeoutMs / 1000)} s` : 'aborted'));
    };
    if (signal.aborted)
        stop();
    else
        signal.addEventListener('abort', stop, { once: true });
    message.once('close', () => signal.removeEventListener('abort', stop));
    return { status: message.statusCode ?? 0, headers: message.headers, body: message };
}
/** The answer, or a rejection at the deadline; an answer that comes later is thrown away. */
function raceAbort(p, signal) {
    return new Promise((resolve, reject) => {
        const onAbort = () => reject(new Error('no answer before the deadline'));
        if (signal.aborted)
            return onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        p.then((v) => {
            signal.removeEventListener('abort', onAbort);
            if (signal.aborted)
                v.message.destroy();
            resolve(v);
        }, (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e instanceof Error ? e : new Error(String(e)));
        });
    });
}

;// CONCATENATED MODULE: ./src/incident/collect-logs.ts
// The pipeline's logs for the incident: the jobs of this run attempt, and the logs of the failed
// jobs and the deploy job streamed through a LogDigest (tail and error lines kept, redacted).
// For the artifact, each log is also copied as it streams to a raw file in the runner's temp
// directory, redacted after the issue is posted (incident-artifact.ts): the issue does not wait
// for a 200 MB log to be redacted whole.







/** Logs downloaded at most per incident: each costs an API call and a download. */
const MAX_LOGS = 4;
const DOWNLOAD_TIMEOUT_MS = 120_000;
/** Lists the attempt's jobs and attaches the relevant logs; a log that cannot be had becomes a note, never an error. */
async function collectJobLogs(conn, r) {
    let jobs;
    try {
        jobs = await listAttemptJobs(conn.client, conn.repo, r.runId, r.attempt);
    }
    catch (e) {
        return { jobs: [], files: [], note: `The jobs of this run could not be listed: ${(0,message_of/* messageOf */.b)(e)}` };
    }
    const isDeploy = (j) => j.name === r.deployJob || j.name.startsWith(`${r.deployJob} (`);
    const roleOf = (j) => j.status !== 'completed' ? undefined : ['failure', 'timed_out'].includes(j.conclusion ?? '') ? 'failed' : isDeploy(j) ? 'deploy' : undefined;
    const wanted = jobs.filter((j) => roleOf(j)).slice(0, MAX_LOGS);
    if (r.dir)
        (0,external_node_fs_.mkdirSync)(r.dir, { recursive: true });
    const files = [];
    const results = await Promise.all(jobs.map(async (j) => {
        const role = roleOf(j);
        const base = { ...j, ...(role && { role }) };
        if (j.status !== 'completed')
            return { ...base, note: 'still running: a log exists only once a job has finished (the guard reports its own job above)' };
        if (!wanted.includes(j))
            return base;
        const file = r.dir ? (0,external_node_path_.join)(r.dir, `${j.id}-${j.name.replace(/[^\w.-]+/g, '_').slice(0, 60)}.raw`) : undefined;
        try {
            const excerpt = await downloadLog(conn, j.id, r, file);
            if (file)
                files.push(file);
            return { ...base, excerpt };
        }
        catch (e) {
            return { ...base, note: e instanceof JobLogUnavailable ? e.message : `the log could not be read: ${(0,message_of/* messageOf */.b)(e)}` };
        }
    }));
    const deploy = jobs.find((j) => isDeploy(j) && j.completedAt !== undefined);
    return { jobs: results, files, ...(r.dir && { dir: r.dir }), ...(deploy?.completedAt !== undefined && { deployedAt: deploy.completedAt }) };
}
/** Streams one log: the API gives a signed URL, fetched without the token. */
async function downloadLog(conn, jobId, r, file) {
    const url = await jobLogUrl(conn.client, conn.repo, jobId);
    const res = await httpStream({ url, timeoutMs: DOWNLOAD_TIMEOUT_MS, maxRedirects: 3, ...(r.signal && { signal: r.signal }) });
    if (res.status === 404 || res.status === 410 || res.status === 403) {
        await drain(res.body);
        throw new JobLogUnavailable(`the log has expired or is gone (the log storage answered ${res.status})`, res.status);
    }
    if (res.status !== 200) {
        await drain(res.body);
        throw new JobLogUnavailable(`the log storage answered ${res.status}`, res.status);
    }
    const digest = new LogDigest({ lines: r.logLines, redact: r.redact });
    const out = file ? (0,external_node_fs_.createWriteStream)(file, { mode: 0o600 }) : undefined;
    try {
        for await (const chunk of res.body) {
            digest.push(chunk);
            if (out && !out.write(chunk))
                await (0,external_node_events_.once)(out, 'drain');
        }
        return digest.end().excerpt;
    }
    finally {
        if (out)
            await new Promise((resolve) => out.end(resolve));
    }
}
async function drain(body) {
    for await (const _ of body)
        void _;
}

// EXTERNAL MODULE: ./src/incident/notify-chat.ts + 1 modules
var notify_chat = __webpack_require__(87711);
;// CONCATENATED MODULE: ./src/incident/incident-step.ts
// The incident step of runFollowUps on a failed or inconclusive verdict: gather the evidence
// (logs, changes), decide the severity, then open the environment's incident or comment on the
// open one. Whatever GitHub does, the full text reaches the summary and the report.













/**
 * Opens or updates the environment's incident, then uploads the redacted full logs; never
 * throws. The issue goes first: redacting a large log whole takes seconds it need not wait for.
 */
async function openOrUpdateIncident(input, rollback) {
    const s = input.settings;
    if (!s.incident.enabled || (input.result !== 'failed' && input.result !== 'inconclusive'))
        return { actions: [] };
    const raw = [];
    const step = await postIncident(input, input.result, rollback, raw);
    if (!raw.length)
        return step;
    const redactor = (0,text_redact/* redactorFor */.sD)(s.secrets);
    const name = artifactName(s.environment, s.context);
    const files = await redactLogFiles(raw, (t) => redactor.text(t)).catch((e) => e);
    const artifact = files instanceof Error
        ? { note: `the logs could not be redacted for the artifact: ${files.message}` }
        : await uploadLogs(files, name, s.context, { retentionDays: s.incident.artifactRetentionDays, unavailable: s.incident.artifactUnavailable });
    const action = {
        what: 'full job logs as an artifact',
        ok: artifact.url !== undefined,
        ...(artifact.url && { url: artifact.url }),
        detail: artifact.note
    };
    return { ...step, actions: [...step.actions, action], ...(step.report && { report: { ...step.report, artifact: artifact.note } }) };
}
async function postIncident(input, result, rollback, raw) {
    const s = input.settings;
    const redactor = (0,text_redact/* redactorFor */.sD)(s.secrets);
    const conn = await input.github().catch(() => undefined);
    const issues = conn && new incidents/* IncidentIssues */.T(conn.client, conn.repo);
    // The lookup, the logs and the changes are independent: they go out together.
    const [existing, logs, changes] = await Promise.all([
        issues ? issues.findOpen(s.environment).catch((e) => e) : [],
        conn
            ? gatherLogs(input, conn, (t) => redactor.text(t))
            : Promise.resolve({ jobs: [], files: [], note: 'No GitHub connection: the jobs of this run were not listed.' }),
        conn
            ? whatChanged(input, conn, rollback)
            : Promise.resolve({ head: s.version, commits: [], total: 0, note: 'not known without a GitHub connection' })
    ]);
    raw.push(...logs.files);
    const artifact = logs.files.length
        ? artifactPromise(artifactName(s.environment, s.context), (0,context/* runUrl */.V)(s.context), s.incident.artifactUnavailable, logs.dir ?? '')
        : undefined;
    const report = (0,build_report/* buildReport */.F)(s, {
        result,
        reason: input.reason,
        startedAt: input.startedAt,
        endedAt: input.decidedAt,
        actions: [],
        runUrl: (0,context/* runUrl */.V)(s.context),
        ...(input.verification && { verification: input.verification })
    });
    const checks = incidentChecks(report.checks, s.verify.checks);
    const severity = (0,incident_severity/* decideSeverity */.kW)(s.incident.severityRules, {
        environment: s.environment,
        production: s.productionEnvironment,
        result,
        tags: checks.flatMap((c) => c.tags),
        rollbackFailed: rollback?.failed === true || rollback?.rollbackOfRollback === true,
        notRestored: rollback?.restore?.state === 'not restored'
    });
    const withheld = logsWithheld(s.incident, checks);
    const told = {
        environment: s.environment,
        version: s.version,
        result,
        reason: input.reason,
        deployResult: s.deployResult,
        severity,
        mentions: mentionsFor(s.incident, severity.severity, checks),
        checks,
        times: {
            deployedAt: Math.min(logs.deployedAt ?? input.startedAt, input.decidedAt),
            detectedAt: input.decidedAt,
            windowStartedAt: input.startedAt,
            ...(rollback?.sentAt !== undefined && { rollbackSentAt: rollback.sentAt })
        },
        ...(rollback && { rollback }),
        ...(input.deployment && { deployment: { ...input.deployment, state: result === 'failed' ? 'failure' : 'error' } }),
        runUrl: report.runUrl,
        runbookUrl: s.incident.runbookUrl,
        playbookUrl: s.incident.playbookUrl,
        repoUrl: repoUrl(input),
        changes,
        jobs: logs.jobs,
        ...(withheld && { logsWithheld: withheld }),
        ...(artifact && { artifact }),
        ...(logs.note && { jobsNote: logs.note })
    };
    // Nothing leaves unredacted: the facts are redacted whole before the renderer cuts any of
    // them to fit (a cut first could leave half a secret no pattern knows), and the result again.
    const facts = redactor.value(told);
    const redact = (r) => ({
        title: redactor.text(r.title),
        body: redactor.text(r.body),
        comments: r.comments.map((c) => redactor.text(c))
    });
    const asNew = redact(renderIncident(facts, 'open', s.incident.closeOnRecovery));
    let asComment;
    // Rendered when needed, once: for the comment on an open incident and again for the report's text.
    const asUpdate = () => (asComment ??= redact(renderIncident(facts, 'update', s.incident.closeOnRecovery)));
    const base = { title: asNew.title, severity: severity.severity };
    const fullText = (r) => [r.body, ...r.comments].join('\n\n---\n\n');
    if (!issues)
        return notPosted(input, asNew, fullText, base, 'no GitHub connection (github-token or GITHUB_REPOSITORY missing)');
    // A lookup that failed is no reason to leave the failure without an incident: open one, and
    // the second look after creating closes it as a duplicate if one was open after all.
    const lookupFailed = existing instanceof Error ? `listing open incidents failed (${existing.message}); opened one anyway` : undefined;
    const openNow = existing instanceof Error ? [] : existing;
    const posted = openNow.length
        ? await update(issues, openNow[0], asUpdate(), facts, redactor.text.bind(redactor))
        : await write_issue_open(issues, input.settings, asNew, asUpdate, severity.severity, facts, redactor.text.bind(redactor)).catch((e) => e instanceof Error ? e : new Error(String(e)));
    if (posted instanceof Error)
        return notPosted(input, asNew, fullText, base, posted.message);
    const outcome = { number: posted.number, url: posted.url, action: posted.action };
    const failed = posted.failed.join('; ');
    if (failed)
        input.log.warning(`Incident #${posted.number}: ${failed}`, { title: 'deploy-guard: incident issue' });
    const detail = [posted.detail, lookupFailed, failed && `not done: ${failed}`].filter(Boolean).join('; ');
    const verb = posted.action === 'opened' ? 'opened' : posted.delivered ? 'commented on' : 'could not comment on';
    const actions = [
        { what: `${verb} incident #${posted.number} (${severity.severity})`, ok: !failed, url: posted.url, ...(detail && { detail }) }
    ];
    const chat = await (0,notify_chat/* notifyChat */.Y)(s, redactor, {
        event: posted.action === 'opened' ? 'opened' : 'updated',
        environment: s.environment,
        version: s.version,
        result,
        severity: severity.severity,
        reason: input.reason,
        issueUrl: posted.url,
        issueNumber: posted.number,
        runUrl: report.runUrl
    });
    if (chat)
        actions.push(chat);
    return {
        outcome,
        actions,
        report: {
            ...base,
            ...(posted.title && { title: posted.title }),
            ...(posted.severity && { severity: posted.severity }),
            action: posted.action,
            number: posted.number,
            url: posted.url,
            // The issue exists and is named; `error` says what of this run's text did not reach it.
            posted: posted.delivered,
            text: fullText(posted.action === 'opened' ? asNew : asUpdate()),
            ...(failed && { error: failed })
        }
    };
}
async function notPosted(input, r, fullText, base, error) {
    const s = input.settings;
    const message = `Could not post the incident: ${error} The full incident text is in the job summary and the JSON report.`;
    input.log.warning(message, { title: 'deploy-guard: incident issue' });
    const actions = [{ what: 'could not post the incident issue', ok: false, detail: error }];
    const chat = await (0,notify_chat/* notifyChat */.Y)(s, (0,text_redact/* redactorFor */.sD)(s.secrets), {
        event: 'not posted',
        environment: s.environment,
        version: s.version,
        result: input.result,
        ...(base.severity && { severity: base.severity }),
        reason: input.reason,
        runUrl: (0,context/* runUrl */.V)(s.context)
    });
    if (chat)
        actions.push(chat);
    return { actions, report: { ...base, posted: false, text: fullText(r), error } };
}
async function gatherLogs(input, conn, redact) {
    const s = input.settings;
    const runId = Number(s.context.runId);
    if (!runId)
        return { jobs: [], files: [], note: 'Not running in a workflow run (no GITHUB_RUN_ID): no job logs.' };
    const dir = s.incident.artifact ? (0,external_node_path_.join)(s.context.tempDir, `deploy-guard-logs-${runId}-${s.context.runAttempt}`) : undefined;
    return collectJobLogs(conn, {
        runId,
        attempt: Number(s.context.runAttempt) || 1,
        deployJob: s.incident.deployJob,
        logLines: s.incident.logLines,
        redact,
        ...(dir && { dir })
    });
}
function repoUrl(input) {
    const c = input.settings.context;
    return c.repository ? `${c.serverUrl}/${c.repository.owner}/${c.repository.repo}` : '';
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


/***/ })

};

//# sourceMappingURL=305.index.js.map