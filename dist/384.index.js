export const id = 384;
export const ids = [384];
export const modules = {

/***/ 23384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  guardCalls: () => (/* binding */ guardCalls),
  publishApproval: () => (/* binding */ publishApproval)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(77094);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
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

// EXTERNAL MODULE: ./src/runner/summary.ts
var summary = __webpack_require__(41070);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/text/redact.ts + 3 modules
var redact = __webpack_require__(37188);
;// CONCATENATED MODULE: ./src/approval/publish-approval.ts








/**
 * Writes the verdict of approval or gate: the JSON report, the job summary and the outputs
 * (`result`, `failed-checks` = the failed rules, `report`). Returns the report path.
 */
async function publishApproval(s, log, report, o = { logRules: true }) {
    const r = (0,redact/* redactValue */.FI)(report, s.secrets);
    const path = (0,external_node_path_.join)(s.context.tempDir, `deploy-guard-${s.context.runId || 'local'}-${s.context.runAttempt}-${r.mode}.json`);
    await (0,promises_.writeFile)(path, JSON.stringify(r, null, 2), 'utf8');
    await (0,summary/* writeSummary */.S)((0,redact/* redact */.E$)(renderApprovalSummary(r), s.secrets));
    core/* setOutput */.uH('result', r.result);
    core/* setOutput */.uH('failed-checks', JSON.stringify(r.rules.filter((x) => x.status === 'fail').map((x) => x.rule)));
    core/* setOutput */.uH('report', path);
    if (o.logRules)
        for (const rule of r.rules)
            log.info(`  ${rule.status.padEnd(4)} ${rule.rule}: ${rule.detail}`);
    return path;
}
/**
 * Runs approval or gate; a GitHub call that failed (a missing permission, a rate limit) becomes
 * one `::error` saying what to do and a failed job, not a stack trace. No verdict: no status.
 */
async function guardCalls(s, deps, mode) {
    try {
        return await mode(s, deps);
    }
    catch (e) {
        if (!(e instanceof errors/* GitHubCallError */._6))
            throw e;
        const message = (0,redact/* redact */.E$)(e.message, s.secrets);
        deps.log.error(`${message} Nothing was judged; the job fails.`, { title: `deploy-guard: ${s.mode}` });
        await (0,summary/* writeSummary */.S)(`## ⛔ deploy-guard ${s.mode}: cannot judge\n\n${(0,markdown/* inline */.mG)(message)}\n`);
        core/* setOutput */.uH('result', 'failed');
        return 1;
    }
}


/***/ })

};

//# sourceMappingURL=384.index.js.map