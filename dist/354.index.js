export const id = 354;
export const ids = [354];
export const modules = {

/***/ 35239:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jo: () => (/* binding */ verdictFacts),
/* harmony export */   OY: () => (/* binding */ pushFacts),
/* harmony export */   XZ: () => (/* binding */ describeVerdict)
/* harmony export */ });
/* harmony import */ var _text_clip_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(29893);
/* harmony import */ var _label_provenance_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(53733);


const ORDER = ['pull-request', 'block-labels', 'approval', 'freeze-windows'];
/**
 * The commit status description: on a pass who approved, on a failure exactly what is missing,
 * the most blocking first, within GitHub's 140 characters.
 */
function describeVerdict(rules, verdict) {
    const failed = ORDER.flatMap((r) => rules.filter((x) => x.rule === r && x.status === 'fail'));
    if (failed.length)
        return (0,_text_clip_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$)(failed.map((r) => r.missing ?? r.detail).join('; '));
    const a = verdict?.approval;
    const parts = [
        a?.event ? `approved: ${a.label} by @${a.event.actor.login}` : verdict && !verdict.protectedFiles.length ? 'no protected path touched' : 'passed'
    ];
    // Only an emergency label overrides a freeze; a change touching no protected path passes one untouched.
    if (verdict?.freeze && verdict.override)
        parts.push(`freeze ${verdict.freeze.window.name} overridden`);
    return (0,_text_clip_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$)(parts.join('; '));
}
/** The push time as the report shows it. */
function pushFacts(p) {
    return 'unknown' in p ? { unknown: p.unknown } : { at: (0,_label_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .iso */ .KH)(p.at), source: p.source };
}
/** The approval and freeze facts of a verdict, for the report. */
function verdictFacts(v) {
    const e = v.approval?.event;
    return {
        ...(v.approval && e && { approvedBy: { label: v.approval.label, login: e.actor.login, at: (0,_label_provenance_js__WEBPACK_IMPORTED_MODULE_1__/* .iso */ .KH)(e.at) } }),
        ...(v.freeze && { freeze: { window: v.freeze.window.name, until: v.freeze.untilText } })
    };
}


/***/ }),

/***/ 25000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  b: () => (/* binding */ approvalResult),
  W: () => (/* binding */ logRules)
});

// EXTERNAL MODULE: ./src/text/markdown.ts
var markdown = __webpack_require__(86590);
;// CONCATENATED MODULE: ./src/approval/render-approval.ts

const RULE_NAMES = {
    'pull-request': 'Pull request',
    'protected-paths': 'Protected paths',
    approval: 'Approval label',
    'block-labels': 'Block labels',
    'freeze-windows': 'Freeze windows'
};
const MARK = { pass: '✅ pass', fail: '❌ fail', info: 'ℹ️' };
/** The job summary of approval and gate: the verdict, every rule with pass or fail and why, what was posted. Pure. */
function renderApprovalSummary(r) {
    const ok = r.result === 'passed';
    const title = r.mode === 'gate'
        ? `${ok ? '✅' : '⛔'} deploy-guard gate: ${ok ? 'deploy allowed' : 'deploy refused'}`
        : `${ok ? '✅' : '❌'} deploy-guard: change ${ok ? 'approved' : 'not approved'}`;
    const lines = [`## ${title}`, '', `**${(0,markdown/* inline */.mG)(r.reason)}**`, ''];
    const pr = r.pullRequest;
    if (pr) {
        const merged = pr.mergedAt ? `, merged ${pr.mergedAt}` : '';
        lines.push(`Pull request ${(0,markdown/* link */.nf)(`#${pr.number} ${pr.title}`, pr.url)} by ${(0,markdown/* inline */.mG)(`@${pr.author}`)}, head \`${pr.headSha.slice(0, 7)}\`${merged}.`);
    }
    if (r.mode === 'gate')
        lines.push(`Commit to deploy: \`${r.commit.slice(0, 12)}\`.`);
    if (r.policySource)
        lines.push(`Policy: ${(0,markdown/* inline */.mG)(r.policySource)}.`);
    if (r.push)
        lines.push('unknown' in r.push ? `Latest push: unknown (${(0,markdown/* inline */.mG)(r.push.unknown)}).` : `Latest push: ${r.push.at} (${(0,markdown/* inline */.mG)(r.push.source)}).`);
    lines.push('', '| rule | result | why |', '| --- | --- | --- |');
    for (const rule of r.rules)
        lines.push(`| ${RULE_NAMES[rule.rule]} | ${MARK[rule.status]} | ${(0,markdown/* cell */.Hn)(rule.detail)} |`);
    if (r.protectedFiles.length) {
        const shown = r.protectedFiles.slice(0, 50);
        const more = r.protectedFiles.length > shown.length ? `\n\n…and ${r.protectedFiles.length - shown.length} more.` : '';
        lines.push('', `<details><summary>Protected files changed (${r.protectedFiles.length})</summary>`, '', ...shown.map((f) => `- ${(0,markdown/* cell */.Hn)(f)}`), more, '</details>');
    }
    if (r.actions.length) {
        lines.push('', '### Actions');
        for (const a of r.actions)
            lines.push(`- ${a.ok ? '✅' : '⚠️'} ${(0,markdown/* link */.nf)(a.what, a.url)}${a.detail ? `: ${(0,markdown/* inline */.mG)(a.detail)}` : ''}`);
    }
    else if (r.mode === 'gate') {
        lines.push('', "gate changes nothing on GitHub: its verdict is this job's result.");
    }
    if (r.dryRun)
        lines.push('', '_dry-run: nothing was posted to GitHub._');
    if (r.runUrl)
        lines.push('', `[Workflow run](${r.runUrl})`);
    return lines.join('\n') + '\n';
}

;// CONCATENATED MODULE: ./src/approval/approval-result.ts

/**
 * The result of approval or gate: the JSON report, the job summary rendered from it and the
 * outputs (`result`, `failed-checks` = the failed rules; `report` is the publisher's).
 */
function approvalResult(report, exitCode) {
    return {
        report,
        summarize: renderApprovalSummary,
        outputs: { result: report.result, 'failed-checks': JSON.stringify(report.rules.filter((x) => x.status === 'fail').map((x) => x.rule)) },
        exitCode
    };
}
/** One log line per rule, once the verdict is published (the log redacts each line). */
function logRules(log, report) {
    for (const rule of report.rules)
        log.info(`  ${rule.status.padEnd(4)} ${rule.rule}: ${rule.detail}`);
}


/***/ }),

