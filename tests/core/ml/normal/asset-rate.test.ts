import { describe, expect, it } from 'vitest';
import { assetSampleRateHz } from '../../../../core/ml/normal';

describe('assetSampleRateHz', () => {
  it('is 1 Hz without a sampled source, and the slowest OPC UA sampling interval with one', () => {
    expect(assetSampleRateHz({})).toBe(1);
    const opcua = (id: string, samplingIntervalMs: number) => ({
      id,
      kind: 'opcua' as const,
      url: 'opc.tcp://plc:4840',
      securityMode: 'None' as const,
      securityPolicy: 'None' as const,
      samplingIntervalMs,
    });
    expect(
      assetSampleRateHz({
        sources: { use: 'live', connections: [opcua('a', 500), opcua('b', 2000)], bindings: [], writes: [] },
      } as unknown as Parameters<typeof assetSampleRateHz>[0]),
    ).toBe(0.5);
  });
});
