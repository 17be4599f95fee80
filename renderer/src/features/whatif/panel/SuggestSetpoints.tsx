import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useCanCall } from '../../../state/session-role';
import { requestApply, suggest } from '../whatif-actions';
import { SuggestionOutcome } from './SuggestionOutcome';
import { useWhatIf } from '../use-whatif';

/** Targets for flow and discharge pressure plus an energy price; the CEM search answers on the physics. */
export function SuggestSetpoints({ asset }: { asset: AssetDefinition }) {
  const { t } = useTranslation('whatif');
  const suggestion = useWhatIf((s) => s.suggestion);
  const busy = useWhatIf((s) => s.suggesting);
  const apply = useCanCall('whatifApply', t('applyAccess'));
  const [flow, setFlow] = useState(250);
  const [pressure, setPressure] = useState(4.5);
  const [energy, setEnergy] = useState(0.01);
  const run = () =>
    void suggest(
      [
        { tagId: 'flow', target: flow, weight: 10 },
        { tagId: 'discharge_pressure', target: pressure, weight: 5 },
      ],
      energy,
    );
  const name = (id: string) => asset.controls.find((c) => c.id === id);
  return (
    <section className="sim-section" aria-label={t('suggest.section')}>
      <h3>{t('suggest.section')}</h3>
      <div className="form-grid">
        <label htmlFor="sg-flow">{t('suggest.flowTarget')}</label>
        <input
          id="sg-flow"
          className="num"
          type="number"
          value={flow}
          onChange={(e) => setFlow(e.target.valueAsNumber)}
        />
        <label htmlFor="sg-p">{t('suggest.pressureTarget')}</label>
        <input
          id="sg-p"
          className="num"
          type="number"
          step={0.1}
          value={pressure}
          onChange={(e) => setPressure(e.target.valueAsNumber)}
        />
        <label htmlFor="sg-e">{t('suggest.energyWeight')}</label>
        <input
          id="sg-e"
          className="num"
          type="number"
          step={0.01}
          min={0}
          value={energy}
          onChange={(e) => setEnergy(e.target.valueAsNumber)}
        />
      </div>
      <p className="form-note">{t('suggest.objective')}</p>
      <button type="button" className="primary" data-testid="whatif-suggest" disabled={busy} onClick={run}>
        {busy ? t('suggest.searching') : t('suggest.run')}
      </button>
      {suggestion && (
        <div className="suggestion" data-testid="whatif-suggestion">
          <table className="kpi-table">
            <thead>
              <tr>
                <th>{t('suggest.setpoint')}</th>
                <th>{t('suggest.now')}</th>
                <th>{t('suggest.suggested')}</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(suggestion.suggested).map(([id, v]) => (
                <tr key={id}>
                  <td>{name(id)?.name ?? id}</td>
                  <td className="num">
                    {suggestion.current[id]} {name(id)?.unit}
                  </td>
                  <td className="num">
                    {v} {name(id)?.unit}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <SuggestionOutcome asset={asset} suggestion={suggestion} targets={suggestion.targets} />
          <p className="form-note num">
            {suggestion.improved
              ? t('suggest.improved', {
                  gain: suggestion.predictedGain.toFixed(3),
                  current: suggestion.verifiedJ.current.toFixed(3),
                  suggested: suggestion.verifiedJ.suggested.toFixed(3),
                  gap: suggestion.verificationGap.toFixed(3),
                })
              : t('suggest.noBetter')}{' '}
            {t('suggest.rollouts', { count: suggestion.rollouts, ms: Math.round(suggestion.computeMs) })}
          </p>
          {suggestion.improved && (
            <button
              type="button"
              data-testid="whatif-apply-suggestion"
              disabled={!apply.allowed}
              title={apply.refusal}
              onClick={() => requestApply(suggestion.suggested)}
            >
              {t('suggest.apply')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