/***/ 57654:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ basePolicy),
  I: () => (/* binding */ policySource)
});

// EXTERNAL MODULE: ./src/github/workflow-files.ts
var workflow_files = __webpack_require__(45412);
// EXTERNAL MODULE: ./src/settings/approval-settings.ts
var approval_settings = __webpack_require__(24110);
// EXTERNAL MODULE: ./src/settings/config-file.ts + 1 modules
var config_file = __webpack_require__(98518);
// EXTERNAL MODULE: ./src/values/user-error.ts
var user_error = __webpack_require__(22768);
;// CONCATENATED MODULE: ./src/settings/base-config.ts
// On pull-request events the policy comes from the base branch (PRODUCT.md section 7): the
// workspace holds the PR's own copy of the config file, which the change it judges could edit.



/**
 * The approval settings from the inputs and the config file's text on the base branch
 * (undefined: no such file there). A bad file is a user error naming the branch.
 */
async function approvalFromBaseConfig(s, text, baseRef) {
    const b = s.baseConfig;
    if (!b)
        return s.approval;
    const configFile = s.configPath.replace(/^\.\//, '');
    if (text === undefined) {
        if (b.explicit) {
            throw new user_error/* UserError */.y('input config', s.configPath, `a YAML file on the base branch ${baseRef}, where pull-request runs read it; it does not exist there`);
        }
        return { ...(0,approval_settings/* approvalSettings */.b)(b.inputs, {}, s.configPath), configFile };
    }
    const where = `${s.configPath} (base branch ${baseRef})`;
    const cfg = await (0,config_file/* parseConfig */.o)(where, text);
    return { ...(0,approval_settings/* approvalSettings */.b)(b.inputs, (cfg.approval ?? {}), where), configFile };
}

;// CONCATENATED MODULE: ./src/approval/base-policy.ts


/** Reads the config file from the PR's base branch through the API. */
function basePolicy(s, conn) {
    return async (ref) => approvalFromBaseConfig(s, await new workflow_files/* WorkflowFiles */.D(conn.client, conn.repo).text(s.configPath, ref), ref);
}
function policySource(s, baseRef) {
    return `${s.configPath} as on the base branch ${baseRef}, read through the API (the PR's own copy in the workspace is ignored)`;
}


/***/ }),

/***/ 72980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  W: () => (/* binding */ activeFreeze)
});

// UNUSED EXPORTS: spanAt

;// CONCATENATED MODULE: ./src/approval/zoned-time.ts
// Local wall time in an IANA time zone from the platform's Intl data, and back: enough for
// freeze windows without a time-zone library.
const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map();
function formatter(tz) {
    let f = formatters.get(tz);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: tz,
            hourCycle: 'h23',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
            hour: '2-digit',
            minute: '2-digit',
            second: '2-digit'
        });
        formatters.set(tz, f);
    }
    return f;
}
/** The wall clock in `tz` at `instant`: date, minutes after midnight, weekday (0 = Sunday). */
function wallTime(instant, tz) {
    const parts = {};
    for (const p of formatter(tz).formatToParts(instant))
        if (p.type !== 'literal')
            parts[p.type] = Number(p.value);
    const date = { year: parts.year, month: parts.month, day: parts.day };
    return { ...date, minutes: parts.hour * 60 + parts.minute, weekday: weekdayOf(date) };
}
/** The zone's offset from UTC at `instant`, in ms (Berlin in summer: +7,200,000). */
function offsetAt(instant, tz) {
    const floored = Math.floor(instant / 1000) * 1000;
    const w = wallTime(floored, tz);
    const seconds = new Date(floored).getUTCSeconds();
    return Date.UTC(w.year, w.month - 1, w.day, 0, w.minutes, seconds) - floored;
}
function weekdayOf(d) {
    return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}
