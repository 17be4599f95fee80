import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InjectFaultRequest } from '../../../../../core/api/schemas';
import type { ActiveFault } from '../../../../../core/api/types';
import type { AssetDefinition } from '../../../../../core/asset/schema';
import { clearFault, injectFault } from '../../../state/twin-actions';
import { formatDateTime, formatValue } from '../../../format';

/** Fault injection form and the list of active faults with their Clear buttons. */
export function FaultPanel({ asset, faults }: { asset: AssetDefinition; faults: readonly ActiveFault[] }) {
  const { t } = useTranslation('live');
  const [faultId, setFaultId] = useState(asset.faults[0]?.id ?? '');
  const [severity, setSeverity] = useState(0.3);
  const [growth, setGrowth] = useState(0);
  const [targetTag, setTargetTag] = useState(asset.tags[0]?.id ?? '');
  const fault = asset.faults.find((f) => f.id === faultId) ?? asset.faults[0];
  const targets = fault?.targetsTag ?? false;

  const inject = () => {
    if (!fault) return;
    const req: InjectFaultRequest = {
      faultId: fault.id,
      severity,
      growthPerHour: Number.isFinite(growth) ? Math.min(100, Math.max(0, growth)) : 0,
    };
    if (targets && targetTag) req.targetTag = targetTag;
    void injectFault(req);
  };

  const faultName = (id: string) => asset.faults.find((f) => f.id === id)?.name ?? id;
  const tagLabel = (id: string) => asset.tags.find((t) => t.id === id)?.instrument ?? id;

  return (
    <>
      <section className="sim-section" aria-label={t('sim.injectFault')}>
        <h3>{t('sim.injectFault')}</h3>
        {asset.faults.length === 0 ? (
          <p className="empty-hint">{t('sim.noFaults')}</p>
        ) : (
          <div className="form-grid">
            <label htmlFor="fault-select">{t('sim.fault')}</label>
            <select
              id="fault-select"
              data-testid="fault-select"
              value={fault?.id ?? ''}
              onChange={(e) => setFaultId(e.target.value)}
            >
              {asset.faults.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            {fault?.description && <p className="form-note">{fault.description}</p>}
            <label htmlFor="fault-severity">{t('sim.severity')}</label>
            <span className="inline-field">
              <input
                id="fault-severity"
                type="range"
                min={0}
                max={1}
                step={0.05}
                value={severity}
                data-testid="fault-severity"
                onChange={(e) => setSeverity(e.target.valueAsNumber)}
              />
              <span className="num">{formatValue(severity, 2)}</span>
            </span>
            <label htmlFor="fault-growth">{t('sim.growth')}</label>
            <span className="inline-field">
              <input
                id="fault-growth"
                type="number"
                className="num"
                min={0}
                max={100}
                step={0.05}
                value={growth}
                data-testid="fault-growth"
                onChange={(e) => setGrowth(e.target.valueAsNumber)}
              />
              <span className="muted">{t('sim.perHour')}</span>
            </span>
            <label htmlFor="fault-target">{t('sim.targetTag')}</label>
            <select
              id="fault-target"
              data-testid="fault-target"
              value={targetTag}
              disabled={!targets}
              title={targets ? t('sim.targetTitle') : t('sim.targetOnlySensor')}
              onChange={(e) => setTargetTag(e.target.value)}
            >
              {asset.tags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.instrument} — {t.name}
                </option>
              ))}
            </select>
            <span />
            <button
              type="button"
              className="primary"
              data-testid="btn-inject-fault"
              disabled={!fault}
              onClick={inject}
            >
              {t('sim.inject')}
            </button>
          </div>
        )}
      </section>
      <section className="sim-section" aria-label={t('sim.activeFaults')}>
        <h3>
          {t('sim.activeFaults')} <span className="section-count num">{faults.length}</span>
        </h3>
        {faults.length === 0 ? (
          <p className="empty-hint">{t('sim.noActiveFaults')}</p>
        ) : (
          <ul className="fault-list">
            {faults.map((f) => (
              <li
                key={f.instanceId}
                className="fault-row"
                data-testid="active-fault"
                data-fault-id={f.faultId}
                data-instance-id={f.instanceId}
              >
                <span className="fault-name">
                  {faultName(f.faultId)}
                  {f.targetTag && (
                    <span className="muted"> {t('sim.onTag', { tag: tagLabel(f.targetTag) })}</span>
                  )}
                </span>
                <span className="fault-meta num muted">
                  {t('sim.since', { time: formatDateTime(f.onset), severity: formatValue(f.severity, 2) })}
                  {f.growthPerHour > 0 ? ` · +${formatValue(f.growthPerHour, 2)}/h` : ''}
                </span>
                <button
                  type="button"
                  data-testid="btn-clear-fault"
                  onClick={() => void clearFault(f.instanceId)}
                >
                  {t('sim.clear')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
