export const id = 864;
export const ids = [864];
export const modules = {

/***/ 59932:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ IncidentIssues)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _safe_write_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(39080);
/* harmony import */ var _incident_marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93978);



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
            const found = [];
            for (let page = 1; page <= 3; page++) {
                const { data } = await this.gh.rest.issues.listForRepo({
                    ...this.repo,
                    state: 'open',
                    labels: (0,_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .environmentLabel */ .WG)(environment),
                    sort: 'created',
                    direction: 'asc',
                    per_page: 100,
                    page
                });
                for (const i of data) {
                    const marker = i.pull_request ? undefined : (0,_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(i.body);
                    if (marker?.environment === environment) {
                        found.push({ number: i.number, url: i.html_url, labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))), marker });
                    }
                }
                if (data.length < 100)
                    break;
            }
            return found.sort((a, b) => a.number - b.number);
        }
        catch (e) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .W)('listing open incident issues', e, PERMISSION);
        }
    }
    /**
     * Opens an issue. An assignee GitHub refuses (not a collaborator: 422) is dropped and the issue
     * opened without assignees, since nothing was created by the refused call. An attempt that got
     * no answer is looked for as the open issue carrying the body's environment marker.
     */
    async create(o) {
        const environment = (0,_incident_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMarker */ .gY)(o.body)?.environment;
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
                return { number: data.number, url: data.html_url, assigneesDropped: assignees.length < o.assignees.length };
            },
            lookup: {
                name: `an open incident issue of ${environment ?? 'the environment'}`,
                find: async () => {
                    if (environment === undefined)
                        return undefined;
                    const [found] = await this.findOpen(environment);
                    return found && { number: found.number, url: found.url, assigneesDropped: false };
                }
            }
        });
        try {
            return await create(o.assignees);
        }
        catch (e) {
            if (e.status !== 422 || !o.assignees.length)
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .W)('opening the incident issue', e, PERMISSION);
            try {
                return await create([]);
            }
            catch (e2) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .W)('opening the incident issue', e2, PERMISSION);
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .W)(`commenting on incident #${issue}`, e, PERMISSION);
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .W)(`closing incident #${issue}`, e, PERMISSION);
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
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .W)(`labelling incident #${issue}`, e, PERMISSION);
        }
    }
}


/***/ }),

/***/ 93978:
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
    // GitHub caps label names at 50 characters.
    return `env:${environment}`.slice(0, 50);
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
    return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
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

/***/ 84491:
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

;// CONCATENATED MODULE: ./src/modes/incident-notify.ts


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
        return { what: 'could not notify the chat webhook', ok: false, detail: `${e instanceof Error ? e.message : String(e)}; the incident is not affected` };
    }
}


/***/ }),

/***/ 79864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveIncident: () => (/* binding */ resolveIncident)
});

// EXTERNAL MODULE: ./src/github/incidents.ts
var incidents = __webpack_require__(59932);
// EXTERNAL MODULE: ./src/incident/times.ts
var times = __webpack_require__(95240);
// EXTERNAL MODULE: ./src/incident/untrusted.ts
var untrusted = __webpack_require__(39052);
;// CONCATENATED MODULE: ./src/incident/render-recovery.ts


