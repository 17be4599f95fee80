/** `npm run eval` lines: the health card's warning rule and the validation figures it was chosen by. */
import type { HealthCard } from '../../core/ml/pump/card';

export function printDetectionChoice(out: NodeJS.WritableStream, card: HealthCard): void {
  const t = card.threshold;
  out.write(`\nhealth warning rule: ${t.rule}\n`);
  const c = t.choice;
  if (!c) {
    out.write('  (the card does not record how it was chosen)\n');
    return;
  }
  out.write(
    `  chosen on validation of data set ${c.datasetHash.slice(0, 12)}: ${c.valEpisodes} episodes, ${c.valHealthyEpisodes} healthy, ` +
      `${c.valHealthyHours} h of healthy running, windows every ${c.windowStride} min, budget ≤ ${c.maxFalseAlarmsPer24h} false alarms / 24 h\n`,
  );
  for (const k of c.candidates)
    out.write(
      `  ${k.kind === t.score ? '*' : ' '} ${k.kind.padEnd(14)} val ROC-AUC ${k.rocAuc.toFixed(4)}, threshold ${k.threshold.toFixed(2)}, ` +
        `val false alarms ${k.falseAlarmsPer24h.toFixed(2)} / 24 h\n`,
    );
}
