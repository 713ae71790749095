export const id = 609;
export const ids = [609];
export const modules = {

/***/ 88328:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bd: () => (/* binding */ renderMarker),
/* harmony export */   WG: () => (/* binding */ environmentLabel),
/* harmony export */   gY: () => (/* binding */ parseMarker)
/* harmony export */ });
// The hidden marker that identifies an environment's incident issue and carries what the
// recovery comment needs (the first failure's times), so no other store is needed.
const PREFIX = '<!-- deploy-guard:incident ';
const MARKER = /<!-- deploy-guard:incident (\{.*?\}) -->/;
/** The marker as an HTML comment; `<`, `>` and `&` are JSON-escaped so a name cannot end the comment. */
function renderMarker(m) {
    const json = JSON.stringify(m).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
    return `${PREFIX}${json} -->`;
}
/** The marker of an issue body, or undefined when it has none (or a damaged one). */
function parseMarker(body) {
    const m = body ? MARKER.exec(body) : null;
    if (!m)
        return undefined;
    try {
        const v = JSON.parse(m[1]);
        if (typeof v.environment !== 'string' || typeof v.detectedAt !== 'number')
            return undefined;
        return {
            environment: v.environment,
            version: String(v.version ?? ''),
            deployedAt: Number(v.deployedAt ?? v.detectedAt),
            detectedAt: v.detectedAt,
            ...(typeof v.rollbackSentAt === 'number' && { rollbackSentAt: v.rollbackSentAt })
        };
    }
    catch {
        return undefined;
    }
}
/** The environment label every incident of that environment carries; the lookup lists by it. */
function environmentLabel(environment) {
    // GitHub caps label names at 50 characters, and the issue list's `labels` filter is
    // comma-separated: a comma would split the label in two and find nothing. Names that become
    // alike here are told apart by the marker in the body.
    return `env:${environment.replace(/,/g, ';')}`.slice(0, 50);
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

/***/ 59932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ IncidentIssues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _safe_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39080);
/* harmony import */ var _facts_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88328);



const PERMISSION = 'issues: write';
/**
 * The environment's incident issues. Lookups list open issues by the environment label, not
 * the search API, whose index lags behind a fresh issue by seconds to minutes; the hidden
 * marker in the body confirms each one. Every write goes through safeWrite and names where its
 * effect shows: the issue with the environment's marker, the comment with the exact body sent.
 */
class IncidentIssues {
    gh;
    repo;
    constructor(gh, repo) {
        this.gh = gh;
        this.repo = repo;
    }
    /** Every open incident of the environment, oldest first: the oldest is the one that stays. */
    async findOpen(environment) {
        try {
            const found = await this.list(environment, { state: 'open', sort: 'created', direction: 'asc' }, 3);
            return found.sort((a, b) => a.number - b.number);
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('listing open incident issues', e, PERMISSION);
        }
    }
    /** Every incident of the environment, open or closed, updated since `since` (the delivery report's). */
    async findSince(environment, since, maxPages) {
        try {
            return await this.list(environment, { state: 'all', since: new Date(since).toISOString() }, maxPages);
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('listing the incident issues', e, 'issues: read');
        }
    }
    // The environment label narrows the list; the marker in the body decides (a label can be put on anything).
    async list(environment, q, maxPages) {
        const found = [];
        for (let page = 1; page <= maxPages; page++) {
            const { data } = await this.gh.rest.issues.listForRepo({ ...this.repo, ...q, labels: (0,_facts_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentLabel */ .WG)(environment), per_page: 100, page });
            for (const i of data) {
                const marker = i.pull_request ? undefined : (0,_facts_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(i.body);
                if (marker?.environment !== environment)
                    continue;
                found.push({
                    number: i.number,
                    url: i.html_url,
                    title: i.title,
                    labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
                    marker,
                    createdAt: Date.parse(i.created_at),
                    ...(i.closed_at && { closedAt: Date.parse(i.closed_at) })
                });
            }
            if (data.length < 100)
                break;
        }
        return found;
    }
    /**
     * Opens an issue. Assignees GitHub refuses (not collaborators: 422 naming them) are dropped and
     * the issue opened with the others, since nothing was created by the refused call; when the
     * answer does not name them, with none. An attempt that got no answer is looked for as the open
     * issue carrying the body's environment marker.
     */
    async create(o) {
        const environment = (0,_facts_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(o.body)?.environment;
        const create = (assignees) => (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(this.gh.writes, {
            what: 'opening the incident issue',
            send: async () => {
                const { data } = await this.gh.rest.issues.create({
                    ...this.repo,
                    title: o.title,
                    body: o.body,
                    labels: [...o.labels],
                    assignees: [...assignees],
                    request: { retries: 0 }
                });
                return { number: data.number, url: data.html_url, assigneesDropped: o.assignees.filter((a) => !assignees.includes(a)) };
            },
            lookup: {
                name: `an open incident issue of ${environment ?? 'the environment'}`,
                find: async () => {
                    if (environment === undefined)
                        return undefined;
                    const [found] = await this.findOpen(environment);
                    return found && { number: found.number, url: found.url, assigneesDropped: [] };
                }
            }
        });
        try {
            return await create(o.assignees);
        }
        catch (e) {
            if (e.status !== 422 || !o.assignees.length)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('opening the incident issue', e, PERMISSION);
            const refused = refusedAssignees(e);
            const kept = refused.length ? o.assignees.filter((a) => !refused.includes(a.toLowerCase())) : [];
            try {
                return await create(kept);
            }
            catch (e2) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('opening the incident issue', e2, PERMISSION);
            }
        }
    }
    /** Posts a comment; returns its URL. An unanswered attempt is looked for as a comment with exactly this body. */
    async comment(issue, body) {
        try {
            return await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(this.gh.writes, {
                what: `commenting on incident #${issue}`,
                send: async () => {
                    const { data } = await this.gh.rest.issues.createComment({ ...this.repo, issue_number: issue, body, request: { retries: 0 } });
                    return data.html_url;
                },
                lookup: {
                    name: `this run's comment on #${issue}`,
                    find: async (since) => {
                        const { data } = await this.gh.rest.issues.listComments({
                            ...this.repo,
                            issue_number: issue,
                            since: new Date(since - 2000).toISOString(),
                            per_page: 100
                        });
                        return data.find((c) => c.body === body)?.html_url;
                    }
                }
            });
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`commenting on incident #${issue}`, e, PERMISSION);
        }
    }
    /** Closes the issue: `completed` on recovery, `duplicate` for a second incident a race opened. Closing twice is closing once. */
    async close(issue, reason) {
        try {
            await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(this.gh.writes, {
                what: `closing incident #${issue}`,
                send: async () => {
                    await this.gh.rest.issues.update({ ...this.repo, issue_number: issue, state: 'closed', state_reason: reason, request: { retries: 0 } });
                    return true;
                },
                lookup: (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .idempotent */ .yB)(`#${issue} closed`)
            });
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`closing incident #${issue}`, e, PERMISSION);
        }
    }
    /** Sets the title: the open incident's title follows the newest failure. Repeats safely. */
    async retitle(issue, title) {
        try {
            await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(this.gh.writes, {
                what: `retitling incident #${issue}`,
                send: async () => {
                    await this.gh.rest.issues.update({ ...this.repo, issue_number: issue, title, request: { retries: 0 } });
                    return true;
                },
                lookup: (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .idempotent */ .yB)(`the title of #${issue}`)
            });
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`retitling incident #${issue}`, e, PERMISSION);
        }
    }
    /** Adds labels and removes others; used when the severity changes. Both repeat safely: a label added twice is one label. */
    async relabel(issue, add, remove) {
        try {
            if (add.length) {
                await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(this.gh.writes, {
                    what: `labelling incident #${issue}`,
                    send: async () => {
                        await this.gh.rest.issues.addLabels({ ...this.repo, issue_number: issue, labels: [...add], request: { retries: 0 } });
                        return true;
                    },
                    lookup: (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .idempotent */ .yB)(`the labels on #${issue}`)
                });
            }
            for (const name of remove) {
                await (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .safeWrite */ .TC)(this.gh.writes, {
                    what: `removing label ${name} from incident #${issue}`,
                    send: async () => {
                        await this.gh.rest.issues.removeLabel({ ...this.repo, issue_number: issue, name, request: { retries: 0 } }).catch((e) => {
                            if (e.status !== 404)
                                throw e;
                        });
                        return true;
                    },
                    lookup: (0,_safe_write_js__WEBPACK_IMPORTED_MODULE_1__/* .idempotent */ .yB)(`label ${name} removed from #${issue}`)
                });
            }
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`labelling incident #${issue}`, e, PERMISSION);
        }
    }
}
/** The assignees a 422 names as invalid (`errors: [{ field: 'assignees', value }]`), lower-cased. */
function refusedAssignees(e) {
    const errors = e.response?.data?.errors;
    if (!Array.isArray(errors))
        return [];
    return errors
        .filter((x) => typeof x === 'object' && x !== null && x.field === 'assignees')
        .map((x) => String(x.value).toLowerCase());
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

/***/ 95240:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ span),
/* harmony export */   n: () => (/* binding */ utc)
/* harmony export */ });
/** `2026-05-01 10:04:12 UTC`: what an on-call engineer compares with dashboards. */
function utc(ms) {
    return new Date(ms)
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, ' UTC');
}
/** A span to the second: `4m12s`, `1h2m`, `0s`; negative spans (clock skew) read as 0s. */
function span(ms) {
    let s = Math.max(0, Math.round(ms / 1000));
    if (s === 0)
        return '0s';
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3600],
        ['m', 60],
        ['s', 1]
    ]) {
        const n = Math.floor(s / size);
        if (n > 0)
            parts.push(`${n}${unit}`);
        s -= n * size;
    }
    return parts.slice(0, 2).join('');
}


