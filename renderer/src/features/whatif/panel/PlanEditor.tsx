import { useTranslation } from 'react-i18next';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import type { ControlChange, FaultInjection } from '../../../../../core/scenario/whatif-request';
import { useWhatIf } from '../use-whatif';
import { whatIfStore } from '../whatif-store';

const setControls = (controls: ControlChange[]) => whatIfStore.setState({ controls });
const setFaults = (faults: FaultInjection[]) => whatIfStore.setState({ faults });
const num = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

/** Schedule of setpoint changes (step or ramp at +t) and fault injections for the what-if. */
export function PlanEditor({ asset }: { asset: AssetDefinition }) {
  const { t } = useTranslation('whatif');
  const controls = useWhatIf((s) => s.controls);
  const faults = useWhatIf((s) => s.faults);
  const first = asset.controls[0];
  const patchControl = (i: number, patch: Partial<ControlChange>) =>
    setControls(controls.map((c, k) => (k === i ? { ...c, ...patch } : c)));
  const patchFault = (i: number, patch: Partial<FaultInjection>) =>
    setFaults(faults.map((f, k) => (k === i ? { ...f, ...patch } : f)));

  return (
    <>
      <div className="section-header">
        <h3>{t('plan.schedule')}</h3>
        <span className="section-spacer" />
        <button
          type="button"
          data-testid="whatif-add-control"
          disabled={!first}
          onClick={() =>
            first &&
            setControls([
              ...controls,
              { controlId: first.id, atS: 60, to: first.default, shape: 'step', rampS: 60 },
            ])
          }
        >
          {t('plan.addChange')}
        </button>
      </div>
      {controls.length === 0 && <p className="empty-hint">{t('plan.noChanges')}</p>}
      {controls.map((c, i) => {
        const def = asset.controls.find((x) => x.id === c.controlId);
        const outside = def !== undefined && (c.to < def.min || c.to > def.max);
        return (
          <div key={i} className="plan-row" data-testid="whatif-control-row">
            <select
              value={c.controlId}
              aria-label={t('plan.control')}
              onChange={(e) => patchControl(i, { controlId: e.target.value })}
            >
              {asset.controls.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
            <select
              value={c.shape}
              aria-label={t('plan.shape')}
              onChange={(e) => patchControl(i, { shape: e.target.value as 'step' | 'ramp' })}
            >
              <option value="step">{t('plan.step')}</option>
              <option value="ramp">{t('plan.ramp')}</option>
            </select>
            <MinutesAfterFork
              seconds={c.atS}
              label={t('plan.start')}
              onChange={(atS) => patchControl(i, { atS })}
            />
            <label className="inline-field">
              <span>{t('plan.to')}</span>
              <input
                className={`num ${outside ? 'is-invalid' : ''}`}
                type="number"
                min={def?.min}
                max={def?.max}
                step={def?.step}
                value={c.to}
                aria-label={t('plan.target')}
                aria-invalid={outside}
                title={
                  outside && def
                    ? t('plan.outside', { min: def.min, max: def.max, unit: def.unit })
                    : undefined
                }
                onChange={(e) => patchControl(i, { to: num(e.target.value) })}
              />
              <span>{def?.unit}</span>
            </label>
            {c.shape === 'ramp' && (
              <label className="inline-field">
                <span>{t('plan.over')}</span>
                <input
                  className="num"
                  type="number"
                  min={1}
                  value={c.rampS}
                  aria-label={t('plan.rampDuration')}
                  onChange={(e) => patchControl(i, { rampS: Math.max(1, num(e.target.value) || 1) })}
                />
                <span>s</span>
              </label>
            )}
            <button
              type="button"
              className="icon"
              aria-label={t('plan.removeChange')}
              onClick={() => setControls(controls.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
      <div className="section-header">
        <h3>{t('plan.faults')}</h3>
        <span className="section-spacer" />
        <button
          type="button"
          data-testid="whatif-add-fault"
          onClick={() =>
            setFaults([
              ...faults,
              { faultId: asset.faults[0]?.id ?? '', severity: 0.3, growthPerHour: 0.2, onsetS: 0 },
            ])
          }
        >
          {t('plan.addFault')}
        </button>
      </div>
      {faults.map((f, i) => {
        const def = asset.faults.find((x) => x.id === f.faultId);
        return (
          <div key={i} className="plan-row" data-testid="whatif-fault-row">
            <select
              value={f.faultId}
              aria-label={t('plan.fault')}
              onChange={(e) => patchFault(i, { faultId: e.target.value })}
            >
              {asset.faults.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
            {def?.targetsTag && (
              <select
                value={f.targetTag ?? ''}
                aria-label={t('plan.sensor')}
                onChange={(e) => patchFault(i, { targetTag: e.target.value })}
              >
                <option value="">{t('plan.pickSensor')}</option>
                {asset.tags.map((tag) => (
                  <option key={tag.id} value={tag.id}>
                    {tag.instrument} {tag.name}
                  </option>
                ))}
              </select>
            )}
            <label className="inline-field">
              <span>{t('plan.severity')}</span>
              <input
                className="num"
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={f.severity}
                aria-label={t('plan.severityLabel')}
                onChange={(e) =>
                  patchFault(i, { severity: Math.min(1, Math.max(0, num(e.target.value) || 0)) })
                }
              />
            </label>
            <label className="inline-field">
              <span>+</span>
              <input
                className="num"
                type="number"
                min={0}
                step={0.05}
                value={f.growthPerHour}
                aria-label={t('plan.growth')}
                onChange={(e) => patchFault(i, { growthPerHour: Math.max(0, num(e.target.value) || 0) })}
              />
              <span>/h</span>
            </label>
            <MinutesAfterFork
              seconds={f.onsetS}
              label={t('plan.onset')}
              onChange={(onsetS) => patchFault(i, { onsetS })}
            />
            <button
              type="button"
              className="icon"
              aria-label={t('plan.removeFault')}
              onClick={() => setFaults(faults.filter((_, k) => k !== i))}
            >
              ×
            </button>
          </div>
        );
      })}
    </>
  );
}

/** "at + N min": a time after the fork, edited in minutes and kept in seconds. */
function MinutesAfterFork(props: { seconds: number; label: string; onChange: (seconds: number) => void }) {
  const { t } = useTranslation('whatif');
  return (
    <label className="inline-field">
      <span>{t('plan.atPlus')}</span>
      <input
        className="num"
        type="number"
        min={0}
        step={1}
        value={props.seconds / 60}
        aria-label={props.label}
        onChange={(e) => props.onChange(Math.max(0, num(e.target.value) * 60 || 0))}
      />
      <span>{t('plan.minutes')}</span>
    </label>
  );
}