function addDays(d, days) {
    const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
    return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
/**
 * The instant the wall clock in `tz` shows `minutes` after midnight of `date` (1440 = the next
 * midnight). A time shown twice (clocks go back) is its first showing (or its last, when asked); a time skipped (clocks go
 * forward) is the instant of the jump, when the clock passes it.
 */
function wallToInstant(date, minutes, tz, showing = 'first') {
    const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
    // At most one offset change lies within a day of any instant in real zones.
    const before = offsetAt(wall - DAY, tz);
    const after = offsetAt(wall + DAY, tz);
    const shows = (x) => x + offsetAt(x, tz) === wall;
    const candidates = [...new Set([wall - before, wall - after])].filter(shows);
    if (candidates.length)
        return showing === 'first' ? Math.min(...candidates) : Math.max(...candidates);
    // Skipped: the jump lies between the two readings; find it to the minute.
    let lo = Math.min(wall - before, wall - after);
    let hi = Math.max(wall - before, wall - after);
    const late = offsetAt(hi, tz);
    while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
        if (offsetAt(mid, tz) === late)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** `Mon 2026-03-30 00:00 Europe/Berlin`: how a person in that zone reads the instant. */
function formatLocal(instant, tz) {
    const w = wallTime(instant, tz);
    const pad = (n) => String(n).padStart(2, '0');
    return `${WEEKDAY_NAMES[w.weekday]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(Math.floor(w.minutes / 60))}:${pad(w.minutes % 60)} ${tz}`;
}

;// CONCATENATED MODULE: ./src/approval/freeze-windows.ts

/** The window `now` falls in (the first one configured when several do), or undefined. Pure: the clock is a parameter. */
function activeFreeze(windows, now) {
    for (const window of windows) {
        const span = spanAt(window, now);
        if (!span)
            continue;
        let until = span.end;
        // Fri, Sat and Sun 00:00-24:00 are one freeze until Monday, not three that end at midnight.
        for (let i = 0; i < 60; i++) {
            const next = windows.map((w) => spanAt(w, until)).find((s) => s !== undefined);
            if (!next || next.end <= until)
                break;
            until = next.end;
        }
        return { window, until, untilText: untilText(window, until) };
    }
    return undefined;
}
/** The occurrence of a window that contains `instant`: [start, end). */
function spanAt(w, instant) {
    if (w.kind === 'range')
        return w.start <= instant && instant < w.end ? { start: w.start, end: w.end } : undefined;
    return weeklySpanAt(w, instant);
}
function weeklySpanAt(w, instant) {
    const today = wallTime(instant, w.timezone);
    // A window past midnight that started yesterday may still be on.
    for (const delta of [-1, 0]) {
        const day = addDays(today, delta);
        if (!w.days.includes(new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay()))
            continue;
        const endDay = w.to > w.from ? day : addDays(day, 1);
        // When clocks go back the local hour repeats: both passes of a window inside it are frozen.
        const start = wallToInstant(day, w.from, w.timezone);
        const end = wallToInstant(endDay, w.to, w.timezone);
        if (start <= instant && instant < end)
            return { start, end };
        const lastEnd = wallToInstant(endDay, w.to, w.timezone, 'last');
        if (delta === 0 && w.to > w.from && lastEnd > end && instant < lastEnd && inWall(instant, w)) {
            return { start: Math.max(wallToInstant(day, w.from, w.timezone, 'last'), end), end: lastEnd };
        }
    }
    return undefined;
}
/** Whether the wall clock at `instant` reads from..to (a same-day window). */
function inWall(instant, w) {
    const m = wallTime(instant, w.timezone).minutes;
    return w.from <= m && m < w.to;
}
function untilText(w, until) {
    if (w.kind === 'weekly')
        return formatLocal(until, w.timezone);
    return until === w.end ? w.endText : new Date(until).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
}


/***/ }),

/***/ 10824:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  y: () => (/* binding */ judgePullRequest)
});

// EXTERNAL MODULE: ./src/approval/freeze-windows.ts + 1 modules
var freeze_windows = __webpack_require__(72980);
// EXTERNAL MODULE: ./src/approval/label-provenance.ts
var label_provenance = __webpack_require__(53733);
// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(14006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/approval/protected-files.ts

/**
 * A matcher for `protected-paths`: a path is protected when a glob matches it and no `!glob`
 * excludes it. Dotfiles match too (`**` covers .github/workflows), as a reviewer would expect.
 */
function protectedPathMatcher(patterns) {
    const include = patterns.filter((p) => !p.startsWith('!'));
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const isIncluded = picomatch_default()(include, { dot: true });
    const isExcluded = exclude.length ? picomatch_default()(exclude, { dot: true }) : () => false;
    return (path) => isIncluded(path) && !isExcluded(path);
}
/**
 * Files that need approval whatever protected-paths says: the guard's config file and the
 * workflows (which run the guard), so a change cannot narrow the policy that judges it.
 */