/** The figures of an incident, in ms; time to restore runs from detection to recovery. */
function recoveryFigures(m, recoveredAt) {
    return { timeToDetect: m.detectedAt - m.deployedAt, timeToRestore: recoveredAt - m.detectedAt, impact: recoveredAt - m.deployedAt };
}
/** Pure: the recovery comment in markdown. */
function renderRecovery(f) {
    const m = f.marker;
    const figures = recoveryFigures(m, f.recoveredAt);
    const rows = [
        ['deployed', `${(0,untrusted/* code */.aY)(m.version, { max: 80 })} deployed`, m.deployedAt],
        ['detected', 'deploy-guard detected the failure', m.detectedAt],
        ...(m.rollbackSentAt !== undefined ? [['rolled back', 'rollback sent', m.rollbackSentAt]] : []),
        ['recovered', `${(0,untrusted/* code */.aY)(f.version, { max: 80 })} passed verification`, f.recoveredAt]
    ];
    const table = [
        '| event | what | when | since deployed |',
        '| --- | --- | --- | --- |',
        ...rows.map(([e, what, at]) => `| ${e} | ${what} | ${(0,times/* utc */.n)(at)} | ${(0,times/* span */.L)(at - m.deployedAt)} |`)
    ];
    const run = f.runUrl ? ` ([verification run](${f.runUrl}))` : '';
    return [
        `### ✅ Recovered: ${(0,untrusted/* code */.aY)(f.environment)} passed verification${run}`,
        `**Time to detect** ${(0,times/* span */.L)(figures.timeToDetect)} · **time to restore** ${(0,times/* span */.L)(figures.timeToRestore)} (detected to recovered) · **impact** ${(0,times/* span */.L)(figures.impact)} (deployed to recovered)`,
        '#### Timeline',
        table.join('\n'),
        '#### Post-mortem',
        'Copy this into the post-mortem document or fill it in here.',
        POSTMORTEM,
        f.closing
            ? '_Closing: the environment verified healthy. Reopen if the problem comes back._'
            : '_Left open (`incident.close-on-recovery: false`): close it when the post-mortem is done._'
    ].join('\n\n');
}
const POSTMORTEM = [
    '**Summary**: what happened, in two sentences.',
    '',
    '**Impact**: who was affected, how, and for how long (see the figures above).',
    '',
    '**Root cause**: the change or condition behind it, and why it was not caught earlier.',
    '',
    '**What went well**:',
    '- ',
    '',
    '**What went wrong**:',
    '- ',
    '',
    '**Action items** (owner, due date):',
    '- [ ] '
].join('\n');

// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
// EXTERNAL MODULE: ./src/text/redact.ts + 3 modules
var redact = __webpack_require__(37188);
// EXTERNAL MODULE: ./src/modes/incident-notify.ts + 1 modules
var incident_notify = __webpack_require__(84491);
;// CONCATENATED MODULE: ./src/modes/recovery-step.ts
// The recovery step of runFollowUps on a passing verdict: the environment's open incident gets
// the timeline and a post-mortem template, and is closed unless configured otherwise.





/** Resolves the open incident of the environment, if any; never throws. */
async function resolveIncident(input) {
    const s = input.settings;
    if (!s.incident.enabled || input.result !== 'passed')
        return { actions: [] };
    const conn = await input.github().catch(() => undefined);
    if (!conn)
        return { actions: [] };
    const issues = new incidents/* IncidentIssues */.T(conn.client, conn.repo);
    const redactor = (0,redact/* redactorFor */.sD)(s.secrets);
    let outcome;
    const actions = [];
    try {
        const open = await issues.findOpen(s.environment);
        // Normally one; more only when a race left two, and both are resolved by this recovery.
        for (const i of open) {
            const closing = s.incident.closeOnRecovery;
            const text = renderRecovery({
                marker: i.marker,
                environment: s.environment,
                version: s.version,
                recoveredAt: input.decidedAt,
                runUrl: (0,context/* runUrl */.V)(s.context),
                closing
            });
            await issues.comment(i.number, redactor.text(text));
            if (closing)
                await issues.close(i.number, 'completed');
            outcome ??= { number: i.number, url: i.url, action: 'resolved' };
            actions.push({ what: `${closing ? 'resolved and closed' : 'resolved'} incident #${i.number}`, ok: true, url: i.url });
            const chat = await (0,incident_notify/* notifyChat */.Y)(s, redactor, {
                event: 'recovered',
                environment: s.environment,
                version: s.version,
                result: 'passed',
                reason: input.reason,
                issueUrl: i.url,
                issueNumber: i.number,
                runUrl: (0,context/* runUrl */.V)(s.context)
            });
            if (chat)
                actions.push(chat);
        }
    }
    catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        input.log.warning(`Could not resolve the incident: ${message}`, { title: 'deploy-guard: incident issue' });
        actions.push({ what: 'could not resolve the open incident', ok: false, detail: message });
    }
    return { ...(outcome && { outcome }), actions };
}


/***/ })

};

//# sourceMappingURL=864.index.js.map