import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('whatif');
  const { predicted } = suggestion;
  const misses = unreachableTargets(asset, suggestion, targets);
  return (
    <>
      <table className="kpi-table" data-testid="whatif-suggestion-outcome">
        <thead>
          <tr>
            <th>{t('suggest.atHorizon')}</th>
            <th>{t('suggest.target')}</th>
            <th>{t('suggest.now')}</th>
            <th>{t('suggest.suggested')}</th>
          </tr>
        </thead>
        <tbody>
          {predicted.tagIds.map((id) => {
            const tag = asset.tags.find((x) => x.id === id);
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
          {t('suggest.unreachable', { misses: misses.join(t('surrogate.listSeparator')) })}
        </p>
      )}
    </>
  );
}