function isGuardFile(path, configFile) {
    return path === configFile || /^\.github\/workflows\/[^/]+$/.test(path);
}
/**
 * The protected paths a change touches: both names of a rename count, so moving a file out of
 * a protected folder is as protected as editing it there. The guard's own files always count.
 */
function protectedFiles(files, patterns, configFile = '') {
    const matches = protectedPathMatcher(patterns);
    const isProtected = (p) => matches(p) || isGuardFile(p, configFile);
    const hits = new Set();
    for (const f of files) {
        if (isProtected(f.filename))
            hits.add(f.filename);
        if (f.previousFilename && isProtected(f.previousFilename))
            hits.add(f.previousFilename);
    }
    return [...hits];
}

;// CONCATENATED MODULE: ./src/approval/policy.ts



/** The logins whose approver status decides the verdict; the shell asks GitHub about them. */
function loginsToCheck(input) {
    const judged = [...approvalJudgements(input), ...emergencyJudgements(input)];
    return [...new Set(judged.map((j) => j.checkLogin).filter((l) => l !== undefined))];
}
/** The verdict of PRODUCT.md section 7. Pure: GitHub's answers and the clock are in `input`. */
function evaluatePolicy(input) {
    const s = input.settings;
    const files = protectedFiles(input.files, s.protectedPaths, s.configFile);
    const cut = input.changedFiles > input.files.length;
    const needed = files.length > 0 || cut;
    const rules = [pathsRule(input, files, cut)];
    const approvals = approvalJudgements(input);
    const approval = approvals.find((j) => j.counts);
    if (!needed)
        rules.push({ rule: 'approval', status: 'pass', detail: 'not needed: the change touches no protected path' });
    else if (approval)
        rules.push({ rule: 'approval', status: 'pass', detail: approval.why });
    else
        rules.push(missingApproval(s, approvals));
    const blocking = input.labelsNow.filter((l) => has(s.blockLabels, l));
    rules.push(blocking.length
        ? {
            rule: 'block-labels',
            status: 'fail',
            detail: `blocked by label ${blocking.join(', ')}; remove it to let the change through`,
            missing: `blocked by label ${blocking.join(', ')}`
        }
        : {
            rule: 'block-labels',
            status: 'pass',
            detail: s.blockLabels.length ? `none of ${s.blockLabels.join(', ')} is on the PR` : 'no block labels configured'
        });
    const freeze = (0,freeze_windows/* activeFreeze */.W)(s.freezeWindows, input.now);
    const override = freeze && needed ? emergencyJudgements(input).find((j) => j.counts) : undefined;
    rules.push(freezeRule(input, freeze, needed));
    return {
        pass: rules.every((r) => r.status !== 'fail'),
        rules,
        protectedFiles: files,
        ...(approval && { approval }),
        ...(freeze && { freeze }),
        ...(override && { override })
    };
}
function pathsRule(input, files, cut) {
    const n = input.changedFiles;
    const list = files.slice(0, 5).join(', ') + (files.length > 5 ? `, and ${files.length - 5} more` : '');
    if (cut && !files.length) {
        return {
            rule: 'protected-paths',
            status: 'info',
            detail: `${n} files changed; GitHub lists only the first ${input.files.length}, none protected: the rest cannot be checked, so approval is needed`
        };
    }
    if (!files.length)
        return {
            rule: 'protected-paths',
            status: 'info',
            detail: `none of ${n} changed file${n === 1 ? '' : 's'} matches ${input.settings.protectedPaths.join(', ')}: approval not needed`
        };
    return {
        rule: 'protected-paths',
        status: 'info',
        detail: `${files.length} of ${n} changed files match ${input.settings.protectedPaths.join(', ')} (${list}): approval needed`
    };
}
function missingApproval(s, judged) {
    const who = s.approvers.length ? `one of ${s.approvers.join(', ')}` : 'someone with maintain or admin permission';
    if (!judged.length) {
        return {
            rule: 'approval',
            status: 'fail',
            detail: `no approval label: ${who} must add ${s.labels.join(' or ')} after the latest push`,
            missing: `needs label ${s.labels[0]} from an approver`
        };
    }
    return { rule: 'approval', status: 'fail', detail: judged.map((j) => j.why).join('; '), missing: judged[0].missing };
}
function freezeRule(input, freeze, needed) {
    const s = input.settings;
    if (!freeze) {
        return {
            rule: 'freeze-windows',
            status: 'pass',
            detail: s.freezeWindows.length ? `not in a freeze window (${s.freezeWindows.map((w) => w.name).join(', ')})` : 'no freeze windows configured'
        };
    }
    const during = `freeze window ${freeze.window.name} until ${freeze.untilText}`;
    if (!needed)
        return { rule: 'freeze-windows', status: 'pass', detail: `${during}, but the change touches no protected path` };
    const emergencies = emergencyJudgements(input);
    const override = emergencies.find((j) => j.counts);
    if (override)
        return { rule: 'freeze-windows', status: 'pass', detail: `${during}, overridden: ${override.why}` };
    if (!s.emergencyLabels.length) {
        // approval.emergency-labels: [] means no override exists: do not send people looking for one.
        return {
            rule: 'freeze-windows',
            status: 'fail',
            detail: `${during}: no emergency override is configured (approval.emergency-labels is empty); wait until the window ends`,
            missing: `${during}; no emergency override configured`
        };
    }
    const why = emergencies.length ? `; ${emergencies.map((j) => j.why).join('; ')}` : '';
    return {
        rule: 'freeze-windows',
        status: 'fail',
        detail: `${during}: needs ${s.emergencyLabels.join(' or ')} added by an approver after the latest push${why}`,
        missing: `${during}: needs label ${s.emergencyLabels[0]} from an approver`
    };
}
function approvalJudgements(input) {
    const asOf = input.approvalAsOf;
    return judgements(input, input.settings.labels, asOf ?? Infinity, asOf === undefined ? input.labelsNow : undefined);
}
function emergencyJudgements(input) {
    return judgements(input, input.settings.emergencyLabels, Infinity, input.labelsNow);
}
/**
 * Judges each of `names` on the PR. Presence is what GitHub says now (`present`); as of an
 * earlier instant (gate: the merge) it is what the events say then.
 */
