import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { tune } from '../whatif-actions';
import { useWhatIf } from '../use-whatif';
import { whatIfStore } from '../whatif-store';

/**
 * Setpoints held from the fork on; each move asks the surrogate at once and re-runs the physics (debounced),
 * and shows how long each took.
 */
export function TuningSliders({ asset }: { asset: AssetDefinition }) {
  const { t } = useTranslation('whatif');
  const tuning = useWhatIf((s) => s.tuning);
  const fork = useWhatIf((s) => s.fork);
  const responseMs = useWhatIf((s) => s.responseMs);
  const running = useWhatIf((s) => s.running);
  const surrogate = useWhatIf((s) => s.surrogate);
  const surrogateRunning = useWhatIf((s) => s.surrogateRunning);
  return (
    <section className="sim-section" aria-label={t('tune.section')}>
      <div className="section-header">
        <h3>{t('tune.section')}</h3>
        <span className="section-spacer" />
        <span className="muted num" data-testid="whatif-surrogate-response-ms">
          {surrogateRunning
            ? t('tune.surrogateRunning')
            : surrogate
              ? t('tune.surrogateAnswered', { ms: Math.round(surrogate.computeMs) })
              : ''}
        </span>
        <span className="muted num" data-testid="whatif-response-ms">
          {running
            ? t('tune.running')
            : responseMs !== null
              ? t('tune.physicsAnswered', { ms: Math.round(responseMs) })
              : ''}
        </span>
        {Object.keys(tuning).length > 0 && (
          <button type="button" onClick={() => whatIfStore.setState({ tuning: {} })}>
            {t('tune.clear')}
          </button>
        )}
      </div>
      {asset.controls.map((c) => {
        const value = tuning[c.id] ?? fork?.controls[c.id] ?? c.default;
        return (
          <div key={c.id} className="control-row">
            <div className="control-head">
              <label htmlFor={`tune-${c.id}`}>{c.name}</label>
              <span className="control-readback num">
                {value} <span className="muted">{c.unit}</span>
                {tuning[c.id] === undefined && <span className="muted">{t('tune.asForked')}</span>}
              </span>
            </div>
            <div className="control-inputs">
              <span className="control-limit num muted">{c.min}</span>
              <input
                id={`tune-${c.id}`}
                type="range"
                min={c.min}
                max={c.max}
                step={c.step}
                value={value}
                data-testid={`whatif-tune-${c.id}`}
                onChange={(e) => tune(c.id, e.target.valueAsNumber)}
              />
              <span className="control-limit num muted">{c.max}</span>
            </div>
          </div>
        );
      })}
    </section>
  );
}
