import { textIn, type ScenarioLanguage } from './localized-text';
import { REPORT_LABELS } from './report-labels';
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

/**
 * A standalone HTML session report (inline CSS, no scripts): timeline, trainee actions, answers, score, in
 * `language` (English by default); the scenario's texts fall back to English where the file has none.
 */
export function sessionReportHtml(
  state: TrainerState,
  opts: { trainee?: string; generatedAt: Date; language?: ScenarioLanguage },
): string {
  const language = opts.language ?? 'en';
  const l = REPORT_LABELS[language];
  const text = (t: Parameters<typeof textIn>[0]) => esc(textIn(t, language));
  const title = state.scenario ? textIn(state.scenario.title, language) : l.untitled;
  const c = l.columns;
  const th = (...names: string[]) => names.map((n) => `<th>${n}</th>`).join('');
  const pct = state.maxScore > 0 ? Math.round((100 * state.score) / state.maxScore) : 0;
  const rows = (cells: string[][]) =>
    cells.map((c) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`).join('');
  const actions = rows(
    state.actions.map((a) => [
      text(a.description),
      `<span class="${a.status}">${l.status[a.status]}</span>`,
      a.atS === null ? '—' : formatElapsed(a.atS),
      a.note ? text(a.note) : '',
      `${a.status === 'met' ? a.points : 0} / ${a.points}`,
    ]),
  );
  const answers = rows(
    state.answers.map((a) => [
      text(a.prompt),
      text(a.choice),
      a.correct
        ? `<span class="met">${l.right}</span>`
        : `<span class="missed">${l.wrong}</span> (${l.rightChoice}: ${text(a.rightChoice)})`,
      `${a.points}`,
    ]),
  );
  const log = rows(state.log.map((e) => [formatElapsed(e.atS), l.kinds[e.kind], text(e.text)]));
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><title>${esc(title)} — ${l.reportTitle}</title>
<style>
body{font:13px/1.45 Inter,"Segoe UI",system-ui,sans-serif;color:#1f2328;background:#f3f4f6;margin:24px}
h1{font-size:18px;margin:0 0 4px}h2{font-size:14px;margin:20px 0 6px}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #d4d6da;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#e6e7ea;font-weight:600}.met{color:#1b6e2e;font-weight:600}.missed{color:#b3261e;font-weight:600}.pending{color:#5b6068}
.score{font-size:16px;font-weight:600}.muted{color:#5b6068}
</style></head><body>
<h1>${esc(title)}</h1>
<p class="muted">${state.scenario ? text(state.scenario.summary) : ''}</p>
<p class="muted">${l.generated} ${esc(opts.generatedAt.toISOString())}${opts.trainee ? ` · ${l.trainee} ${esc(opts.trainee)}` : ''} · ${l.played(formatElapsed(state.elapsedS))}</p>
<p class="score" data-score="${state.score}">${l.score} ${state.score} / ${state.maxScore} (${pct} %)</p>
<h2>${l.expectedActions}</h2>
<table><tr>${th(c.action, c.result, c.at, c.note, c.points)}</tr>${actions || `<tr><td colspan="5">${l.none}</td></tr>`}</table>
<h2>${l.questions}</h2>
<table><tr>${th(c.question, c.answer, c.result, c.points)}</tr>${answers || `<tr><td colspan="4">${l.noneAnswered}</td></tr>`}</table>
<h2>${l.timeline}</h2>
<table><tr>${th(c.at, c.what, c.detail)}</tr>${log}</table>
</body></html>
`;
}
