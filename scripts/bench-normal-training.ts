/**
 * Time "Learn normal" as the inference worker runs it (trainNormalModel and the card, core/ml/normal) on
 * synthetic normal running of 8 tags (AR(1) processes from white to slow), for 400 rows, an hour and a day
 * at 1 Hz. Pure TypeScript: the same code runs in the browser's worker on any tfjs backend.
 *
 *   npx vite-node scripts/bench-normal-training.ts
 */
import type { TagDefinition } from '../core/asset/schema';
import type { SampleFrame } from '../core/data/frame';
import { Quality } from '../core/data/quality';
import { Rng } from '../core/random/rng';
import { NormalTrainingJobs } from '../renderer/src/inference/normal-training';

const PHI = [0, 0.2, 0.5, 0.7, 0.9, 0.95, 0.3, 0];
const tags: TagDefinition[] = PHI.map((_, j) => ({
  id: `t${j}`,
  instrument: `X${j}`,
  name: `tag ${j}`,
  unit: '1',
  range: [-1000, 1000],
  normal: [-1, 1],
  decimals: 2,
}));

function frame(rows: number): SampleFrame {
  const rng = new Rng(3);
  const state = PHI.map(() => 0);
  const values = PHI.map(() => new Float32Array(rows));
  for (let r = 0; r < rows; r++)
    PHI.forEach((a, j) => {
      state[j] = a * state[j]! + Math.sqrt(1 - a * a) * rng.normal();
      values[j]![r] = 10 * j + state[j]!;
    });
  return {
    t: Float64Array.from({ length: rows }, (_, r) => r),
    tagIds: tags.map((t) => t.id),
    values,
    quality: PHI.map(() => new Uint8Array(rows).fill(Quality.good)),
  };
}

for (const rows of [400, 3600, 86_400]) {
  const started = performance.now();
  const out = await new NormalTrainingJobs().train(
    {
      jobId: 'bench',
      frame: frame(rows),
      tags,
      options: { sampleRateHz: 1 },
      meta: { asset: 'bench', trainedOn: 'synthetic', createdAt: new Date().toISOString() },
    },
    () => undefined,
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${rows} rows × ${tags.length} tags: ${seconds.toFixed(2)} s; held-out false alarms ${out.card?.training.heldOutAlarms?.alarms ?? '—'} in ${out.card?.training.heldOutRows ?? '—'} rows`,
  );
}
