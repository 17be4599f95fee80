import { useState } from 'react';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { useCanCall } from '../../../state/session-role';
import { requestApply, suggest } from '../whatif-actions';
import { SuggestionOutcome } from './SuggestionOutcome';
import { useWhatIf } from '../use-whatif';

/** Targets for flow and discharge pressure plus an energy price; the CEM search answers on the physics. */
export function SuggestSetpoints({ asset }: { asset: AssetDefinition }) {
  const suggestion = useWhatIf((s) => s.suggestion);
  const busy = useWhatIf((s) => s.suggesting);
  const apply = useCanCall('whatifApply', 'applying setpoints to the live plant');
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
    <section className="sim-section" aria-label="Suggest setpoints">
      <h3>Suggest setpoints</h3>
      <div className="form-grid">
        <label htmlFor="sg-flow">Flow target (m³/h)</label>
        <input
          id="sg-flow"
          className="num"
          type="number"
          value={flow}
          onChange={(e) => setFlow(e.target.valueAsNumber)}
        />
        <label htmlFor="sg-p">Discharge pressure target (bar)</label>
        <input
          id="sg-p"
          className="num"
          type="number"
          step={0.1}
          value={pressure}
          onChange={(e) => setPressure(e.target.valueAsNumber)}
        />
        <label htmlFor="sg-e">Energy weight (per kWh)</label>
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
      <p className="form-note">
        J = Σ w·((x − target)/span)² + energy weight·kWh + penalties beyond alarm/trip limits, over the
        horizon (max 1 h).
      </p>
      <button type="button" className="primary" data-testid="whatif-suggest" disabled={busy} onClick={run}>
        {busy ? 'Searching…' : 'Suggest setpoints'}
      </button>
      {suggestion && (
        <div className="suggestion" data-testid="whatif-suggestion">
          <table className="kpi-table">
            <thead>
              <tr>
                <th>Setpoint</th>
                <th>Now</th>
                <th>Suggested</th>
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
              ? `Predicted gain ΔJ = ${suggestion.predictedGain.toFixed(3)} (J ${suggestion.verifiedJ.current.toFixed(3)} → ${suggestion.verifiedJ.suggested.toFixed(3)}) verified on the 1 s physics; the 5 s search estimate was off by ${suggestion.verificationGap.toFixed(3)}.`
              : 'No better setpoints found: keep the current ones.'}{' '}
            {suggestion.rollouts} rollouts in {Math.round(suggestion.computeMs)} ms.
          </p>
          {suggestion.improved && (
            <button
              type="button"
              data-testid="whatif-apply-suggestion"
              disabled={!apply.allowed}
              title={apply.refusal}
              onClick={() => requestApply(suggestion.suggested)}
            >
              Apply suggestion to live…
            </button>
          )}
        </div>
      )}
    </section>
  );
}
