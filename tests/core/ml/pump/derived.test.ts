/**
 * The derived channels expose sensor faults a z-scored raw tag hides: a healthy plant keeps its
 * balances near zero, a biased flow transmitter breaks the tank balance, a stuck one loses its
 * roughness (and the lowest roughness of all sensors drops), a dropping-out one raises its repair
 * share.
 */
import { describe, expect, it } from 'vitest';
import assetJson from '../../../../assets/pump-skid/asset.json';
import { parseAsset } from '../../../../core/asset/parse';
import { planEpisode, runEpisode } from '../../../../core/ml/pump/episodes';
import { episodeFromRun } from '../../../../core/ml/pump/evaluate-health';
import { channelsOfTag, DERIVED_CHANNELS, PAST_VALUE_CHANNELS } from '../../../../core/ml/pump/spec';

const parsed = parseAsset(assetJson);
if (!parsed.ok) throw new Error('asset.json does not parse');
const asset = parsed.asset;

/** An episode with a sensor fault on `tag` from row 120 (or a healthy one), 360 rows. */
function episode(faultIndex: number | null, tag = 'flow', severity = 1) {
  const base =
    faultIndex === null ? planEpisode(0, 909, 'healthy', 0) : planEpisode(0, 909, 'sensor', faultIndex);
  const plan = {
    ...base,
    maxRows: 360,
    onsetRow: faultIndex === null ? 360 : 120,
    targetTag: tag,
    severity0: severity,
  };
  return episodeFromRun(runEpisode(plan, asset.tags), asset);
}

/** Mean of a channel over rows [a, b), ignoring missing samples. */
function mean(ep: ReturnType<typeof episode>, channel: string, a: number, b: number): number {
  const v = ep.frame.values[PAST_VALUE_CHANNELS.indexOf(channel)]!;
  let s = 0;
  let n = 0;
  for (let r = a; r < b; r++)
    if (Number.isFinite(v[r]!)) {
      s += v[r]!;
      n++;
    }
  return s / n;
}

describe('pump-skid derived channels', () => {
  const healthy = episode(null);

  it('fills every derived channel, and healthy balances stay near zero', () => {
    for (const c of DERIVED_CHANNELS) expect(Number.isFinite(mean(healthy, c, 10, 360)), c).toBe(true);
    expect(Math.abs(mean(healthy, 'head_balance', 10, 360))).toBeLessThan(0.02);
    expect(Math.abs(mean(healthy, 'tank_balance', 10, 360))).toBeLessThan(3);
    expect(Math.abs(mean(healthy, 'valve_deviation', 10, 360))).toBeLessThan(1);
  });

  it('a flow transmitter reading high breaks the tank balance', () => {
    const biased = episode(1, 'flow', 0.6); // sensor_bias: +/− 0.6 × 10 % of 500 m³/h
    const shift = Math.abs(mean(biased, 'tank_balance', 130, 360) - mean(biased, 'tank_balance', 10, 110));
    expect(shift).toBeGreaterThan(20);
  });

  it('a stuck seal-temperature sensor loses its roughness; a live one keeps it', () => {
    const stuck = episode(2, 'seal_temp');
    const before = mean(stuck, 'seal_temp_roughness', 10, 110);
    const after = mean(stuck, 'seal_temp_roughness', 130, 360);
    expect(after).toBeCloseTo(Math.log(0.05), 5);
    expect(before).toBeGreaterThan(after + 1);
    // The tag-agnostic aggregate sees it too: the flattest sensor is far flatter than its datasheet noise.
    expect(mean(stuck, 'roughness_min', 130, 360)).toBeLessThan(mean(stuck, 'roughness_min', 10, 110) - 0.4);
  });

  it('a sensor dropping out raises its share of repaired samples', () => {
    const dropout = episode(4, 'motor_current', 0.3);
    expect(mean(dropout, 'motor_current_repairs', 130, 360)).toBeGreaterThan(
      3 * mean(dropout, 'motor_current_repairs', 10, 110),
    );
    expect(mean(dropout, 'motor_current_repairs', 130, 360)).toBeGreaterThan(0.15);
    expect(mean(dropout, 'repairs_max', 130, 360)).toBeGreaterThan(0.15);
  });

  it('names every channel a tag feeds, so blanking a sensor blanks what is derived from it', () => {
    const names = (tag: string) => channelsOfTag(tag).map((i) => PAST_VALUE_CHANNELS[i]);
    expect(names('flow')).toEqual([
      'flow',
      'suction_balance',
      'pump_curve_residual',
      'tank_balance',
      'flow_roughness',
      'flow_repairs',
    ]);
    expect(names('ambient_temp')).toEqual(['ambient_temp']);
  });
});