function judgements(input, names, asOf, present) {
    const state = (0,label_provenance/* labelState */.Kj)(input.events, asOf);
    const on = present ?? [...state.values()].map((e) => e.label);
    const c = { settings: input.settings, pr: input.pr, push: input.push, approvers: input.approvers };
    return on.filter((l) => has(names, l)).map((l) => (0,label_provenance/* judgeLabel */.gy)(l, state.get(l.toLowerCase()), c));
}
function has(list, label) {
    return list.some((x) => x.toLowerCase() === label.toLowerCase());
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
;// CONCATENATED MODULE: ./src/github/approvers.ts

const ORG_READ = 'the token needs organization read access to see team membership (members: read); the workflow GITHUB_TOKEN never has it: pass a GitHub App token or a fine-grained token with it as github-token';
/**
 * Whether `login` may approve: listed as a user, an active member of a listed team, or, when
 * none are listed, a maintainer or admin of the repository. An answer GitHub refuses is
 * `unknown`, never a yes.
 */
async function checkApprover(gh, repo, login, s) {
    if (!s.users.length && !s.teams.length)
        return repositoryRole(gh, repo, login);
    if (s.users.some((u) => u.toLowerCase() === login.toLowerCase()))
        return { approver: true, via: 'listed in approvers' };
    const unknown = [];
    for (const team of s.teams) {
        const r = await teamMember(gh, team, login);
        if (r === true)
            return { approver: true, via: `member of ${team.org}/${team.slug}` };
        if (typeof r === 'string')
            unknown.push(r);
    }
    if (unknown.length) {
        const short = unknown.every((u) => u.startsWith('GitHub failed'))
            ? 'GitHub failed to answer the team membership; re-run the job'
            : `cannot see ${s.teams.map((t) => `${t.org}/${t.slug}`).join(', ')}: token lacks org read access`;
        return { unknown: unknown.join('; '), short };
    }
    return { approver: false, why: `not listed in approvers (${s.approvers.join(', ')}) nor a member of a listed team` };
}
/** true, false, or why it cannot be told. A 404 is ambiguous (no such member, or a team the token cannot see); reading the team tells which. */
async function teamMember(gh, team, login) {
    try {
        const { data } = await gh.rest.teams.getMembershipForUserInOrg({ org: team.org, team_slug: team.slug, username: login });
        return data.state === 'active';
    }
    catch (e) {
        const status = (0,errors/* statusOf */.c2)(e);
        // A 5xx or no answer is GitHub failing, not a missing permission: say so, and the check can be re-run.
        if (status === undefined || status >= 500)
            return `GitHub failed to answer whether @${login} is in ${team.org}/${team.slug} (${status ?? 'no answer'}); re-run the job`;
        if (status !== 404)
            return `cannot read membership of ${team.org}/${team.slug} (${status}): ${ORG_READ}`;
    }
    try {
        await gh.rest.teams.getByName({ org: team.org, team_slug: team.slug });
        return false;
    }
    catch (e) {
        const status = (0,errors/* statusOf */.c2)(e);
        if (status === 404 || status === 403)
            return `team ${team.org}/${team.slug} is not visible to the token (${status}): it does not exist, or ${ORG_READ}`;
        return `cannot read team ${team.org}/${team.slug}: ${(0,errors/* explain */.WE)('reading the team', e, 'members: read').message}`;
    }
}
/** The repository role (role_name: the legacy `permission` reports maintain as write). */
async function repositoryRole(gh, repo, login) {
    try {
        const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
        const role = data.role_name ?? data.permission;
        if (role === 'admin' || role === 'maintain')
            return { approver: true, via: `${role} on ${repo.owner}/${repo.repo}` };
        return { approver: false, why: `role ${role} on the repository; approvers is empty, so maintain or admin is needed` };
    }
    catch (e) {
        if ((0,errors/* statusOf */.c2)(e) === 404)
            return { approver: false, why: 'not a collaborator of the repository' };
        return { unknown: (0,errors/* explain */.WE)(`reading the permission of @${login}`, e, 'contents: read').message, short: `cannot read the permission of @${login}` };
    }
}

// EXTERNAL MODULE: ./src/github/pr-history.ts
var pr_history = __webpack_require__(22020);
// EXTERNAL MODULE: ./src/github/pull-requests.ts
var pull_requests = __webpack_require__(22139);
;// CONCATENATED MODULE: ./src/approval/judge-pull.ts




/**
 * Reads what the policy needs, live and in parallel (the PR, then its files, events and push
 * record at once), asks GitHub only about the people whose labels could decide, and judges.
 */
async function judgePullRequest(conn, given, number, o) {
    const { client: gh, repo } = conn;
    const pr = await (0,pull_requests/* readPullRequest */.DQ)(gh, repo, number);
    const asOf = o.asOfMerge && pr.mergedAt !== undefined ? pr.mergedAt : Infinity;
    const [files, history, pushed, settings] = await Promise.all([
        (0,pull_requests/* listChangedFiles */.AC)(gh, repo, number, pr.changedFiles),
        (0,pr_history/* readPullHistory */._T)(gh, repo, number),
        (0,pr_history/* readPushTime */.sl)(gh, { ...pr.head, sha: pr.headSha }, asOf),
        o.policyFor ? o.policyFor(pr.base.ref) : given
    ]);
    const s = settings;
    const synchronizeAt = o.runAction === 'synchronize' ? Math.max(o.now, ...history.labels.map((e) => e.at)) : undefined;
    const push = (0,pr_history/* latestPush */.eH)(pushed, history.forcePushes, asOf, synchronizeAt);
    const input = {
        settings: s,
        pr,
        files,
        changedFiles: pr.changedFiles,
        events: history.labels,
        ...(asOf !== Infinity && { approvalAsOf: asOf }),
        labelsNow: pr.labels,
        push,
        approvers: new Map(),
        now: o.now
    };
    const logins = loginsToCheck(input);
    const checks = await Promise.all(logins.map(async (l) => [l.toLowerCase(), await checkApprover(gh, repo, l, s)]));
    return { pr, push, history, settings, verdict: evaluatePolicy({ ...input, approvers: new Map(checks) }) };
}


/***/ }),

