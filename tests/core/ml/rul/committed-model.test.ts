/**
 * The committed FD001 model reproduces the test figures of its model card through the bench code
 * path (scripts/lib/turbofan.ts, as used by `npm run bench:cmapss`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTfNode } from '../../../../scripts/lib/tf-node';
import { benchTurbofan, loadTurbofanModel, turbofanModelDir } from '../../../../scripts/lib/turbofan';
import { CMAPSS_DIR } from '../../../cmapss-dir';

const DATA = CMAPSS_DIR;
const haveData =
  existsSync(path.join(DATA, 'test_FD001.txt')) && existsSync(path.join(DATA, 'RUL_FD001.txt'));
const modelDir = turbofanModelDir('FD001');
const haveModel = existsSync(path.join(modelDir, 'model-card.json'));

if (!haveData) console.warn(`skipping committed-model check: C-MAPSS data not found in ${DATA}`);
if (!haveModel) console.warn(`skipping committed-model check: no model in ${modelDir}`);

describe.skipIf(!haveData || !haveModel)('committed FD001 turbofan model', () => {
  beforeAll(async () => {
    await initTfNode('wasm');
  });

  it('reproduces the model card test metrics on FD001 test (last-cycle protocol)', async () => {
    const { model, card } = await loadTurbofanModel(modelDir);
    expect(card.subset).toBe('FD001');
    expect(card.test).not.toBeNull();
    const ev = await benchTurbofan(model, card, DATA, 'FD001');
    expect(ev.units).toBe(100);
    expect(ev.capped.rmse).toBeCloseTo(card.test!.capped.rmse, 3);
    expect(ev.capped.score).toBeCloseTo(card.test!.capped.score, 1);
    expect(ev.raw.rmse).toBeCloseTo(card.test!.raw.rmse, 3);
    model.dispose();
  });
});
