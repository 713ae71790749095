export const id = 956;
export const ids = [956];
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

/***/ 4343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ latestState),
/* harmony export */   v: () => (/* binding */ RECOVERED_LABEL)
/* harmony export */ });
/* harmony import */ var _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81805);
/* harmony import */ var _render_first_screen_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44816);
/* harmony import */ var _severity_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73015);



/** The label an incident left open after a recovery carries, so the next passing run does not comment again. */
const RECOVERED_LABEL = 'incident:recovered';
/** Pure: the open incident's new title and label changes after this failure. */
function latestState(openLabels, f) {
    const current = _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.find((x) => openLabels.includes(x));
    const severity = current && (0,_severity_js__WEBPACK_IMPORTED_MODULE_2__/* .moreSevere */ ._q)(current, f.severity.severity) ? current : f.severity.severity;
    const stale = openLabels.filter((l) => (l !== severity && _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.includes(l)) || l === RECOVERED_LABEL);
    return {
        severity,
        title: (0,_render_first_screen_js__WEBPACK_IMPORTED_MODULE_1__/* .incidentTitle */ .Bl)(f, severity),
        addLabels: openLabels.includes(severity) ? [] : [severity],
        removeLabels: stale
    };
}


/***/ }),

/***/ 87711:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ notifyChat)
});

// EXTERNAL MODULE: ./src/net/http-request.ts + 4 modules
var http_request = __webpack_require__(99451);
;// CONCATENATED MODULE: ./src/incident/notify-message.ts
// The chat message of an incident: one short line with the verdict and the issue link, for a
// Slack- or Teams-compatible incoming webhook. `&`, `<` and `>` are escaped as Slack asks, so a
// reason cannot form `<!channel>` or a link of its own.
const HEAD = {
    opened: '🔴 Incident opened',
    updated: '🔁 Incident updated',
    recovered: '✅ Recovered',
    'not posted': '🔴 Incident (the issue could not be posted)'
};
/** Pure: the webhook body, `{ "text": ... }`, which Slack and Teams incoming webhooks both take. */
function notifyMessage(f) {
    const sev = f.severity ? ` [${f.severity}]` : '';
    const reason = f.reason.replace(/\s+/g, ' ').slice(0, 200);
    const where = f.issueUrl ? ` Issue #${f.issueNumber ?? ''}: ${f.issueUrl}` : f.runUrl ? ` Run: ${f.runUrl}` : '';
    const text = `${HEAD[f.event]}${sev}: ${f.environment} ${f.result} verifying ${f.version.slice(0, 80)}: ${reason}.${where}`;
    return { text: text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') };
}

// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/incident/notify-chat.ts



/**
 * Tells the configured chat webhook; undefined when none is configured. A failure is reported
 * as an action and never thrown: a chat outage must not fail the guard or lose the incident.
 */
async function notifyChat(s, redactor, f) {
    const url = s.incident.webhookUrl;
    if (!url)
        return undefined;
    const body = JSON.stringify(redactor.value(notifyMessage(f)));
    try {
        const res = await (0,http_request/* httpRequest */.aj)({
            url,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
            timeoutMs: 10_000,
            maxBodyBytes: 16 * 1024,
            maxRedirects: 0
        });
        if (res.status >= 200 && res.status < 300)
            return { what: `notified the chat webhook (${f.event})`, ok: true };
        return { what: 'could not notify the chat webhook', ok: false, detail: `it answered ${res.status}; the incident is not affected` };
    }
    catch (e) {
        return { what: 'could not notify the chat webhook', ok: false, detail: `${(0,message_of/* messageOf */.b)(e)}; the incident is not affected` };
    }
}


/***/ }),

/***/ 39108:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O1: () => (/* binding */ renderChanges),
/* harmony export */   tp: () => (/* binding */ COMMITS_SHOWN)
/* harmony export */ });
/* unused harmony export COMMITS_IN_VIEW */
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39052);

