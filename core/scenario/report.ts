import type { TrainerState } from './trainer-state';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const formatElapsed = (s: number) => {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = t % 60;
  return `${h > 0 ? `${h}:` : ''}${String(m).padStart(h > 0 ? 2 : 1, '0')}:${String(sec).padStart(2, '0')}`;
};

/** A standalone HTML session report (inline CSS, no scripts): timeline, trainee actions, answers, score. */
export function sessionReportHtml(
  state: TrainerState,
  opts: { trainee?: string; generatedAt: Date },
): string {
  const title = state.scenario?.title ?? 'Training session';
  const pct = state.maxScore > 0 ? Math.round((100 * state.score) / state.maxScore) : 0;
  const rows = (cells: string[][]) =>
    cells.map((c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('');
  const actions = rows(
    state.actions.map((a) => [
      esc(a.description),
      `<span class="${a.status}">${a.status}</span>`,
      a.atS === null ? '—' : formatElapsed(a.atS),
      esc(a.note ?? ''),
      `${a.status === 'met' ? a.points : 0} / ${a.points}`,
    ]),
  );
  const answers = rows(
    state.answers.map((a) => [
      esc(a.prompt),
      esc(a.choice),
      a.correct
        ? '<span class="met">right</span>'
        : `<span class="missed">wrong</span> (right: ${esc(a.rightChoice)})`,
      `${a.points}`,
    ]),
  );
  const log = rows(state.log.map((e) => [formatElapsed(e.atS), esc(e.kind), esc(e.text)]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} — session report</title>
<style>
body{font:13px/1.45 Inter,"Segoe UI",system-ui,sans-serif;color:#1f2328;background:#f3f4f6;margin:24px}
h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:20px 0 6px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d4d6da;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#e6e7ea;font-weight:600}.met{color:#1b6e2e;font-weight:600}.missed{color:#b3261e;font-weight:600}.pending{color:#5b6068}
.score{font-size:16px;font-weight:600}.muted{color:#5b6068}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="muted">${esc(state.scenario?.summary ?? '')}</p>
<p class="muted">Generated ${esc(opts.generatedAt.toISOString())}${opts.trainee ? ` · trainee ${esc(opts.trainee)}` : ''} · played ${formatElapsed(state.elapsedS)} of simulated time</p>
<p class="score" data-score="${state.score}">Score ${state.score} / ${state.maxScore} (${pct} %)</p>
<h2>Expected actions</h2>
<table><tr><th>Action</th><th>Result</th><th>At</th><th>Note</th><th>Points</th></tr>${actions || '<tr><td colspan="5">None</td></tr>'}</table>
<h2>Questions</h2>
<table><tr><th>Question</th><th>Answer</th><th>Result</th><th>Points</th></tr>${answers || '<tr><td colspan="4">None answered</td></tr>'}</table>
<h2>Timeline</h2>
<table><tr><th>At</th><th>What</th><th>Detail</th></tr>${log}</table>
</body></html>
`;
}