/***/ 53733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KH: () => (/* binding */ iso),
/* harmony export */   Kj: () => (/* binding */ labelState),
/* harmony export */   gy: () => (/* binding */ judgeLabel)
/* harmony export */ });
/* unused harmony exports sameLogin, short */
/**
 * The labels on the issue at `asOf` by its events, each with the event that last added it: the
 * latest `labeled` per label, dropped by a later `unlabeled`. Events are taken in server order
 * (time, then id), whatever order the pages came in.
 */
function labelState(events, asOf) {
    const state = new Map();
    const ordered = [...events].sort((a, b) => a.at - b.at || a.id - b.id);
    for (const e of ordered) {
        if (e.at > asOf)
            break;
        if (e.action === 'labeled')
            state.set(e.label.toLowerCase(), e);
        else
            state.delete(e.label.toLowerCase());
    }
    return state;
}
/**
 * Whether a label on the PR approves it (PRODUCT.md section 7): added by someone other than
 * the author, after the latest push, by an approver; a bot or app only when allowed by name.
 * `added` is the event that last added it (undefined: no record of who did).
 */
function judgeLabel(label, added, c) {
    const no = (why, missing) => ({ label, ...(added && { event: added }), counts: false, why, missing });
    if (!added)
        return no(`${label}: no labeled event says who added it`, `no record of who added ${label}`);
    const who = added.actor.login;
    if (sameLogin(who, c.pr.author)) {
        return no(`${label} was added by the PR's author @${who}; an author cannot approve their own change`, `${label} was added by the author @${who}; needs an approver`);
    }
    const allowedBot = isAllowedBot(added, c.settings.allowedBots);
    if ((added.actor.bot || added.actor.app) && !allowedBot) {
        const name = added.actor.app ? `app ${added.actor.app}` : `bot ${who}`;
        return no(`${label} was added by ${name}, which approval.allowed-bots does not list`, `${label} by ${name}, not allowed; needs an approver`);
    }
    if ('unknown' in c.push) {
        return no(`${label} cannot count: when the head ${short(c.pr.headSha)} was pushed is unknown (${c.push.unknown})`, `cannot tell when ${short(c.pr.headSha)} was pushed`);
    }
    if (added.at <= c.push.at) {
        return no(`${label} was added by @${who} at ${iso(added.at)}, before the latest push at ${iso(c.push.at)} (${c.push.source}): a push makes an approval stale`, `${label} by @${who} predates the push of ${short(c.pr.headSha)}; re-add it`);
    }
    if (!c.settings.lastPusherMayApprove && c.push.by && sameLogin(who, c.push.by)) {
        return no(`${label} was added by @${who}, who pushed the latest commit ${short(c.pr.headSha)}: someone else must approve it (four eyes; approval.last-pusher-may-approve)`, `${label} by @${who}, who pushed ${short(c.pr.headSha)}; needs another approver`);
    }
    if (allowedBot)
        return {
            label,
            event: added,
            counts: true,
            why: `${label} was added by ${added.actor.app ? `app ${added.actor.app}` : who} (approval.allowed-bots) at ${iso(added.at)}`,
            missing: ''
        };
    const check = c.approvers.get(who.toLowerCase());
    if (!check)
        return { ...no(`${label}: @${who} not checked yet`, `@${who} not checked`), checkLogin: who };
    if ('unknown' in check)
        return no(`${label} cannot count: whether @${who} may approve is unknown: ${check.unknown}`, `cannot tell if @${who} may approve: ${check.short ?? 'see the job summary'}`);
    if (!check.approver)
        return no(`${label} was added by @${who}, who is not an approver (${check.why})`, `${label} by @${who}, not an approver; needs an approver`);
    return { label, event: added, counts: true, why: `${label} was added by @${who} (${check.via}) at ${iso(added.at)}, after the latest push`, missing: '' };
}
/**
 * A bot or app named in approval.allowed-bots, by what GitHub says the actor is: a Bot account
 * (`name[bot]`) or the app that acted (performed_via_github_app). A user whose login merely
 * equals a bot's name is a user.
 */