/** Commits listed at most (commits-to-pulls is asked about each); the compare link has the rest. */
const COMMITS_SHOWN = 20;
/** Commits in plain view; the others listed are in a collapsed section. */
const COMMITS_IN_VIEW = 5;
/** Pure: the "What changed" section. */
function renderChanges(c) {
    const range = c.base ? `from ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.base, { max: 80 })} (last good) to ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.head, { max: 80 })}` : `up to ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.head, { max: 80 })}`;
    const compare = c.compareUrl ? ` · [compare](${c.compareUrl})` : '';
    if (c.note)
        return `### What changed\n\n${range}: ${c.note}${compare}`;
    const listed = c.commits.slice(0, COMMITS_SHOWN);
    const order = c.total > 1 ? ', newest first' : '';
    const head = `### What changed\n\n${c.total} commit${c.total === 1 ? '' : 's'} ${range}${order}${compare}`;
    const lines = listed.map(commitLine);
    const inView = lines.slice(0, COMMITS_IN_VIEW);
    const folded = lines.slice(COMMITS_IN_VIEW);
    const left = c.total - listed.length;
    const fallback = c.headFallback
        ? `\n\n${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.head, { max: 80 })} names no commit of this repository: the range ends at the workflow's commit ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.headFallback.slice(0, 7))}.`
        : '';
    const parts = [head + fallback, '', ...inView];
    if (folded.length)
        parts.push('', `<details><summary>${folded.length} older commit${folded.length === 1 ? '' : 's'}</summary>`, '', ...folded, '', '</details>');
    if (left > 0)
        parts.push('', `_${left} older commit${left === 1 ? ' is' : 's are'} left out here${c.compareUrl ? `: see the [comparison](${c.compareUrl})` : ''}._`);
    return parts.join('\n');
}
function commitLine(k) {
    const who = k.login && k.login !== k.author ? `${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k.author, { max: 60 })} (${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k.login, { max: 40 })})` : (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k.author, { max: 60 });
    const pulls = k.pulls.map((n) => `[#${n}](${prUrl(k.url, n)})`).join(' ');
    const pr = pulls ? (k.pullsFrom === 'title' ? ` · ${pulls} (named in the title; GitHub records no PR)` : ` · ${pulls}`) : '';
    return `- [${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k.sha.slice(0, 7))}](${k.url}) ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k.title, { max: 120 })} by ${who}${pr}`;
}
function prUrl(commitUrl, n) {
    return commitUrl.replace(/\/commit\/[0-9a-f]+$/i, `/pull/${n}`);
}


/***/ }),

/***/ 44816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bl: () => (/* binding */ incidentTitle),
/* harmony export */   hW: () => (/* binding */ renderFirstScreen),
/* harmony export */   mC: () => (/* binding */ jobLink)
/* harmony export */ });
/* unused harmony exports failedJob, firstErrorLine, rollbackText */
/* harmony import */ var _render_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(39108);
/* harmony import */ var _untrusted_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39052);
/* harmony import */ var _times_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(95240);



