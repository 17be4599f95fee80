import type { Ref } from 'react';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { componentReadings } from '../../../../../core/fleet/engine-colors';
import type { EngineAtCycle } from './engine-state';

/** Hovered part: its name and each of its sensors with value, unit and deviation at the shown cycle. */
export function EngineTooltip({
  ref,
  asset,
  componentId,
  at,
}: {
  ref: Ref<HTMLDivElement>;
  asset: AssetDefinition;
  componentId: string | null;
  at: EngineAtCycle | null;
}) {
  const comp = asset.components.find((c) => c.id === componentId);
  const readings = comp && at ? componentReadings(asset, comp.id, at.values, at.tagDeviation) : [];
  return (
    <div
      ref={ref}
      className="twin-tooltip fleet-engine-tip"
      role="tooltip"
      data-testid="fleet-engine-tooltip"
      style={{ opacity: comp ? 1 : 0 }}
    >
      {comp && (
        <>
          <div className="fleet-engine-tip-title">{comp.name}</div>
          <table>
            <tbody>
              {readings.map((r) => (
                <tr key={r.tagId}>
                  <th title={r.name}>{r.instrument}</th>
                  <td className="num">{r.value === null ? '—' : r.value.toFixed(r.decimals)}</td>
                  <td>{r.unit === '1' ? '' : r.unit}</td>
                  <td className="num">
                    {r.z === null ? '' : `${r.z >= 0 ? '+' : '−'}${Math.abs(r.z).toFixed(1)} σ`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
