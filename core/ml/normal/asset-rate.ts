import type { AssetDefinition } from '../../asset/schema';

/** Rows per second the app records when nothing says otherwise: the simulator and MQTT replays run at 1 Hz. */
export const DEFAULT_SAMPLE_RATE_HZ = 1;

/**
 * The rate an asset's rows arrive at: the slowest sampling interval of its OPC UA connections when it has
 * any, else 1 Hz. The model's window and false-alarm budget are counted in rows at this rate.
 */
export function assetSampleRateHz(asset: Pick<AssetDefinition, 'sources'>): number {
  const intervals = (asset.sources?.connections ?? []).flatMap((c) =>
    c.kind === 'opcua' ? [c.samplingIntervalMs] : [],
  );
  return intervals.length > 0 ? 1000 / Math.max(...intervals) : DEFAULT_SAMPLE_RATE_HZ;
}