const ICON = { failed: '🔴', inconclusive: '🟠' };
/** The issue title: severity, environment, verdict and version; GitHub renders no markdown there. */
function incidentTitle(f, severity = f.severity.severity) {
    return `[${severity}] ${f.environment}: ${f.result} verifying ${shortVersion(f.version)} (deploy-guard)`.replace(/[\r\n]+/g, ' ').slice(0, 256);
}
/** Pure: the first screen in markdown; `closeOnRecovery` words the last step. */
function renderFirstScreen(f, closeOnRecovery) {
    return [headline(f), whatFailed(f), when(f), whatWasDone(f), whereToLook(f), nextSteps(f, closeOnRecovery), (0,_render_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .renderChanges */ .O1)(f.changes)]
        .filter(Boolean)
        .join('\n\n');
}
function headline(f) {
    const cc = f.mentions.length ? ` · cc ${f.mentions.map((h) => `@${h}`).join(' ')}` : '';
    return `## ${ICON[f.result]} ${f.severity.severity} · ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.environment)} ${f.result}: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.version, { max: 80 })}\n\n**Severity** ${f.severity.severity}: ${f.severity.why}${cc}`;
}
function whatFailed(f) {
    const lines = [`### What failed\n\n${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.reason, { max: 300 })}`];
    // A check tagged private keeps the logs out of the issue: its first error line too.
    const job = f.logsWithheld ? undefined : failedJob(f.jobs);
    if (job)
        lines.push(failedJobLine(job, f.deployResult === 'failure'));
    if (f.checks.length) {
        lines.push('| check | status | observed | bound | why |\n| --- | --- | --- | --- | --- |\n' +
            f.checks
                .map((c) => `| ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c.name, { cell: true })} | ${c.status} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c.observed, { cell: true })} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c.bound, { cell: true })} | ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(c.reason, { cell: true })} |`)
                .join('\n'));
    }
    return lines.join('\n\n');
}
/** The failed job whose log says most: one with error lines first. */
function failedJob(jobs) {
    const failed = jobs.filter((j) => j.role === 'failed');
    return failed.find((j) => j.excerpt?.errors.length) ?? failed[0];
}
/** The first error line of a job that says something: the runner's closing `exit code` line only when it is all there is. */
function firstErrorLine(j) {
    const errors = j.excerpt?.errors.map((e) => e.text.replace(/^\S+Z /, '')) ?? [];
    return errors.find((t) => !/^##\[error\]Process completed with exit code/.test(t)) ?? errors[0];
}
function failedJobLine(j, deployFailed) {
    const step = j.failedStep ? `, step ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(j.failedStep, { max: 80 })}` : '';
    const first = firstErrorLine(j);
    const said = first ? `: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(first, { max: 240 })}` : j.note ? ` (no error line: ${j.note})` : '';
    return `**${deployFailed ? 'Failed deploy job' : 'Failed job'}** ${jobLink(j)}${step}${said}`;
}
function when(f) {
    const t = f.times;
    const window = f.deployResult === 'failure'
        ? 'not verified: the deploy job failed'
        : t.windowStartedAt !== undefined
            ? `${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .span */ .L)(t.detectedAt - t.windowStartedAt)} window from ${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .utc */ .n)(t.windowStartedAt)}`
            : 'no window';
    const sent = t.rollbackSentAt !== undefined ? `${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .utc */ .n)(t.rollbackSentAt)} (+${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .span */ .L)(t.rollbackSentAt - t.detectedAt)})` : 'none sent';
    return [
        '### When\n',
        '| deployed | verified | detected | rollback sent |',
        '| --- | --- | --- | --- |',
        `| ${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .utc */ .n)(t.deployedAt)} | ${window} | ${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .utc */ .n)(t.detectedAt)} (${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .span */ .L)(t.detectedAt - t.deployedAt)} after deploy) | ${sent} |`
    ].join('\n');
}
function whatWasDone(f) {
    const lines = [`- **Rollback:** ${rollbackText(f)}`];
    if (f.deployment)
        lines.push(`- **Deployment:** [${f.deployment.id}](${f.deployment.url}) of ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.version, { max: 80 })} set to ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.deployment.state)}`);
    else
        lines.push('- **Deployment:** not recorded (no deployment status was set)');
    return `### What was done\n\n${lines.join('\n')}`;
}
/** The rollback in one sentence, with what `rollback.wait` found; no RollbackOutcome means no rollback step ran. */
function rollbackText(f) {
    const r = f.rollback;
    if (!r)
        return 'none sent: no rollback is configured for this run.';
    const to = r.toVersion ? ` to ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.toVersion, { max: 80 })}` : '';
    const link = r.url ? ` ([rollback run](${r.url}))` : '';
    if (r.rollbackOfRollback)
        return `none sent: the release verified was itself a rollback, and a rollback is never rolled back; escalated. ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.reason, { max: 500 })}`;
    if (r.failed)
        return `**failed** (${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.strategy)}${to})${link}: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.reason, { max: 500 })}; the bad release may still be live, so the severity was raised.`;
    if (r.triggered)
        return `sent by ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.strategy)}${to}${r.sentAt !== undefined ? ` at ${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .utc */ .n)(r.sentAt)}` : ''}${link}.${restoreText(r.restore)}`;
    return `none sent (${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.strategy)}): ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(r.reason, { max: 500 })}`;
}
function restoreText(restore) {
    if (!restore)
        return '';
    if (restore.state === 'restored')
        return ` **Restored**${restore.timeToRestoreMs !== undefined ? ` in ${(0,_times_js__WEBPACK_IMPORTED_MODULE_2__/* .span */ .L)(restore.timeToRestoreMs)} (time to restore)` : ''}: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(restore.reason, { max: 300 })}`;
    if (restore.state === 'not watched')
        return ` Not watched: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(restore.reason, { max: 300 })}`;
    return ` **Not restored**: ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(restore.reason, { max: 300 })}; the severity was raised.`;
}
function whereToLook(f) {
    const runbook = f.runbookUrl
        ? `[runbook](${f.runbookUrl})`
        : f.playbookUrl
            ? `[incident playbook](${f.playbookUrl}) (no \`runbook-url\` set)`
            : 'runbook: none configured (set `runbook-url`)';
    const links = [
        f.runUrl ? `[workflow run](${f.runUrl})` : 'workflow run: not known outside Actions',
        f.deployment ? `[deployment](${f.deployment.url})` : undefined,
        runbook,
        f.artifact?.url ? `[full logs (artifact)](${f.artifact.url})` : undefined
    ].filter(Boolean);
    return `### Where to look\n\n${links.join(' · ')}`;
}
function nextSteps(f, closeOnRecovery) {
    const r = f.rollback;
    const good = f.changes.base ? ` to ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.changes.base, { max: 80 })}` : '';
    const steps = [
        'Name an incident commander: assign this issue to them',
        r?.triggered && !r.failed
            ? r.restore?.state === 'restored'
                ? 'Confirm the service stays healthy on the rolled-back release'
                : `Follow the rollback to the end${r.url ? ` ([run](${r.url}))` : ''} and confirm the service recovered`
            : r?.failed || r?.rollbackOfRollback
                ? 'Roll back by hand or fix forward: the automatic rollback did not happen'
                : `Decide whether to roll back${good}: no rollback was sent`,
        `Check the dashboards of ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.environment)} for impact${f.result === 'inconclusive' ? ', and the monitoring backend: a check could not measure' : ''}`,
        'Tell stakeholders that updates are posted in this issue',
        f.changes.total > 0
            ? `Look for the cause among the ${f.changes.total} change${f.changes.total === 1 ? '' : 's'} below and in the error lines of the logs`
            : 'Look for the cause in the error lines of the logs, the configuration and the platform: no code change is listed',
        closeOnRecovery
            ? `deploy-guard comments and closes this issue when a later verify of ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.environment)} passes`
            : `deploy-guard comments when a later verify of ${(0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(f.environment)} passes; close the issue by hand`
    ];
    return `### Next steps\n\n${steps.map((s) => `- [ ] ${s}`).join('\n')}`;
}
function shortVersion(v) {
    return /^[0-9a-f]{40}$/i.test(v) ? v.slice(0, 7) : v.replace(/[\r\n]/g, ' ').slice(0, 80);
}
/** A job's name, as code, linked to its log page when GitHub gave one. */
function jobLink(j) {
    const name = (0,_untrusted_js__WEBPACK_IMPORTED_MODULE_1__/* .code */ .aY)(j.name, { max: 80 });
    return j.url ? `[${name}](${j.url})` : name;
}


