export const id = 938;
export const ids = [938];
export const modules = {

/***/ 41938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  resolveIncident: () => (/* binding */ resolveIncident)
});

// EXTERNAL MODULE: ./src/github/incidents.ts
var incidents = __webpack_require__(59932);
// EXTERNAL MODULE: ./src/incident/latest-state.ts
var latest_state = __webpack_require__(4343);
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
// Every list holds a placeholder item: an empty `- ` under a line would make that line a
// setext heading in GFM, and an empty `- [ ] ` renders as literal text, not a task.
const POSTMORTEM = [
    '**Summary**: what happened, in two sentences.',
    '',
    '**Impact**: who was affected, how, and for how long (see the figures above).',
    '',
    '**Root cause**: the change or condition behind it, and why it was not caught earlier.',
    '',
    '**What went well**:',
    '',
    '- what helped: detection, the rollback, the first screen of this issue, communication',
    '',
    '**What went wrong**:',
    '',
    '- what slowed the response or made it worse',
    '',
    '**Action items** (owner, due date):',
    '',
    '- [ ] a change that prevents a repeat or shortens the next one (owner, due date)'
].join('\n');

// EXTERNAL MODULE: ./src/settings/context.ts
var context = __webpack_require__(17218);
// EXTERNAL MODULE: ./src/text/redact.ts + 3 modules
var redact = __webpack_require__(37188);
// EXTERNAL MODULE: ./src/incident/notify-chat.ts + 1 modules
var notify_chat = __webpack_require__(87711);
// EXTERNAL MODULE: ./src/values/message-of.ts
var message_of = __webpack_require__(55559);
;// CONCATENATED MODULE: ./src/incident/recovery-step.ts
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
            // Left open, an incident gets one recovery comment per recovery: the label says this one
            // was told, and the next failure (latest-state.ts) takes it off.
            if (!closing && i.labels.includes(latest_state/* RECOVERED_LABEL */.v))
                continue;
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
            else
                await issues.relabel(i.number, [latest_state/* RECOVERED_LABEL */.v], []);
            outcome ??= { number: i.number, url: i.url, action: 'resolved' };
            actions.push({ what: `${closing ? 'resolved and closed' : 'resolved'} incident #${i.number}`, ok: true, url: i.url });
            const chat = await (0,notify_chat/* notifyChat */.Y)(s, redactor, {
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
        const message = (0,message_of/* messageOf */.b)(e);
        input.log.warning(`Could not resolve the incident: ${message}`, { title: 'deploy-guard: incident issue' });
        actions.push({ what: 'could not resolve the open incident', ok: false, detail: message });
    }
    return { ...(outcome && { outcome }), actions };
}


/***/ })

};

//# sourceMappingURL=938.index.js.map