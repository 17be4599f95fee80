import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { textIn } from '../../../core/scenario/localized-text';
import { parseScenario } from '../../../core/scenario/parse';
import { ScenarioPlayer } from '../../../core/scenario/player';
import { sessionReportHtml } from '../../../core/scenario/report';
import type { Scenario } from '../../../core/scenario/schema';
import type { ScenarioSummary } from '../../../core/scenario/trainer-state';
import { pumpSkid } from '../whatif/helpers';

const asset = pumpSkid();

const singleLanguageV2 = {
  schemaVersion: 2,
  id: 'old',
  title: 'Old drill',
  assetId: 'pump-skid',
  summary: 'Written before scenarios had languages.',
  seed: 1,
  durationS: 600,
  timeline: [
    { kind: 'caption', atS: 0, text: 'Night shift.' },
    { kind: 'question', atS: 10, id: 'q', prompt: 'Why?', choices: ['Wear', 'Air'], correct: 0 },
  ],
};

const bilingual = {
  schemaVersion: 3,
  id: 'both',
  title: { en: 'Night shift', 'zh-CN': '夜班' },
  assetId: 'pump-skid',
  summary: { en: 'A bearing wears.', 'zh-CN': '轴承磨损。' },
  seed: 1,
  durationS: 600,
  timeline: [
    { kind: 'caption', atS: 0, text: { en: 'Quiet night.', 'zh-CN': '夜班很平静。' } },
    {
      kind: 'question',
      atS: 10,
      id: 'q',
      prompt: { en: 'What rises?', 'zh-CN': '什么在升高？' },
      choices: [{ en: 'Vibration', 'zh-CN': '振动' }, 'Flow'],
      correct: 0,
      explanation: { en: 'The bearing.', 'zh-CN': '轴承。' },
    },
  ],
  expectedActions: [
    {
      kind: 'ack-alarm',
      id: 'ack',
      description: { en: 'Acknowledge the alarm', 'zh-CN': '确认报警' },
      withinS: 120,
      points: 10,
    },
  ],
};

function loaded(raw: unknown): Scenario {
  const r = parseScenario(raw, asset);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.scenario;
}

const summaryOf = (s: Scenario): ScenarioSummary => ({
  id: s.id,
  title: s.title,
  summary: s.summary,
  faultType: null,
  durationS: s.durationS,
  pace: s.pace,
  source: 'test',
});

function playedToQuestion(s: Scenario) {
  const p = new ScenarioPlayer(s, summaryOf(s));
  p.setStatus('playing', 0);
  p.advanceTo(10);
  return p;
}

const problemsOf = (raw: unknown) => {
  const r = parseScenario(raw, asset);
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

/** Every text a trainee reads in a scenario. */
const textsOf = (s: Scenario) => [
  s.title,
  s.summary,
  ...s.timeline.flatMap((e) =>
    e.kind === 'caption'
      ? [e.text]
      : e.kind === 'question'
        ? [e.prompt, ...e.choices, ...(e.explanation ? [e.explanation] : [])]
        : e.kind === 'pause' && e.note
          ? [e.note]
          : [],
  ),
  ...s.expectedActions.map((a) => a.description),
];

describe('scenario texts in two languages', () => {
  it('has Chinese for every text of the built-in scenarios', () => {
    const dir = 'assets/scenarios';
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const untranslated = textsOf(loaded(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')))).filter(
        (t) => !t['zh-CN'],
      );
      expect(untranslated, f).toEqual([]);
    }
  });

  it('loads an old single-language file and reads its texts as English in every language', () => {
    const s = loaded(singleLanguageV2);
    expect(s.title).toEqual({ en: 'Old drill' });
    const state = playedToQuestion(s).state();
    expect(textIn(state.caption!.text, 'zh-CN')).toBe('Night shift.');
    expect(state.question?.choices.map((c) => textIn(c, 'zh-CN'))).toEqual(['Wear', 'Air']);
  });

  it('shows a bilingual file in Chinese under zh-CN and in English under en', () => {
    const state = playedToQuestion(loaded(bilingual)).state();
    const question = state.question!;
    expect(textIn(state.caption!.text, 'zh-CN')).toBe('夜班很平静。');
    expect(textIn(state.caption!.text, 'en')).toBe('Quiet night.');
    expect(textIn(question.prompt, 'zh-CN')).toBe('什么在升高？');
    expect(question.choices.map((c) => textIn(c, 'zh-CN'))).toEqual(['振动', 'Flow']);
    expect(question.choices.map((c) => textIn(c, 'en'))).toEqual(['Vibration', 'Flow']);
    expect(textIn(state.actions[0]!.description, 'zh-CN')).toBe('确认报警');
    expect(textIn(state.scenario!.title, 'en')).toBe('Night shift');
  });

  it('writes the session report in the language asked for', () => {
    const p = playedToQuestion(loaded(bilingual));
    p.answer('q', 1);
    const zh = sessionReportHtml(p.state(), { generatedAt: new Date(0), language: 'zh-CN' });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<h1>夜班</h1>');
    expect(zh).toContain('应执行的操作');
    expect(zh).toContain('正确答案: 振动');
    expect(zh).toContain('<td>回答</td><td>错误：“Flow”</td>');
    const en = sessionReportHtml(p.state(), { generatedAt: new Date(0) });
    expect(en).toContain('<h1>Night shift</h1>');
    expect(en).toContain('Expected actions');
    expect(en).not.toContain('夜班');
  });

  it('names the path of a malformed text', () => {
    const badChoice = structuredClone(bilingual);
    (badChoice.timeline[1] as { choices: unknown[] }).choices[1] = { en: 'Flow', 'zh-CN': 7 };
    expect(problemsOf(badChoice).join('\n')).toMatch(/^timeline\[1\]\.choices\[1\]\.zh-CN: .*string/m);

    const unknownLanguage = { ...bilingual, summary: { en: 'A bearing wears.', fr: 'Un roulement.' } };
    expect(problemsOf(unknownLanguage).join('\n')).toMatch(/^summary: .*"fr"/m);

    const noEnglish = { ...bilingual, title: { 'zh-CN': '夜班' } };
    expect(problemsOf(noEnglish).join('\n')).toMatch(/^title\.en: /m);

    const notText = structuredClone(bilingual);
    (notText.expectedActions[0] as { description: unknown }).description = 42;
    expect(problemsOf(notText).join('\n')).toMatch(/^expectedActions\[0\]\.description: expected a text/m);
  });
});