/***/ }),

/***/ 73015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _q: () => (/* binding */ moreSevere),
/* harmony export */   kW: () => (/* binding */ decideSeverity)
/* harmony export */ });
/* unused harmony export raise */
/* harmony import */ var _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81805);

/**
 * Pure: the first rule whose conditions all hold gives the level (failed: sev2 and inconclusive:
 * sev3 when none does); a failed rollback, or one that did not restore the service, raises it
 * one level, since the bad release (or the outage) then stays.
 */
function decideSeverity(rules, f) {
    const index = rules.findIndex((r) => matches(r, f));
    const rule = rules[index];
    const base = rule?.severity ?? (f.result === 'failed' ? 'sev2' : 'sev3');
    const why = rule ? `rule ${index + 1} (${describe(rule)})` : `no rule matched; ${f.result} defaults to ${base}`;
    if (!f.rollbackFailed && !f.notRestored)
        return { severity: base, why };
    const raised = raise(base);
    const cause = f.rollbackFailed ? 'the rollback failed' : 'the rollback did not restore the service';
    const more = raised === base ? `; ${cause}, and ${base} is already the highest level` : `; raised from ${base} because ${cause}`;
    return { severity: raised, why: why + more, ...(raised !== base && { raisedFrom: base }) };
}
/** One level more severe, or the same at the top. */
function raise(s) {
    return _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC[Math.max(0, _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(s) - 1)];
}
/** True when `a` is more severe than `b`. */
function moreSevere(a, b) {
    return _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(a) < _settings_incident_settings_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(b);
}
function matches(r, f) {
    return ((r.environment === undefined || r.environment === f.environment) &&
        (r.production === undefined || r.production === f.production) &&
        (r.result === undefined || r.result === f.result) &&
        (r.tag === undefined || f.tags.includes(r.tag)));
}
function describe(r) {
    const parts = [
        r.environment !== undefined && `environment ${r.environment}`,
        r.production !== undefined && (r.production ? 'production' : 'not production'),
        r.result !== undefined && r.result,
        r.tag !== undefined && `tag ${r.tag}`
    ].filter(Boolean);
    return `${parts.length ? parts.join(', ') : 'any'}: ${r.severity}`;
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


/***/ })

};

//# sourceMappingURL=956.index.js.map