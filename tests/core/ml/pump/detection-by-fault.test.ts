import { describe, expect, it } from 'vitest';
import { detectionAucByFault } from '../../../../core/ml/pump/health-metrics';

describe('detection ROC-AUC per fault', () => {
  it('scores each fault against the healthy windows only, so one missed fault shows on its own', () => {
    // Healthy windows score 0.1–0.3; drift windows are missed (0.2), bias windows caught (0.9).
    const scores = [0.1, 0.2, 0.3, 0.2, 0.2, 0.9, 0.95];
    const isFault = [0, 0, 0, 1, 1, 1, 1];
    // Window 2 is a healthy stretch before onset in the bias episode: it counts as healthy.
    const faultOf = [null, null, 'sensor_bias', 'sensor_drift', 'sensor_drift', 'sensor_bias', 'sensor_bias'];
    const auc = detectionAucByFault(scores, isFault, faultOf);
    expect(Object.keys(auc).sort()).toEqual(['sensor_bias', 'sensor_drift']);
    expect(auc.sensor_bias).toBe(1);
    // Drift 0.2 vs healthy 0.1, 0.2, 0.3: wins 1, ties 1, loses 1 of 3 per window → 0.5.
    expect(auc.sensor_drift).toBeCloseTo(0.5, 6);
  });
});