function isAllowedBot(e, allowed) {
    const names = [...(e.actor.bot ? [e.actor.login.replace(/\[bot\]$/i, '')] : []), ...(e.actor.app ? [e.actor.app] : [])];
    return allowed.some((a) => names.some((n) => sameLogin(a.replace(/\[bot\]$/i, ''), n)));
}
function sameLogin(a, b) {
    return a.toLowerCase() === b.toLowerCase();
}
function short(sha) {
    return sha.slice(0, 7);
}
function iso(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}


/***/ }),

/***/ 37593:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ APPROVAL_CONTEXT),
/* harmony export */   o: () => (/* binding */ postApprovalStatus)
/* harmony export */ });
/* harmony import */ var _text_clip_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(29893);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);


/** The context branch protection requires. */
const APPROVAL_CONTEXT = 'deploy-guard/change-approval';
/** Posts the approval verdict on a commit. A refusal is returned, not thrown: the job result still carries the verdict. */
async function postApprovalStatus(gh, repo, sha, state, description, targetUrl) {
    try {
        const { data } = await gh.rest.repos.createCommitStatus({
            ...repo,
            sha,
            state,
            context: APPROVAL_CONTEXT,
            description: (0,_text_clip_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$)(description),
            ...(targetUrl && { target_url: targetUrl })
        });
        return { ok: true, url: data.url };
    }
    catch (e) {
        const err = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`posting the ${APPROVAL_CONTEXT} status on ${sha.slice(0, 7)}`, e, 'statuses: write');
        return { ok: false, ...(err.status !== undefined && { status: err.status }), message: err.message };
    }
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

/***/ 22020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _T: () => (/* binding */ readPullHistory),
/* harmony export */   eH: () => (/* binding */ latestPush),
/* harmony export */   pF: () => (/* binding */ readNewHistory),
/* harmony export */   sl: () => (/* binding */ readPushTime)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _paged_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83646);


// Issue events, not the timeline: the same labeled/unlabeled and force-push records with fewer
// entries per page (no comments, commits or reviews), so fewer requests on a busy PR.
const MAX_EVENT_PAGES = 100;
/** Reads the issue events of a PR live, paged: who added or removed which label, and when, by GitHub's clock. */
async function readPullHistory(gh, repo, number) {
    let events;
    let truncated = false;
    try {
        const fetchPage = (page) => gh.rest.issues.listEvents({ ...repo, issue_number: number, per_page: 100, page });
        events = (await (0,_paged_js__WEBPACK_IMPORTED_MODULE_1__/* .readPages */ .n)(fetchPage, { maxPages: MAX_EVENT_PAGES, onTruncated: () => (truncated = true) }));
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`reading the events of pull request #${number}`, e, 'issues: read');
    }
    // Events come oldest first: the unread ones are the newest, which decide. Judge nothing rather than half.
    if (truncated) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubCallError */ ._6('reading the events', undefined, `pull request #${number} has more than ${MAX_EVENT_PAGES * 100} events; its label history cannot be read in full, so no label can be judged.`);
    }
    const labels = [];
    const forcePushes = [];
    for (const e of events) {
        const at = Date.parse(e.created_at);
        if ((e.event === 'labeled' || e.event === 'unlabeled') && e.label && e.actor) {
            labels.push({ id: e.id, label: e.label.name, action: e.event, actor: actorOf(e), at });
        }
        else if (e.event === 'head_ref_force_pushed') {
            forcePushes.push({ at, ...(e.commit_id && { sha: e.commit_id }), ...(e.actor?.login && { by: e.actor.login }) });
        }
    }
    return { labels, forcePushes, eventCount: events.length };
}
/**
 * The label and push events recorded since `history` was read, reading from the page its last
 * event was on: one request on a quiet PR, whatever its length. Used just before posting, so a
 * run that judged an older state of the PR posts nothing (PRODUCT.md section 7).
 */
