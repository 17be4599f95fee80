/**
 * The committed turbofan models reproduce their model cards: the test figures of FD001 and FD003
 * through the bench code path (scripts/lib/turbofan.ts, as used by `npm run bench:cmapss`), and the
 * validation figures of all four subsets from the held-out training units through the card's
 * feature spec (the path the app's fleet uses).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCmapssStrict } from '../../../../core/data/cmapss';
import { rmse } from '../../../../core/ml/metrics';
import { featureSpecFromCard } from '../../../../core/ml/rul/card-spec';
import { trainingWindows } from '../../../../core/ml/rul/features';
import { predictRul } from '../../../../core/ml/rul/model';
import { initTfNode } from '../../../../scripts/lib/tf-node';
import { benchTurbofan, loadTurbofanModel, turbofanModelDir } from '../../../../scripts/lib/turbofan';
import { CMAPSS_DIR } from '../../../cmapss-dir';

const DATA = CMAPSS_DIR;
const has = (...files: string[]) => files.every((f) => existsSync(path.join(DATA, f)));
const hasModel = (subset: string) => existsSync(path.join(turbofanModelDir(subset), 'model-card.json'));

describe('committed turbofan models', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  for (const subset of ['FD001', 'FD003']) {
    const ready = has(`test_${subset}.txt`, `RUL_${subset}.txt`) && hasModel(subset);
    if (!ready) console.warn(`skipping ${subset} test check: C-MAPSS test files or model missing (${DATA})`);
    it.skipIf(!ready)(`${subset}: reproduces the card's test metrics (last-cycle protocol)`, async () => {
      const { model, card } = await loadTurbofanModel(turbofanModelDir(subset));
      expect(card.subset).toBe(subset);
      expect(card.test).not.toBeNull();
      const ev = await benchTurbofan(model, card, DATA, subset);
      expect(ev.units).toBe(100);
      expect(ev.capped.rmse).toBeCloseTo(card.test!.capped.rmse, 3);
      expect(ev.capped.score).toBeCloseTo(card.test!.capped.score, 1);
      expect(ev.raw.rmse).toBeCloseTo(card.test!.raw.rmse, 3);
      expect(ev.intervalCoverage).toBeCloseTo(card.test!.intervalCoverage, 5);
      model.dispose();
    });
  }

  for (const subset of ['FD001', 'FD002', 'FD003', 'FD004']) {
    const ready = has(`train_${subset}.txt`) && hasModel(subset);
    if (!ready) console.warn(`skipping ${subset} validation check: train file or model missing (${DATA})`);
    it.skipIf(!ready)(
      `${subset}: reproduces the card's validation RMSE on its held-out units`,
      async () => {
        const { model, card } = await loadTurbofanModel(turbofanModelDir(subset));
        const parsed = parseCmapssStrict(
          readFileSync(path.join(DATA, `train_${subset}.txt`), 'utf8'),
          subset,
        );
        const val = parsed.units.filter((u) => card.dataset.valUnits.includes(u.unit));
        expect(val.some((u) => card.dataset.trainUnits.includes(u.unit))).toBe(false);
        const spec = featureSpecFromCard(card);
        const w = trainingWindows(val, spec, card.features.minHistory);
        expect(w.count).toBe(card.dataset.valWindows);
        const p = predictRul(model, w.x, w.count, w.windowLength, w.features, spec.rulCap);
        expect(rmse(p.mean, w.y)).toBeCloseTo(card.validation.rmse, 2);
        model.dispose();
      },
      60_000,
    );
  }
});
