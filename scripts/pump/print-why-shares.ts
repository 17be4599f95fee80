/** `npm run eval` lines: per plant fault, how often the health model's "why" names the fault's signature tags. */
import type * as tf from '@tensorflow/tfjs';
import type { HealthCard } from '../../core/ml/pump/card';
import type { PumpEpisode } from '../../core/ml/pump/evaluate-health';
import { signatureShares } from '../../core/ml/pump/why-metrics';
import { warningRuleOf } from '../../core/ml/pump/detection-score';
import { WHY_STRIDE } from './health-settings';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(100 * x).toFixed(0)} %`;

export function printWhyShares(
  out: NodeJS.WritableStream,
  model: tf.LayersModel,
  test: readonly PumpEpisode[],
  card: HealthCard,
): void {
  const shares = signatureShares(model, test, card, warningRuleOf(card), WHY_STRIDE);
  out.write(
    `\n"why" top 3 names a signature tag (target ≥ 90 % of detected episodes; windows every ${WHY_STRIDE} min)\n` +
      `  ${'fault'.padEnd(18)} ${'episodes'.padStart(9)} ${'windows'.padStart(8)} ${'card'.padStart(6)}   most often first\n`,
  );
  const episodeShares: number[] = [];
  for (const [fault, s] of Object.entries(shares)) {
    if (Number.isFinite(s.episodeShare)) episodeShares.push(s.episodeShare);
    const first = Object.entries(s.topTags).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '—';
    out.write(
      `  ${fault.padEnd(18)} ${`${pct(s.episodeShare)} of ${s.detectedEpisodes}`.padStart(9)} ${pct(s.windowShare).padStart(8)} ` +
        `${pct(card.test.whySignatureShare?.[fault]?.episodeShare).padStart(6)}   ${first}\n`,
    );
  }
  const mean = episodeShares.reduce((a, b) => a + b, 0) / Math.max(1, episodeShares.length);
  out.write(`  ${'mean'.padEnd(18)} ${pct(mean).padStart(9)}\n`);
}