async function readNewHistory(gh, repo, number, history) {
    const from = Math.floor(history.eventCount / 100) + 1;
    const events = [];
    try {
        // New events are rare here: follow `next` one page at a time.
        for (let page = from; page !== undefined && page < from + MAX_EVENT_PAGES;) {
            const { data, headers } = await gh.rest.issues.listEvents({ ...repo, issue_number: number, per_page: 100, page });
            events.push(...data);
            page = (0,_paged_js__WEBPACK_IMPORTED_MODULE_1__/* .linkPage */ .q)(headers.link, 'next');
        }
    }
    catch (e) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)(`re-reading the events of pull request #${number}`, e, 'issues: read');
    }
    const known = (from - 1) * 100;
    return events
        .slice(history.eventCount - known)
        .filter((e) => ['labeled', 'unlabeled', 'head_ref_force_pushed'].includes(e.event))
        .map((e) => `${e.event}${e.label ? ` ${e.label.name}` : ''} by @${e.actor?.login ?? 'ghost'} at ${e.created_at}`);
}
function actorOf(e) {
    const login = e.actor?.login ?? 'ghost';
    const app = e.performed_via_github_app?.slug ?? e.performed_via_github_app?.name;
    return { login, bot: e.actor?.type === 'Bot' || /\[bot\]$/i.test(login), ...(app && { app }) };
}
const PUSHES = new Set(['push', 'force_push', 'branch_creation']);
/**
 * When the head commit was pushed to its branch, by the server's clock, as of `asOf`: the
 * repository activity API records every push with its time (the issue events record only force
 * pushes, and a commit's own dates are set by the client). A push it does not show, or that left
 * another commit on the branch, means the time cannot be told; the caller then counts no label.
 */
async function readPushTime(gh, head, asOf) {
    if (!head.repo)
        return { unknown: 'the head repository is gone (a deleted fork)' };
    const where = `${head.repo.owner}/${head.repo.repo}:${head.ref}`;
    let list;
    try {
        const { data } = await gh.rest.repos.listActivities({ ...head.repo, ref: `refs/heads/${head.ref}`, per_page: 100 });
        list = data;
    }
    catch (e) {
        if (e.status === 404) {
            // GitHub.com and recent servers have this endpoint; an older GitHub Enterprise Server answers 404.
            return {
                unknown: `this GitHub server has no repository activity API (GET /repos/${head.repo.owner}/${head.repo.repo}/activity answered 404), which tells when ${where} was pushed: ` +
                    'upgrade GitHub Enterprise Server to a release that has it; until then no approval label can count'
            };
        }
        return { unknown: `the pushes to ${where} could not be read: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explain */ .WE)('listing repository activity', e, 'contents: read').message}` };
    }
    const pushes = list
        .filter((a) => PUSHES.has(a.activity_type) && Date.parse(a.timestamp) <= asOf)
        .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
    const latest = pushes[0];
    if (!latest)
        return { unknown: `GitHub's activity record of ${where} shows no push` };
    if (latest.after.toLowerCase() !== head.sha.toLowerCase()) {
        return { unknown: `the latest push to ${where} that GitHub recorded left ${latest.after.slice(0, 7)}, not the head ${head.sha.slice(0, 7)}` };
    }
    return {
        at: Date.parse(latest.timestamp),
        source: `${latest.activity_type.replace('_', ' ')} to ${where}`,
        ...(latest.actor?.login && { by: latest.actor.login })
    };
}
/**
 * The latest of the push times known: the activity record and the force pushes. On a
 * synchronize event the run is itself the news of a push after every label on the PR
 * (PRODUCT.md section 7): `synchronizeAt` (the run's now, or the newest label event if later)
 * makes every label read now predate it; a label added since counts on the run it triggers.
 */
function latestPush(push, forcePushes, asOf, synchronizeAt) {
    if ('unknown' in push)
        return push;
    let best = push;
    for (const f of forcePushes)
        if (f.at <= asOf && f.at > best.at)
            best = { at: f.at, source: 'force push (issue events)', ...(f.by && { by: f.by }) };
    // Who pushed stays the pusher of the head as the server recorded it.
    if (synchronizeAt !== undefined && synchronizeAt > best.at)
        best = { at: synchronizeAt, source: 'the synchronize event of this run, a push after every label on the PR', ...(best.by && { by: best.by }) };
    return best;
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

//# sourceMappingURL=354.index.js.map