/***/ }),

/***/ 39052:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ codeBlock),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   js: () => (/* binding */ htmlText)
/* harmony export */ });
/* unused harmony export oneLine */
// Untrusted text (commit messages, PR titles, author names, branch names, log lines) in an
// issue body. GitHub renders mentions, issue references, autolinks and HTML anywhere but in code,
// and a backslash or an entity before `@` still notifies (PRODUCT.md section 6): code spans and
// code blocks are the only places where nothing is interpreted, so untrusted text goes there.
// Controls other than tab, and the bidirectional overrides that make text read other than it is.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/** Text on one line, without control characters, cut to `max` characters with an ellipsis. */
function oneLine(text, max = 200) {
    const flat = text
        .replace(/\r?\n|\r/g, ' ')
        .replace(INVISIBLE, '')
        .trim();
    if (flat.length <= max)
        return flat;
    // Cut at a word when one is near: half a word (`by in…`) reads as another word.
    const cut = flat.slice(0, max - 1);
    const space = cut.lastIndexOf(' ');
    return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
/**
 * A code span holding the text literally: the delimiter is one backtick longer than the
 * longest run inside, with a space of padding where the text starts or ends with a backtick.
 * In a table cell (`cell`), pipes are escaped: GFM splits cells before it reads code spans.
 */
function code(text, { max = 200, cell = false } = {}) {
    let t = oneLine(text, max);
    if (t === '')
        return '` `';
    if (cell)
        t = t.replace(/\|/g, '\\|');
    const longest = Math.max(0, ...[...t.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = '`'.repeat(longest + 1);
    const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}
/**
 * A fenced code block holding the lines literally: the fence is longer than any run of
 * backticks in them, so no line can close it. Lines lose control characters.
 */
function codeBlock(lines, info = 'text') {
    const body = lines.map((l) => l.replace(INVISIBLE, '')).join('\n');
    const longest = Math.max(0, ...[...body.matchAll(/`{3,}/g)].map((m) => m[0].length));
    const fence = '`'.repeat(Math.max(3, longest + 1));
    return `${fence}${info}\n${body}\n${fence}`;
}
/** Text for HTML such as a `<summary>`: escaped, and no mention or reference can form. */
function htmlText(text, max = 200) {
    return oneLine(text, max)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/@/g, '@\u200b')
        .replace(/#(?=\d)/g, '#\u200b')
        .replace(/:\/\//g, ':/\u200b/')
        .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\u200b.`);
}


/***/ }),

/***/ 12609:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/text/redact.ts + 3 modules
var redact = __webpack_require__(37188);
// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(86590);
;// CONCATENATED MODULE: ./src/report/bands.ts
// DORA's 2024 performance clusters (Accelerate State of DevOps Report 2024), as the report
// prints them. The report year is printed with every band: the clusters move from year to year.
const DORA_YEAR = 2024;
const BANDS = ['elite', 'high', 'medium', 'low'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Lead time for changes: elite under a day, high under a week, medium under a month, else low. */
function leadTimeBand(medianMs) {
    return medianMs < DAY ? 'elite' : medianMs < 7 * DAY ? 'high' : medianMs < 30 * DAY ? 'medium' : 'low';
}
/** Deployment frequency: elite on demand (daily or more), high weekly to daily, medium monthly to weekly, else low. */
function frequencyBand(perWeek) {
    return perWeek >= 7 ? 'elite' : perWeek >= 1 ? 'high' : perWeek >= 7 / 30 ? 'medium' : 'low';
}
/**
 * Change fail rate: the 2024 clusters sit at 5 % (elite), 20 % (high), 10 % (medium) and 40 %
 * (low), not in order; a rate takes the cluster whose value is nearest.
 */
function changeFailBand(rate) {
    return rate <= 0.075 ? 'elite' : rate <= 0.15 ? 'medium' : rate <= 0.3 ? 'high' : 'low';
}
/** Failed deployment recovery time: elite under an hour, high under a day, medium under a week, else low. */
function recoveryBand(medianMs) {
    return medianMs < HOUR ? 'elite' : medianMs < DAY ? 'high' : medianMs < 7 * DAY ? 'medium' : 'low';
}
/** The overall band: the lowest of the figures that have one (a team is as fast as its slowest key). */
function overallBand(bands) {
    const known = bands.filter((b) => b !== undefined);
    return known.length ? known.reduce((a, b) => (BANDS.indexOf(b) > BANDS.indexOf(a) ? b : a)) : undefined;
}
/** What each band means, printed under the figures. */
const BAND_TEXT = {
    leadTime: 'elite < 1 day, high < 1 week, medium < 1 month, low longer',
    frequency: 'elite ≥ daily (on demand), high ≥ weekly, medium ≥ monthly, low less often',
    changeFail: 'cluster values elite 5 %, high 20 %, medium 10 %, low 40 %: the nearest one',
    recovery: 'elite < 1 hour, high < 1 day, medium < 1 week, low longer',
    rework: 'DORA 2024 publishes no clusters for rework rate'
};

// EXTERNAL MODULE: ./src/rollback/rollback-plan.ts
var rollback_plan = __webpack_require__(3312);
// EXTERNAL MODULE: ./src/rollback/judge.ts
var judge = __webpack_require__(1667);
;// CONCATENATED MODULE: ./src/report/history.ts
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** GitHub keeps deployment statuses 90 days: older deployments may have none left. */
const STATUS_RETENTION_MS = 90 * DAY_MS;
/** The commit graph of the compare, with ancestry walks bounded by it. */
class CommitGraph {
    bySha = new Map();
    constructor(commits) {
        for (const c of commits)
            this.bySha.set(c.sha, c);
    }
    has(sha) {
        return this.bySha.has(sha);
    }
    get(sha) {
        return this.bySha.get(sha);
    }
    /** Commits reachable from `sha` inside the graph, not crossing `stop`, nearest first. */
    ancestors(sha, stop = new Set()) {
        const out = [];
        const seen = new Set();
        const queue = [sha];
        for (let i = 0; i < queue.length; i++) {
            const cur = queue[i];
            if (seen.has(cur) || stop.has(cur))
                continue;
            seen.add(cur);
            const c = this.bySha.get(cur);
            if (!c)
                continue;
            out.push(cur);
            queue.push(...c.parents);
        }
        return out;
    }
    /** Whether `a` is reachable from `b` (b itself excluded). */
    isAncestor(a, b) {
        if (a === b || !this.bySha.has(a) || !this.bySha.has(b))
            return false;
        // Stops at the first sight of `a`: a rollback is usually a few commits behind.
        const seen = new Set();
        const queue = [b];
        for (let i = 0; i < queue.length; i++) {
            const c = this.bySha.get(queue[i]);
            if (!c || seen.has(queue[i]))
                continue;
            seen.add(queue[i]);
            for (const p of c.parents) {
                if (p === a)
                    return true;
                queue.push(p);
            }
        }
        return false;
    }
    /** The first-parent chain from `sha` down, inside the graph. */
    firstParents(sha) {
        const out = [];
        const seen = new Set();
        let cur = sha;
        while (cur && this.bySha.has(cur) && !seen.has(cur)) {
            out.push(cur);
            seen.add(cur);
            cur = this.bySha.get(cur)?.parents[0];
        }
        return out;
    }
    /** Every commit, in the order the compare listed them. */
    all() {
        return this.bySha.values();
    }
}

;// CONCATENATED MODULE: ./src/report/classify.ts
// Pure: which records are deployments, how each one ended, which were rollbacks or redeploys,
// which failed (and the evidence), and the changes each one brought (PRODUCT.md section 10).



/** Status descriptions deploy-guard writes start with this (verify/verify-mode.ts). */
const GUARD = /^deploy-guard\b/;
const TERMINAL = new Set(['success', 'failure', 'error']);
const RUN = /\/actions\/runs\/(\d+)/;
/** Pure: the environment's deployments in time order, deduplicated, judged and attributed. */
function classify(h, graph = new CommitGraph(h.commits)) {
    const inScope = h.deployments.filter((d) => d.environment === h.environment && !d.transient);
    const records = inScope.filter((d) => d.task === rollback_plan/* RECORD_TASK */.oN);
    const real = inScope.filter((d) => d.task !== rollback_plan/* RECORD_TASK */.oN);
    const missing = real.filter((d) => d.statuses.length === 0 && d.createdAt < h.now - STATUS_RETENTION_MS).map((d) => ({ id: d.id, createdAt: d.createdAt }));
    const merged = mergeRuns(real.filter((d) => d.statuses.some((s) => TERMINAL.has(s.state))));
    const out = [];
    const claimed = new Set();
    const seen = new Set();
    let lastGood;
    let previous;
    for (const m of merged) {
        const base = judgeStatuses(m);
        const recorded = records.some((r) => r.sha === m.sha && r.createdAt <= m.createdAt && (!previous || r.createdAt >= previous.createdAt));
        // Only a commit already delivered can be behind the last good one: the walk is skipped for new ones.
        const behind = !!lastGood &&
            lastGood.sha !== m.sha &&
            (claimed.has(m.sha) || seen.has(m.sha)) &&
            (graph.isAncestor(m.sha, lastGood.sha) || (!graph.has(m.sha) && graph.has(lastGood.sha)));
        const rollback = !!m.rollback || recorded || behind;
        const redeploy = !rollback && seen.has(m.sha);
        const changes = rollback ? [] : changesOf(graph, m.sha, claimed, h.baseSha, seen);
        const { statuses: _statuses, rollback: _mark, ...record } = m;
        const d = { ...record, ...base, rollback, redeploy, ...(changes && { changes }) };
        if (d.outcome === 'success') {
            for (const c of graph.ancestors(m.sha, claimed))
                claimed.add(c);
            lastGood = d;
        }
        seen.add(m.sha);
        previous = m;
        out.push(d);
    }
    return { deployments: withFailures(out, inScope, h.incidents, h.environment), missing };
}
/** The same SHA deployed by one workflow run (a job's `environment:` and the guard's record) counts once. */
function mergeRuns(list) {
    const sorted = [...list].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
    const byKey = new Map();
    const order = [];
    for (const d of sorted) {
        const runId = d.rollback?.runId || d.statuses.map((s) => RUN.exec(s.logUrl)?.[1]).find((x) => x);
        const key = runId ? `${d.sha}@${runId}` : `id:${d.id}`;
        const had = byKey.get(key);
        if (had) {
            byKey.set(key, { ...had, ids: [...had.ids, d.id], statuses: [...had.statuses, ...d.statuses], ...(d.version && { version: d.version }) });
            continue;
        }
        order.push(key);
        byKey.set(key, {
            id: d.id,
            ids: [d.id],
            sha: d.sha,
            version: d.version ?? tagOf(d.ref) ?? d.sha,
            createdAt: d.createdAt,
            ...(runId && { runId }),
            statuses: d.statuses,
            ...(d.rollback && { rollback: d.rollback })
        });
    }
    return order.map((k) => byKey.get(k));
}
function tagOf(ref) {
    const tag = /^refs\/tags\/(.+)$/.exec(ref)?.[1];
    return tag ?? (/^v?\d+\.\d+\.\d+/.test(ref) ? ref : undefined);
}
function judgeStatuses(m) {
    const list = [...m.statuses].sort((a, b) => a.createdAt - b.createdAt);
    const terminal = list.filter((s) => TERMINAL.has(s.state));
    const last = terminal[terminal.length - 1];
    const guardFailed = terminal.find((s) => s.state === 'failure' && GUARD.test(s.description));
    const success = terminal.find((s) => s.state === 'success');
    const verified = terminal.find((s) => s.state === 'success' && GUARD.test(s.description));
    const outcome = guardFailed ? 'failure' : last.state;
    return {
        outcome,
        finishedAt: last.createdAt,
        ...(success && outcome === 'success' && { succeededAt: success.createdAt }),
        ...(verified && !guardFailed && { verifiedAt: verified.createdAt }),
        logUrl: (guardFailed ?? last).logUrl,
        ...(guardFailed && { guardFailedAt: guardFailed })
    };
}
/** Non-merge commits reachable from `sha` and not delivered before; undefined when the graph does not hold it. */
function changesOf(graph, sha, claimed, baseSha, seen) {
    if (!graph.has(sha))
        return sha === baseSha || seen.has(sha) ? [] : undefined;
    return graph
        .ancestors(sha, claimed)
        .filter((c) => (graph.get(c)?.parents.length ?? 0) < 2)
        .reverse();
}
/** Failures: failed by the guard, rolled back (the guard's record names it), or owning an incident. */
function withFailures(list, inScope, incidents, environment) {
    const keyed = (d, key) => (0,judge/* versionKey */._5)(d.version) === key || d.sha.toLowerCase() === key;
    const latestBefore = (key, at) => list.filter((d) => keyed(d, key) && d.createdAt <= at && !d.rollback).sort((a, b) => b.createdAt - a.createdAt)[0];
    const rollbackOf = new Map();
    for (const r of inScope.filter((d) => d.rollback)) {
        const mark = r.rollback;
        const target = (mark.ofDeployment !== undefined && list.find((d) => d.ids.includes(mark.ofDeployment))) || latestBefore((0,judge/* versionKey */._5)(mark.of), r.createdAt);
        if (target && !rollbackOf.has(target.id))
            rollbackOf.set(target.id, { deploymentId: r.id, at: r.createdAt, url: mark.runUrl ?? '' });
    }
    const incidentOf = new Map();
    for (const i of [...incidents].sort((a, b) => a.number - b.number)) {
        if (i.marker.environment !== environment)
            continue;
        const target = latestBefore((0,judge/* versionKey */._5)(i.marker.version), i.marker.detectedAt);
        if (target && !incidentOf.has(target.id))
            incidentOf.set(target.id, { number: i.number, url: i.url, detectedAt: i.marker.detectedAt });
    }
    return list.map((d) => {
        const { guardFailedAt, ...rest } = d;
        const rollback = rollbackOf.get(d.id);
        const incident = incidentOf.get(d.id);
        if (!guardFailedAt && !rollback && !incident)
            return rest;
        const failure = {
            ...(guardFailedAt && { verdict: { at: guardFailedAt.createdAt, url: guardFailedAt.logUrl } }),
            ...(rollback && { rollback }),
            ...(incident && { incident })
        };
        return { ...rest, failure };
    });
}

;// CONCATENATED MODULE: ./src/report/stats.ts
/** Pure: the median (the mean of the two middle values for an even count); undefined when empty. */
function median(values) {
    if (!values.length)
        return undefined;
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
/** Pure: the p-th percentile by nearest rank (the smallest value with at least p % at or below it). */
function percentile(values, p) {
    if (!values.length)
        return undefined;
    const s = [...values].sort((a, b) => a - b);
    return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

;// CONCATENATED MODULE: ./src/report/figures.ts
// Pure: DORA's five keys over one window (PRODUCT.md section 10), from the classified
// deployments and the PR of each change. Every figure carries its n; under 5 deployments the
// window has "insufficient data" and no figure has a value.



const MIN_DEPLOYMENTS = 5;
const inWindow = (w) => (t) => t >= w.start && t < w.end;
/** Pure: the changes delivered by the successful deployments of a window, with their lead times. */
function figures_changesOf(list, w, graph, pullOf) {
    const firstCommit = new Map();
    for (const p of pullOf.values())
        if (p?.firstCommitAt !== undefined)
            firstCommit.set(p.number, Math.min(firstCommit.get(p.number) ?? p.firstCommitAt, p.firstCommitAt));
    for (const [sha, p] of pullOf) {
        const at = p ? graph.get(sha)?.authoredAt : undefined;
        if (p && at !== undefined)
            firstCommit.set(p.number, Math.min(firstCommit.get(p.number) ?? at, at));
    }
    const out = [];
    for (const d of list) {
        if (d.succeededAt === undefined || !inWindow(w)(d.createdAt))
            continue;
        for (const sha of d.changes ?? []) {
            const c = graph.get(sha);
            if (!c)
                continue;
            const pull = pullOf.get(sha) ?? undefined;
            const firstCommitAt = pull ? (firstCommit.get(pull.number) ?? c.authoredAt) : c.authoredAt;
            out.push({
                sha,
                title: c.title,
                author: c.author,
                url: c.url,
                deploymentId: d.id,
                deployedAt: d.succeededAt,
                ...(pull && { pull }),
                firstCommitAt,
                leadMs: d.succeededAt - firstCommitAt,
                ...(pull?.mergedAt !== undefined && { openToMergeMs: pull.mergedAt - pull.createdAt, mergeToDeployMs: d.succeededAt - pull.mergedAt })
            });
        }
    }
    return out;
}
function spread(values) {
    const m = median(values);
    const p = percentile(values, 90);
    return { n: values.length, ...(m !== undefined && { medianMs: m }), ...(p !== undefined && { p90Ms: p }) };
}
/**
 * Where a failure's recovery starts (PRODUCT.md section 10: "from a failed deployment's
 * verdict"): the guard's verdict, else the incident's detection (an incident opened on a
 * deployment the guard passed), else the rollback, else its last status.
 */
function failedAt(d) {
    return d.failure?.verdict?.at ?? d.failure?.incident?.detectedAt ?? d.failure?.rollback?.at ?? d.finishedAt;
}
/** Pure: the five keys of one window. */
function figuresOf(all, w, changes) {
    const list = all.filter((d) => inWindow(w)(d.createdAt));
    const insufficient = list.length < MIN_DEPLOYMENTS;
    const weeks = (w.end - w.start) / WEEK_MS;
    const ok = !insufficient;
    const successes = list.filter((d) => d.outcome === 'success');
    const days = new Set(successes.map((d) => new Date(d.succeededAt ?? d.createdAt).toISOString().slice(0, 10)));
    const perWeek = successes.length / weeks;
    const lead = spread(changes.map((c) => c.leadMs));
    const counted = list.filter((d) => !d.rollback);
    const failures = counted.filter((d) => d.failure);
    const rate = counted.length ? failures.length / counted.length : undefined;
    const recovered = [];
    const unrecovered = [];
    for (const f of failures) {
        const start = failedAt(f);
        const at = all.find((d) => d.createdAt >= f.createdAt && d.id !== f.id && d.verifiedAt !== undefined && d.verifiedAt > start)?.verifiedAt;
        if (at === undefined)
            unrecovered.push(f.id);
        else
            recovered.push(at - start);
    }
    const recovery = spread(recovered);
    const rework = list.filter((d) => d.rollback || d.redeploy);
    const leadBand = ok && lead.medianMs !== undefined ? leadTimeBand(lead.medianMs) : undefined;
    const freqBand = ok ? frequencyBand(perWeek) : undefined;
    const cfBand = ok && rate !== undefined ? changeFailBand(rate) : undefined;
    const recBand = ok && recovery.medianMs !== undefined ? recoveryBand(recovery.medianMs) : undefined;
    const band = ok ? overallBand([leadBand, freqBand, cfBand, recBand]) : undefined;
    const withPull = changes.filter((c) => c.openToMergeMs !== undefined);
    return {
        window: w,
        deployments: list.length,
        insufficient,
        leadTime: {
            ...(ok ? lead : { n: lead.n }),
            openToMerge: ok ? spread(withPull.map((c) => c.openToMergeMs)) : { n: withPull.length },
            mergeToDeploy: ok ? spread(withPull.map((c) => c.mergeToDeployMs)) : { n: withPull.length },
            unattributed: list.filter((d) => d.outcome === 'success' && !d.rollback && d.changes === undefined).length,
            ...(leadBand && { band: leadBand })
        },
        frequency: { n: successes.length, ...(ok && { perWeek, daysPerWeek: days.size / weeks }), ...(freqBand && { band: freqBand }) },
        changeFail: {
            n: counted.length,
            failed: failures.length,
            ...(ok && rate !== undefined && { rate }),
            ...(cfBand && { band: cfBand }),
            failures: failures.map((d) => d.id)
        },
        recovery: { ...(ok ? recovery : { n: recovery.n }), ...(recBand && { band: recBand }), unrecovered },
        rework: { n: list.length, rework: rework.length, ...(ok && list.length && { rate: rework.length / list.length }), deployments: rework.map((d) => d.id) },
        ...(band && { band })
    };
}

;// CONCATENATED MODULE: ./src/report/pulls.ts
/** The longest run of rebased commits followed down from a merge commit. */
const MAX_REBASE_CHAIN = 1000;
/** Pure: what the PR list and the commits-to-pulls answers say about each commit of the graph. */
function assignPulls(graph, pulls, lookups) {
    return withLookups(graph, pullsFromList(graph, [...pulls, ...Object.values(lookups).filter((p) => p !== null)]), lookups);
}
/**
 * Pure: what the PR list names: each PR's merge commit, and for a merge commit, the commits its
 * second parents bring that its first parent does not have (the PR's branch). One walk of the
 * graph: the first-parent chains oldest first, each merge claiming what is not yet seen, so a
 * history of thousands of commits costs one visit per commit.
 */
function pullsFromList(graph, pulls) {
    const byMerge = new Map();
    for (const p of pulls)
        if (p.mergeCommitSha && !byMerge.has(p.mergeCommitSha))
            byMerge.set(p.mergeCommitSha, p);
    const out = new Map();
    const parents = new Set();
    for (const c of graph.all())
        for (const p of c.parents)
            parents.add(p);
    const seen = new Set();
    for (const tip of [...graph.all()].filter((c) => !parents.has(c.sha))) {
        for (const sha of graph.firstParents(tip.sha).reverse()) {
            if (seen.has(sha))
                continue;
            seen.add(sha);
            const pr = byMerge.get(sha);
            if (pr)
                out.set(sha, pr);
            const queue = graph.get(sha)?.parents.slice(1) ?? [];
            for (let i = 0; i < queue.length; i++) {
                const x = queue[i];
                const c = graph.get(x);
                if (seen.has(x) || !c)
                    continue;
                seen.add(x);
                if (pr && !out.has(x))
                    out.set(x, pr);
                queue.push(...c.parents);
            }
        }
    }
    return out;
}
/** Pure: the list's answers plus commits-to-pulls: a rebase merge's commits from the one asked up to its merge commit. */
function withLookups(graph, fromList, lookups) {
    const out = new Map(fromList);
    for (const [sha, p] of Object.entries(lookups))
        addLookup(graph, out, sha, p);
    return out;
}
/** One commits-to-pulls answer added to `known` in place (the report asks one at a time; copying the map each time churns memory). */
function addLookup(graph, known, sha, p) {
    if (!graph.has(sha))
        return;
    known.set(sha, p);
    if (!p?.mergeCommitSha || !graph.has(p.mergeCommitSha))
        return;
    // Walk down from the merge commit only as far as the commit asked about (a rebase is a few commits).
    const chain = [];
    for (let c = p.mergeCommitSha; c && c !== sha && chain.length < MAX_REBASE_CHAIN; c = graph.get(c)?.parents[0])
        chain.push(c);
    if (graph.get(chain[chain.length - 1] ?? '')?.parents[0] === sha)
        for (const c of chain)
            if (!known.has(c))
                known.set(c, p);
}

;// CONCATENATED MODULE: ./src/report/build-report.ts
// Pure: the delivery report as data: the JSON file, and what the summary, CSV files, badge and
// outputs are rendered from. The same history gives the same bytes (no clock read here, fixed
// key order, every list sorted).





const REPORT_SCHEMA_VERSION = 1;
const iso = (ms) => new Date(ms).toISOString();
const seconds = (ms) => (ms === undefined ? undefined : Math.round(ms / 1000));
/** Pure: the report of a history. */
function buildDeliveryReport(h, read) {
    // The reader classified the same history to know which changes to look up: reused, not redone.
    const graph = read?.graph ?? new CommitGraph(h.commits);
    const { deployments, missing } = read?.classified ?? classify(h, graph);
    const pullOf = assignPulls(graph, h.pulls, h.commitPulls);
    const changes = figures_changesOf(deployments, h.window, graph, pullOf);
    const current = figuresOf(deployments, h.window, changes);
    const horizon = h.now - STATUS_RETENTION_MS;
    const missingIn = (w) => missing.filter((m) => m.createdAt >= w.start && m.createdAt < w.end).length;
    const notes = [];
    if (h.window.start < horizon) {
        const n = missingIn(h.window);
        notes.push(`The window reaches back past the 90 days GitHub keeps deployment statuses (before ${iso(horizon).slice(0, 10)}): ` +
            (n ? `${n} deployment(s) there have no statuses left and are not counted.` : 'GitHub still had a status for every deployment there.'));
    }
    const prevMissing = missingIn(h.previous);
    const unavailable = prevMissing
        ? `${prevMissing} deployment(s) of the previous window have no statuses left (GitHub keeps them 90 days): its figures are not guessed`
        : null;
    const unknownPr = changes.filter((c) => !pullOf.has(c.sha)).length;
    if (unknownPr)
        notes.push(`${unknownPr} change(s) were not looked up for a pull request (request budget): their own commit time stands in.`);
    notes.push(...h.gaps);
    const incidents = [...h.incidents]
        .filter((i) => i.marker.environment === h.environment && i.marker.detectedAt >= h.window.start && i.marker.detectedAt < h.window.end)
        .sort((a, b) => a.number - b.number)
        .map((i) => ({
        number: i.number,
        url: i.url,
        version: i.marker.version,
        detectedAt: iso(i.marker.detectedAt),
        closedAt: i.closedAt === undefined ? null : iso(i.closedAt),
        deployment: deployments.find((d) => d.failure?.incident?.number === i.number)?.id ?? null
    }));
    const repoUrl = `${h.serverUrl}/${h.repository}`;
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        mode: 'report',
        repository: h.repository,
        environment: h.environment,
        dora: { year: DORA_YEAR, band: current.band ?? null },
        window: { start: iso(h.window.start), end: iso(h.window.end), days: Math.round((h.window.end - h.window.start) / DAY_MS) },
        previousWindow: { start: iso(h.previous.start), end: iso(h.previous.end), unavailable },
        figures: figuresOut(current),
        previousFigures: unavailable ? null : figuresOut(figuresOf(deployments, h.previous, figures_changesOf(deployments, h.previous, graph, pullOf))),
        deployments: deployments.filter((d) => d.createdAt >= h.window.start && d.createdAt < h.window.end).map((d) => deploymentOut(d, repoUrl, h.environment)),
        changes: changes.map(changeOut),
        incidents,
        notes,
        definitions: `DORA's five keys as DORA defined them in ${DORA_YEAR}; deploy-guard docs/delivery-report.md. Median: the middle value (the mean of the two middle values for an even count); p90: nearest rank.`
    };
}
function spreadOut(s) {
    return { n: s.n, medianSeconds: seconds(s.medianMs) ?? null, p90Seconds: seconds(s.p90Ms) ?? null };
}
function figuresOut(f) {
    return {
        deployments: f.deployments,
        insufficientData: f.insufficient,
        leadTime: {
            ...spreadOut(f.leadTime),
            openToMerge: spreadOut(f.leadTime.openToMerge),
            mergeToDeploy: spreadOut(f.leadTime.mergeToDeploy),
            band: f.leadTime.band ?? null,
            deploymentsWithoutAttribution: f.leadTime.unattributed
        },
        deploymentFrequency: {
            n: f.frequency.n,
            perWeek: f.frequency.perWeek ?? null,
            deploymentDaysPerWeek: f.frequency.daysPerWeek ?? null,
            band: f.frequency.band ?? null
        },
        changeFailRate: {
            n: f.changeFail.n,
            failed: f.changeFail.failed,
            rate: f.changeFail.rate ?? null,
            band: f.changeFail.band ?? null,
            failures: f.changeFail.failures
        },
        recoveryTime: { ...spreadOut(f.recovery), band: f.recovery.band ?? null, unrecovered: f.recovery.unrecovered },
        reworkRate: { n: f.rework.n, rework: f.rework.rework, rate: f.rework.rate ?? null, deployments: f.rework.deployments },
        band: f.band ?? null
    };
}
function deploymentOut(d, repoUrl, environment) {
    const f = d.failure;
    return {
        id: d.id,
        ids: d.ids,
        sha: d.sha,
        version: d.version,
        createdAt: iso(d.createdAt),
        outcome: d.outcome,
        succeededAt: d.succeededAt === undefined ? null : iso(d.succeededAt),
        verifiedAt: d.verifiedAt === undefined ? null : iso(d.verifiedAt),
        kind: d.rollback ? 'rollback' : d.redeploy ? 'redeploy' : 'change',
        changes: d.changes?.length ?? null,
        failed: !!f,
        evidence: {
            ...(f?.verdict?.url && { verdictUrl: f.verdict.url }),
            ...(f?.rollback && { rollbackDeployment: f.rollback.deploymentId, ...(f.rollback.url && { rollbackUrl: f.rollback.url }) }),
            ...(f?.incident && { incident: f.incident.number, incidentUrl: f.incident.url })
        },
        url: d.logUrl || `${repoUrl}/deployments/${encodeURIComponent(environment)}`,
        commitUrl: `${repoUrl}/commit/${d.sha}`
    };
}
function changeOut(c) {
    return {
        sha: c.sha,
        title: c.title,
        author: c.author,
        url: c.url,
        deployment: c.deploymentId,
        pull: c.pull?.number ?? null,
        pullUrl: c.pull?.url ?? null,
        firstCommitAt: iso(c.firstCommitAt),
        deployedAt: iso(c.deployedAt),
        leadTimeSeconds: seconds(c.leadMs),
        openToMergeSeconds: seconds(c.openToMergeMs) ?? null,
        mergeToDeploySeconds: seconds(c.mergeToDeployMs) ?? null
    };
}

// EXTERNAL MODULE: ./src/github/pull-requests.ts
var pull_requests = __webpack_require__(22139);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(16887);
// EXTERNAL MODULE: ./src/github/deployment-history.ts
var deployment_history = __webpack_require__(64685);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/github/incidents.ts
var incidents = __webpack_require__(59932);
// EXTERNAL MODULE: ./src/github/compare.ts
var compare = __webpack_require__(20480);
;// CONCATENATED MODULE: ./src/report/github-reader.ts






const QUERY = `query deployGuardReportDeployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        databaseId commitOid createdAt task environment payload
        ref { name }
        statuses(first: 100) { nodes { state description createdAt logUrl } }
      }
    }
  }
}`;
/**
 * The environment's deployments, newest first, back to `until` and one successful deployment
 * older than it (the base the first changes are compared from), at most `maxPages` pages.
 */
async function readDeployments(gh, repo, environment, until, maxPages = 30) {
    const list = [];
    let after = null;
    for (let page = 0; page < maxPages; page++) {
        let data;
        try {
            data = await gh.graphql(QUERY, { owner: repo.owner, name: repo.repo, environments: [environment], after });
        }
        catch (e) {
            throw (0,errors/* explain */.WE)(`reading the deployments of ${environment}`, e, 'deployments: read');
        }
        const conn = data.repository?.deployments;
        if (!conn)
            return { list, truncated: false };
        list.push(...conn.nodes.map(slim));
        const older = list.filter((d) => d.createdAt < until);
        const baseFound = older.some((d) => d.statuses.some((s) => s.state === 'success'));
        if (!conn.pageInfo.hasNextPage || (older.length && baseFound))
            return { list, truncated: false };
        after = conn.pageInfo.endCursor;
    }
    return { list, truncated: true };
}
function slim(d) {
    const g = (0,deployments/* guardPayload */.Si)(d.payload ?? undefined);
    const version = typeof g?.version === 'string' ? g.version : undefined;
    const rollback = (0,deployment_history/* rollbackMark */.Ib)(g);
    return {
        id: d.databaseId,
        sha: d.commitOid,
        ref: d.ref?.name ?? d.commitOid,
        task: d.task ?? 'deploy',
        environment: d.environment ?? '',
        createdAt: Date.parse(d.createdAt),
        ...(version && { version }),
        ...(rollback && { rollback }),
        statuses: d.statuses.nodes.map((s) => ({
            state: s.state.toLowerCase(),
            description: s.description ?? '',
            createdAt: Date.parse(s.createdAt),
            logUrl: s.logUrl ?? ''
        }))
    };
}
/**
 * The commits of base...head, ahead side, 100 a page; the pages after the first go two at a
 * time, each made into slim records as it arrives (github/compare.ts). Null when GitHub knows
 * no common history.
 */
async function readCommits(gh, repo, base, head, maxPages) {
    try {
        const c = await (0,compare/* compareCommits */.kC)(gh, repo, { base, head }, {
            action: `comparing ${base.slice(0, 7)}...${head.slice(0, 7)}`,
            perPage: 100,
            record: commitRecord,
            more: (total) => Array.from({ length: Math.max(0, Math.min(Math.ceil(total / 100), maxPages) - 1) }, (_, i) => i + 2)
        });
        return { commits: c.pages.flat(), truncated: c.total > maxPages * 100 };
    }
    catch (e) {
        if (e.status === 404)
            return null;
        throw e;
    }
}
function commitRecord(c) {
    const authored = Date.parse(c.commit.author?.date ?? '');
    return {
        sha: c.sha,
        parents: c.parents.map((p) => p.sha),
        authoredAt: authored,
        committedAt: Date.parse(c.commit.committer?.date ?? '') || authored,
        title: c.commit.message.split('\n', 1)[0] ?? '',
        author: c.commit.author?.name ?? c.author?.login ?? 'unknown',
        url: c.html_url
    };
}
const PULLS_QUERY = `query deployGuardReportPulls($owner: String!, $name: String!, $after: String) {
  repository(owner: $owner, name: $name) {
    pullRequests(states: [MERGED], first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes {
        number title url createdAt mergedAt updatedAt
        mergeCommit { oid }
        commits(first: 1) { nodes { commit { authoredDate } } }
      }
    }
  }
}`;
/**
 * Merged PRs updated since `since`, most recently updated first, 100 a GraphQL request with the
 * fields the report uses and the PR's first commit (a squash merge leaves only its own commit on
 * the branch). The REST list answers ~15 KB a PR; this answers a few hundred bytes.
 */
async function readMergedPulls(gh, repo, since, maxPages) {
    const pulls = [];
    let after = null;
    for (let page = 0; page < maxPages; page++) {
        let data;
        try {
            data = await gh.graphql(PULLS_QUERY, { owner: repo.owner, name: repo.repo, after });
        }
        catch (e) {
            throw (0,errors/* explain */.WE)('listing the merged pull requests', e, 'pull-requests: read');
        }
        const conn = data.repository?.pullRequests;
        if (!conn)
            return { pulls, truncated: false };
        for (const p of conn.nodes) {
            const first = p.commits.nodes[0]?.commit.authoredDate;
            pulls.push({
                number: p.number,
                title: p.title,
                url: p.url,
                createdAt: Date.parse(p.createdAt),
                ...(p.mergedAt && { mergedAt: Date.parse(p.mergedAt) }),
                ...(p.mergeCommit && { mergeCommitSha: p.mergeCommit.oid }),
                ...(first && { firstCommitAt: Date.parse(first) })
            });
        }
        if (!conn.pageInfo.hasNextPage || conn.nodes.some((p) => Date.parse(p.updatedAt) < since))
            return { pulls, truncated: false };
        after = conn.pageInfo.endCursor;
    }
    return { pulls, truncated: true };
}
/** The merged PR GitHub associates with a commit (commits-to-pulls), or null when there is none. */
async function readCommitPull(gh, repo, sha) {
    const merged = (await (0,pull_requests/* pullRequestsForCommit */.U_)(gh, repo, sha)).filter((p) => p.mergedAt !== undefined).sort((a, b) => (a.mergedAt ?? 0) - (b.mergedAt ?? 0));
    const p = merged[0];
    if (!p)
        return null;
    return {
        number: p.number,
        title: p.title,
        url: p.url,
        createdAt: p.createdAt,
        ...(p.mergedAt !== undefined && { mergedAt: p.mergedAt }),
        ...(p.mergeCommitSha && { mergeCommitSha: p.mergeCommitSha })
    };
}
/** The environment's incident issues (open and closed) updated since `since`, with their markers. */
async function readIncidents(gh, repo, environment, since, maxPages = 5) {
    const found = await new incidents/* IncidentIssues */.T(gh, repo).findSince(environment, since, maxPages);
    return found.map((i) => ({
        number: i.number,
        url: i.url,
        createdAt: i.createdAt,
        ...(i.closedAt !== undefined && { closedAt: i.closedAt }),
        marker: i.marker
    }));
}

;// CONCATENATED MODULE: ./src/report/render-files.ts
// Pure: the CSV files (one row per deployment, change and incident), the shields.io endpoint
// badge and the step outputs of PRODUCT.md section 10, from the report.

/** A CSV field: quoted when it holds a comma, quote or line break; formula starters defused for spreadsheets. */
function field(v) {
    let t = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(t) && typeof v === 'string')
        t = `'${t}`;
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}
function csv(header, rows) {
    return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
/** Pure: the three CSV files by name. */
function renderCsv(r) {
    return {
        'deployments.csv': csv([
            'id',
            'sha',
            'version',
            'created_at',
            'outcome',
            'succeeded_at',
            'verified_at',
            'kind',
            'changes',
            'failed',
            'verdict_url',
            'rollback_deployment',
            'incident',
            'url'
        ], r.deployments.map((d) => [
            d.id,
            d.sha,
            d.version,
            d.createdAt,
            d.outcome,
            d.succeededAt,
            d.verifiedAt,
            d.kind,
            d.changes,
            d.failed,
            d.evidence.verdictUrl,
            d.evidence.rollbackDeployment,
            d.evidence.incident,
            d.url
        ])),
        'changes.csv': csv([
            'sha',
            'title',
            'author',
            'deployment',
            'pull',
            'first_commit_at',
            'deployed_at',
            'lead_time_seconds',
            'open_to_merge_seconds',
            'merge_to_deploy_seconds'
        ], r.changes.map((c) => [
            c.sha,
            c.title,
            c.author,
            c.deployment,
            c.pull,
            c.firstCommitAt,
            c.deployedAt,
            c.leadTimeSeconds,
            c.openToMergeSeconds,
            c.mergeToDeploySeconds
        ])),
        'incidents.csv': csv(['number', 'url', 'version', 'detected_at', 'closed_at', 'deployment'], r.incidents.map((i) => [i.number, i.url, i.version, i.detectedAt, i.closedAt, i.deployment]))
    };
}
const COLORS = { elite: 'brightgreen', high: 'green', medium: 'yellow', low: 'orange' };
/** Pure: the shields.io endpoint JSON (https://shields.io/badges/endpoint-badge). */
function renderBadge(r) {
    const f = r.figures;
    const message = f.insufficientData ? 'insufficient data' : (f.band ?? 'no data');
    const color = f.band && !f.insufficientData ? COLORS[f.band] : 'lightgrey';
    return JSON.stringify({ schemaVersion: 1, label: `DORA ${DORA_YEAR} (${r.environment})`, message, color }) + '\n';
}
/** Pure: the step outputs; a figure without enough data is an empty string. `report` only when given (the publisher sets it). */
function reportOutputs(r, reportPath) {
    const f = r.figures;
    const ok = !f.insufficientData;
    const n = (x) => (ok && x !== null ? String(Math.round(x * 10_000) / 10_000) : '');
    return {
        ...(reportPath !== undefined && { report: reportPath }),
        deployments: String(f.deployments),
        'deployment-frequency': n(f.deploymentFrequency.perWeek),
        'lead-time-median-seconds': n(f.leadTime.medianSeconds),
        'change-fail-rate': n(f.changeFailRate.rate),
        'recovery-time-median-seconds': n(f.recoveryTime.medianSeconds),
        'rework-rate': n(f.reworkRate.rate),
        'dora-band': ok ? (f.band ?? '') : ''
    };
}

// EXTERNAL MODULE: ./src/incident/untrusted.ts
var untrusted = __webpack_require__(39052);
// EXTERNAL MODULE: ./src/incident/times.ts
var times = __webpack_require__(95240);
;// CONCATENATED MODULE: ./src/report/render-summary.ts
// Pure: the job summary of the delivery report: a table per figure with its n, the previous
// window and the DORA band (year printed), a weekly Mermaid chart, and the deployments behind
// each number linked. Cut in steps to stay under GitHub's 1 MiB summary limit.




/** GitHub refuses a step summary over 1 MiB; leave room for the runner's own framing. */
const SUMMARY_LIMIT = 1024 * 1024 - 4096;
const NO_DATA = 'insufficient data';
const secs = (s) => (s === null ? '—' : (0,times/* span */.L)(s * 1000));
const pct = (r) => (r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)} %`);
const num = (x) => (x === null ? '—' : (Math.round(x * 100) / 100).toFixed(2));
const band = (b, why) => (b ? `**${b}** (DORA ${DORA_YEAR}: ${why})` : '—');
/** Pure: the summary markdown, within `limit` bytes (the step summary's, or an issue body's). */
function renderReportSummary(r, weekly, limit = SUMMARY_LIMIT) {
    for (const rows of [Infinity, 200, 50, 0]) {
        const text = render(r, weekly, rows);
        if (Buffer.byteLength(text, 'utf8') <= limit)
            return text;
    }
    return render(r, [], 0).slice(0, limit);
}
/** Pure: deployments and failures per week of the window (weeks start at the window's start). */
function weeklyRows(r) {
    const start = Date.parse(r.window.start);
    const weeks = Math.max(1, Math.ceil((Date.parse(r.window.end) - start) / (7 * 86_400_000)));
    const rows = Array.from({ length: weeks }, (_, i) => ({ week: new Date(start + i * 7 * 86_400_000).toISOString().slice(5, 10), deployments: 0, failed: 0 }));
    for (const d of r.deployments) {
        const i = Math.min(weeks - 1, Math.floor((Date.parse(d.createdAt) - start) / (7 * 86_400_000)));
        if (d.outcome === 'success')
            rows[i].deployments++;
        if (d.failed)
            rows[i].failed++;
    }
    return rows;
}
function render(r, weekly, maxRows) {
    const f = r.figures;
    const p = r.previousFigures;
    const prev = (text) => (p ? (p.insufficientData ? NO_DATA : text(p)) : (r.previousWindow.unavailable ?? '—'));
    const value = (text) => (f.insufficientData ? NO_DATA : text);
    const out = [
        `## 📊 deploy-guard delivery report: ${(0,untrusted/* code */.aY)(r.environment)}`,
        `${r.window.start.slice(0, 10)} to ${r.window.end.slice(0, 10)} (${r.window.days} days), ${f.deployments} deployment(s). ` +
            `DORA ${DORA_YEAR} band: ${f.insufficientData ? `**${NO_DATA}** (under 5 deployments)` : `**${f.band ?? '—'}**`} (the lowest band of the four banded keys).`
    ];
    if (r.notes.length)
        out.push(r.notes.map((n) => `> ⚠️ ${(0,markdown/* cell */.Hn)(n)}`).join('\n>\n'));
    out.push('### Lead time for changes', spreadTable(f.leadTime, prev((x) => spreadText(x.leadTime)), value, "first commit of the change's PR to its deployment") +
        `\n| open to merge | ${value(spreadText(f.leadTime.openToMerge))} | ${f.leadTime.openToMerge.n} | ${prev((x) => spreadText(x.leadTime.openToMerge))} |` +
        `\n| merge to deploy | ${value(spreadText(f.leadTime.mergeToDeploy))} | ${f.leadTime.mergeToDeploy.n} | ${prev((x) => spreadText(x.leadTime.mergeToDeploy))} |`, `Band: ${band(f.leadTime.band, BAND_TEXT.leadTime)}`, '### Deployment frequency', table([
        [
            'successful deployments per week',
            value(num(f.deploymentFrequency.perWeek)),
            String(f.deploymentFrequency.n),
            prev((x) => num(x.deploymentFrequency.perWeek))
        ],
        [
            'deployment days per week',
            value(num(f.deploymentFrequency.deploymentDaysPerWeek)),
            String(f.deploymentFrequency.n),
            prev((x) => num(x.deploymentFrequency.deploymentDaysPerWeek))
        ]
    ]), `Band: ${band(f.deploymentFrequency.band, BAND_TEXT.frequency)}`, '### Change fail rate', table([
        [
            'failed deployments (guard verdict, rollback or incident) over deployments other than rollbacks',
            value(pct(f.changeFailRate.rate)),
            `${f.changeFailRate.failed} / ${f.changeFailRate.n}`,
            prev((x) => pct(x.changeFailRate.rate))
        ]
    ]), `Band: ${band(f.changeFailRate.band, BAND_TEXT.changeFail)}`, evidence(r.deployments.filter((d) => d.failed), maxRows), '### Failed deployment recovery time', spreadTable(f.recoveryTime, prev((x) => spreadText(x.recoveryTime)), value, 'failure verdict to the next passing verification'), `Band: ${band(f.recoveryTime.band, BAND_TEXT.recovery)}${f.recoveryTime.unrecovered.length ? ` · not recovered yet: ${f.recoveryTime.unrecovered.length}` : ''}`, '### Deployment rework rate', table([
        [
            'rollbacks and redeploys of earlier versions over all deployments',
            value(pct(f.reworkRate.rate)),
            `${f.reworkRate.rework} / ${f.reworkRate.n}`,
            prev((x) => pct(x.reworkRate.rate))
        ]
    ]), `Band: ${BAND_TEXT.rework}.`);
    if (weekly.length)
        out.push('### Weekly', chart(weekly));
    out.push('### Deployments', deploymentTable(r.deployments, maxRows));
    out.push(`_${(0,markdown/* cell */.Hn)(r.definitions)} Files: the JSON report (output \`report\`), CSV of deployments, changes and incidents, and a shields.io badge next to it._`);
    return out.join('\n\n') + '\n';
}
function table(rows) {
    return ['| figure | value | n | previous window |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}
function spreadText(s) {
    return s.medianSeconds === null ? '—' : `median ${secs(s.medianSeconds)}, p90 ${secs(s.p90Seconds)}`;
}
function spreadTable(s, previous, value, what) {
    return table([[what, value(spreadText(s)), String(s.n), previous]]);
}
function evidence(failed, maxRows) {
    if (!failed.length)
        return '_No failed deployment in the window._';
    const rows = failed.slice(0, maxRows).map((d) => {
        const e = d.evidence;
        const links = [
            e.verdictUrl && (0,markdown/* link */.nf)('verdict', e.verdictUrl),
            e.rollbackDeployment !== undefined &&
                (e.rollbackUrl ? (0,markdown/* link */.nf)(`rollback (deployment ${e.rollbackDeployment})`, e.rollbackUrl) : `rollback (deployment ${e.rollbackDeployment})`),
            e.incident !== undefined && (0,markdown/* link */.nf)(`incident #${e.incident}`, e.incidentUrl)
        ].filter(Boolean);
        return `| ${(0,markdown/* link */.nf)(String(d.id), d.url)} | ${(0,untrusted/* code */.aY)(d.version, { max: 40, cell: true })} | ${d.createdAt.replace('T', ' ').slice(0, 16)} | ${links.join(', ')} |`;
    });
    const more = failed.length > rows.length ? `\n\n_${failed.length - rows.length} more in the JSON report and deployments CSV._` : '';
    return ['| failed deployment | version | created | evidence |', '| --- | --- | --- | --- |', ...rows].join('\n') + more;
}
function chart(weeks) {
    const max = Math.max(1, ...weeks.map((w) => w.deployments));
    return [
        '```mermaid',
        'xychart-beta',
        '  title "Successful deployments (bars) and failed deployments (line) per week"',
        `  x-axis [${weeks.map((w) => `"${w.week}"`).join(', ')}]`,
        `  y-axis "deployments" 0 --> ${max}`,
        `  bar [${weeks.map((w) => w.deployments).join(', ')}]`,
        `  line [${weeks.map((w) => w.failed).join(', ')}]`,
        '```'
    ].join('\n');
}
function deploymentTable(list, maxRows) {
    if (!list.length)
        return '_No deployment in the window._';
    const rows = [...list]
        .reverse()
        .slice(0, maxRows)
        .map((d) => `| ${(0,markdown/* link */.nf)(String(d.id), d.url)} | ${(0,untrusted/* code */.aY)(d.version, { max: 40, cell: true })} | ${d.createdAt.replace('T', ' ').slice(0, 16)} | ${d.outcome}${d.failed ? ' (failed)' : ''} | ${d.kind} | ${d.changes ?? '?'} |`);
    const more = list.length > rows.length ? `\n\n_${list.length - rows.length} older deployment(s) in the JSON report and deployments CSV._` : '';
    return ['| deployment | version | created (UTC) | outcome | kind | changes |', '| --- | --- | --- | --- | --- | --- |', ...rows].join('\n') + more;
}

// EXTERNAL MODULE: ./src/github/safe-write.ts
var safe_write = __webpack_require__(39080);
;// CONCATENATED MODULE: ./src/report/post-issue.ts


const PERMISSION = 'issues: write';
/** GitHub refuses an issue body over 65,536 characters. */
const ISSUE_BODY_LIMIT = 65_536;
const OPEN_ISSUE_PAGES = 3;
/** Pure: the hidden marker of the report issue of an environment. */
function reportMarker(environment) {
    return `<!-- deploy-guard:delivery-report ${JSON.stringify({ environment })} -->`;
}
/** Pure: the issue's title and body: the marker, then the summary (already cut to fit). */
function reportIssue(environment, summary, runUrl) {
    return {
        title: `Delivery report: ${environment}`,
        body: `${reportMarker(environment)}\n${summary}\n\n---\nUpdated by deploy-guard (mode report) in [this run](${runUrl}); the JSON report, CSV files and badge are in its files.\n`
    };
}
/** The room the summary has in the body: the limit less the marker and the footer. */
function summaryRoom(environment, runUrl) {
    return ISSUE_BODY_LIMIT - Buffer.byteLength(reportIssue(environment, '', runUrl).body, 'utf8') - 16;
}
/** The open issue that carries the environment's marker, if any (most recently created first). */
async function findOpen(gh, repo, marker) {
    for (let page = 1; page <= OPEN_ISSUE_PAGES; page++) {
        let data;
        try {
            data = (await gh.rest.issues.listForRepo({ ...repo, state: 'open', sort: 'created', direction: 'desc', per_page: 100, page })).data;
        }
        catch (e) {
            throw (0,errors/* explain */.WE)('looking for the delivery report issue', e, PERMISSION);
        }
        const hit = data.find((i) => !i.pull_request && (i.body ?? '').includes(marker));
        if (hit)
            return hit;
        if (data.length < 100)
            return undefined;
    }
    return undefined;
}
/** Creates the report issue or updates the open one; returns its URL and whether it was created. */
async function postReportIssue(gh, repo, environment, issue) {
    const marker = reportMarker(environment);
    const open = await findOpen(gh, repo, marker);
    if (open) {
        try {
            await (0,safe_write/* safeWrite */.TC)(gh.writes, {
                what: `updating the delivery report issue #${open.number}`,
                send: () => gh.rest.issues.update({ ...repo, issue_number: open.number, title: issue.title, body: issue.body, request: { retries: 0 } }),
                lookup: (0,safe_write/* idempotent */.yB)('the same body')
            });
        }
        catch (e) {
            throw (0,errors/* explain */.WE)(`updating the delivery report issue #${open.number}`, e, PERMISSION);
        }
        return { url: open.html_url, number: open.number, created: false };
    }
    try {
        const made = await (0,safe_write/* safeWrite */.TC)(gh.writes, {
            what: 'creating the delivery report issue',
            send: async () => (await gh.rest.issues.create({ ...repo, title: issue.title, body: issue.body, request: { retries: 0 } })).data,
            lookup: {
                name: `an open issue carrying the delivery report marker of ${environment}`,
                // There was none just before the create: one there now is this run's.
                find: () => findOpen(gh, repo, marker)
            }
        });
        return { url: made.html_url, number: made.number, created: true };
    }
    catch (e) {
        throw (0,errors/* explain */.WE)('creating the delivery report issue', e, PERMISSION);
    }
}

// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/report/report-mode.ts
// mode report (PRODUCT.md section 10): reads the history, computes the report (pure), and returns
// the JSON report, CSV files, badge, job summary and outputs for mode/publish.ts to write. It
// reads GitHub; it writes a Markdown file when report.markdown-file asks for one, and on GitHub
// only the report issue when report.issue asks for it.














/**
 * Request budget: pages of commits and PRs read at most; commits-to-pulls calls take what is
 * left of REQUEST_BUDGET, at least MIN_COMMIT_PULL_CALLS (a 90-day report stays near 100 requests).
 */
const MAX_COMMIT_PAGES = 60;
const MAX_PULL_PAGES = 20;
const REQUEST_BUDGET = 95;
const MIN_COMMIT_PULL_CALLS = 20;
const MAX_EXTRA_COMPARES = 3;
const report_mode_HOUR = 3_600_000;
/** Runs the report. A GitHub read that fails is the publisher's error policy (mode/publish.ts). */
async function run(ctx) {
    const { settings: s } = ctx;
    const deps = ctx;
    const gh = await deps.github();
    if (!gh) {
        deps.log.error('mode report reads GitHub Deployments: it needs github-token and GITHUB_REPOSITORY', { title: 'deploy-guard report' });
        return { summary: '## ⛔ deploy-guard report\n\nNo github-token or repository: nothing to report.\n', exitCode: 1 };
    }
    const counts = new Map();
    gh.client.hook.before('request', (o) => {
        const key = `${o.method ?? 'GET'} ${o.url ?? ''}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    // The window ends at the start of the hour: re-runs within the hour give the same bytes.
    const asOf = Math.floor(deps.clock.now() / report_mode_HOUR) * report_mode_HOUR;
    const got = await deps.log.group(`Reading ${s.report.windowText} of ${s.environment} from GitHub`, () => readHistory(s, gh, asOf, () => [...counts.values()].reduce((a, b) => a + b, 0)));
    const built = buildDeliveryReport(got.history, got.read);
    // The Markdown file and the report issue carry the summary as well: rendered from the report as
    // redacted, which the publisher then takes as it is (Redactor.value knows what it returned).
    const r = (0,redact/* redactValue */.FI)(built, s.secrets);
    const weeks = weeklyRows(r);
    const summary = (0,redact/* redact */.E$)(renderReportSummary(r, weeks), s.secrets);
    if (s.report.markdownFile) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(s.report.markdownFile), { recursive: true });
        await (0,promises_.writeFile)(s.report.markdownFile, summary, 'utf8');
    }
    const posted = s.report.issue ? await postIssue(s, gh, r, weeks, deps) : { code: 0, note: '' };
    const result = {
        report: r,
        summary: summary + posted.note,
        files: (x) => ({ ...renderCsv(x), 'badge.json': renderBadge(x) }),
        outputs: reportOutputs(r),
        exitCode: posted.code
    };
    const { reportPath } = await ctx.publish(result);
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const byEndpoint = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${n} ${k}`);
    deps.log.info(`deploy-guard report: ${r.figures.deployments} deployment(s), DORA ${r.dora.year} band ${r.dora.band ?? 'n/a'}; ${total} GitHub requests (${byEndpoint.join(', ')}); files in ${(0,external_node_path_.dirname)(reportPath ?? '')}`);
    return result;
}
/** report.issue: the summary posted as the environment's report issue; 1 when GitHub refused it. */
async function postIssue(s, gh, r, weeks, deps) {
    const link = (0,context/* runUrl */.V)(s.context);
    const issue = reportIssue(s.environment, (0,redact/* redact */.E$)(renderReportSummary(r, weeks, summaryRoom(s.environment, link)), s.secrets), link);
    if (s.dryRun) {
        deps.log.info(`dry-run: would create or update the issue "${issue.title}" with the report's summary`);
        return { code: 0, note: `\n\ndry-run: the report issue "${(0,markdown/* inline */.mG)(issue.title)}" was not posted.\n` };
    }
    try {
        const posted = await postReportIssue(gh.client, gh.repo, s.environment, issue);
        deps.log.info(`deploy-guard report: ${posted.created ? 'created' : 'updated'} the report issue #${posted.number}: ${posted.url}`);
        return { code: 0, note: `\n\nReport issue: [#${posted.number}](${posted.url}) (${posted.created ? 'created' : 'updated'}).\n` };
    }
    catch (e) {
        const message = (0,redact/* redact */.E$)((0,message_of/* messageOf */.b)(e), s.secrets);
        deps.log.error(message, { title: 'deploy-guard report' });
        return { code: 1, note: `\n\n⛔ The report issue was not posted: ${(0,markdown/* inline */.mG)(message)}\n` };
    }
}
async function readHistory(s, gh, now, used) {
    const { client, repo } = gh;
    const window = { start: now - s.report.windowMs, end: now };
    const previous = { start: window.start - s.report.windowMs, end: window.start };
    const gaps = [];
    const [deployments, incidents] = await Promise.all([
        readDeployments(client, repo, s.environment, previous.start),
        readIncidents(client, repo, s.environment, previous.start)
    ]);
    if (deployments.truncated)
        gaps.push('The deployment history was read up to 3,000 deployments; older ones are not counted.');
    const list = deployments.list.filter((d) => d.environment === s.environment);
    const inRange = list.filter((d) => d.createdAt >= previous.start).sort((a, b) => b.createdAt - a.createdAt);
    const baseDeployment = list
        .filter((d) => d.createdAt < previous.start && d.statuses.some((x) => x.state === 'success'))
        .sort((a, b) => b.createdAt - a.createdAt)[0];
    const base = baseDeployment?.sha ?? inRange[inRange.length - 1]?.sha;
    const commits = new Map();
    if (base && inRange.length) {
        // The newest deployment's history holds the others' unless one was on another branch: those get a compare of their own.
        const heads = [...new Set(inRange.map((d) => d.sha))];
        let extra = 0;
        for (const head of heads) {
            if (head === base || commits.has(head))
                continue;
            if (commits.size && extra++ >= MAX_EXTRA_COMPARES) {
                gaps.push('Some deployments are on branches the compare budget did not reach: their changes are not attributed.');
                break;
            }
            const got = await readCommits(client, repo, base, head, MAX_COMMIT_PAGES);
            if (!got)
                continue;
            if (got.truncated)
                gaps.push(`More than ${MAX_COMMIT_PAGES * 100} commits between ${base.slice(0, 7)} and ${head.slice(0, 7)}: the oldest changes are not attributed.`);
            for (const c of got.commits)
                commits.set(c.sha, c);
        }
    }
    const since = baseDeployment?.createdAt ?? previous.start;
    const pulls = await readMergedPulls(client, repo, since, MAX_PULL_PAGES);
    if (pulls.truncated)
        gaps.push(`More than ${MAX_PULL_PAGES * 100} closed pull requests since ${new Date(since).toISOString().slice(0, 10)}: the rest are found through commits-to-pulls, within its budget.`);
    const history = {
        repository: `${repo.owner}/${repo.repo}`,
        serverUrl: s.context.serverUrl,
        environment: s.environment,
        now,
        window,
        previous,
        deployments: list,
        commits: [...commits.values()],
        ...(base && { baseSha: base }),
        pulls: pulls.pulls,
        commitPulls: {},
        incidents,
        gaps
    };
    const graph = new CommitGraph(history.commits);
    const read = { graph, classified: classify(history, graph) };
    const commitPulls = await lookUpPulls(history, read, gh, Math.max(MIN_COMMIT_PULL_CALLS, REQUEST_BUDGET - used()));
    return { history: { ...history, commitPulls }, read };
}
/** commits-to-pulls for the delivered changes the PR list does not name, oldest first, within the budget. */
async function lookUpPulls(h, { graph, classified }, gh, budget) {
    const changes = classified.deployments.filter((d) => d.outcome === 'success' && d.createdAt >= h.previous.start).flatMap((d) => d.changes ?? []);
    const lookups = {};
    const known = pullsFromList(graph, h.pulls);
    let at = 0;
    for (let calls = 0; calls < budget; calls++) {
        while (at < changes.length && known.has(changes[at]))
            at++;
        const next = changes[at];
        if (next === undefined)
            break;
        lookups[next] = await readCommitPull(gh.client, gh.repo, next);
        addLookup(graph, known, next, lookups[next]);
    }
    return lookups;
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


/***/ })

};

//# sourceMappingURL=609.index.js.map