import type { AssetDefinition } from '../../../../../core/asset/schema';
import type { SetpointSuggestion } from '../../../../../core/whatif/optimiser';
import { formatValue } from '../../../format';
import { unreachableTargets } from './suggestion-outcome';

/** What the physics predicts at the horizon, now and with the suggestion, beside each target. */
export function SuggestionOutcome({
  asset,
  suggestion,
  targets,
}: {
  asset: AssetDefinition;
  suggestion: SetpointSuggestion;
  targets: Record<string, number>;
}) {
  const { predicted } = suggestion;
  const misses = unreachableTargets(asset, suggestion, targets);
  return (
    <>
      <table className="kpi-table" data-testid="whatif-suggestion-outcome">
        <thead>
          <tr>
            <th>At the horizon</th>
            <th>Target</th>
            <th>Now</th>
            <th>Suggested</th>
          </tr>
        </thead>
        <tbody>
          {predicted.tagIds.map((id) => {
            const tag = asset.tags.find((t) => t.id === id);
            if (!tag) return null;
            const show = (v: number | undefined) => (v === undefined ? '—' : formatValue(v, tag.decimals));
            return (
              <tr key={id} data-testid="suggestion-outcome-row" data-tag-id={id}>
                <td>
                  {tag.name} <span className="muted">{tag.unit}</span>
                </td>
                <td className="num">{show(targets[id])}</td>
                <td className="num">{show(predicted.current[id])}</td>
                <td className="num">{show(predicted.suggested[id])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {misses.length > 0 && (
        <p className="form-note warning" data-testid="whatif-suggestion-unreachable">
          Targets missed at the horizon: {misses.join('; ')}. The targets, the energy weight and the
          controls&apos; limits pull against each other; change a weight or a target to trade them.
        </p>
      )}
    </>
  );
}
