import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCmapssError } from '../../../../core/data/cmapss';
import { formatDecimals } from '../../i18n/number-format';
import { filterEngines, sortEngines } from '../../../../core/fleet/sort-filter';
import { EngineDetail } from './detail/EngineDetail';
import { EngineView } from './engine-view/EngineView';
import { FleetBar } from './FleetBar';
import { FleetLegend } from './FleetLegend';
import { FleetScene } from './FleetScene';
import { restoreStoredFleets } from './fleet-session';
import { useFleet } from './fleet-store';
import './fleet.css';

/** Fleet view: every engine of an imported C-MAPSS data set in 3D, sorted and colored by predicted remaining life. */
export function FleetView() {
  const { t } = useTranslation('fleet');
  const engines = useFleet((s) => s.engines);
  const sortKey = useFleet((s) => s.sortKey);
  const filter = useFleet((s) => s.filter);
  const colorBy = useFleet((s) => s.colorBy);
  const status = useFleet((s) => s.status);
  const problem = useFleet((s) => s.modelProblem);
  const importErrors = useFleet((s) => s.importErrors);
  const progress = useFleet((s) => s.importProgress);
  const inference = useFleet((s) => s.inference);
  const selected = useFleet((s) => s.selectedUnit);
  const summary = useFleet((s) => (s.subset ? s.fleets[s.subset] : undefined));
  const shown = useMemo(
    () => filterEngines(sortEngines(engines, sortKey), filter),
    [engines, sortKey, filter],
  );
  const maxCycle = useMemo(() => Math.max(1, ...(summary?.units.map((u) => u.lastCycle) ?? [1])), [summary]);
  const rulCap = summary?.model?.rulCap ?? 125;
  useEffect(() => void restoreStoredFleets(), []);

  return (
    <div className="fleet-view" data-testid="fleet-view">
      {summary && <FleetBar shown={shown.length} total={engines.length} maxCycle={maxCycle} />}
      <div className="fleet-body">
        <div className="fleet-stage">
          <div className="fleet-hangar">
            {summary ? (
              <FleetScene engines={shown} capacity={engines.length} colorBy={colorBy} rulCap={rulCap} />
            ) : (
              <div className="fleet-empty">
                <p>{t('view.empty')}</p>
              </div>
            )}
            <div className="fleet-overlay-top">
              <div className={`fleet-status ${status.kind}`} data-testid="fleet-status" role="status">
                {status.kind === 'empty'
                  ? t('status.start', { train: 'train_', test: 'test_FD00x.txt' })
                  : status.message()}
              </div>
              {progress && (
                <div className="fleet-status fleet-progress" data-testid="fleet-import-progress">
                  <span>{t('view.sending', { file: progress.fileName })}</span>
                  <progress max={progress.total} value={progress.sent} />
                  <span className="num">
                    {t('view.sent', {
                      sent: formatDecimals(progress.sent / 1e6, 1),
                      total: formatDecimals(progress.total / 1e6, 1),
                    })}
                  </span>
                </div>
              )}
              {problem && (
                <div className="fleet-status warning" data-testid="fleet-model-problem">
                  {t('view.modelProblem', { problem: problem() })}
                </div>
              )}
              {importErrors && (
                <div className="fleet-errors" data-testid="fleet-import-errors" role="alert">
                  <strong>
                    {t('view.badLines', { file: importErrors.fileName, count: importErrors.errorCount })}
                  </strong>
                  <ul>
                    {importErrors.errors.slice(0, 8).map((e) => (
                      <li key={`${e.line}:${e.column ?? ''}`}>{formatCmapssError(e)}</li>
                    ))}
                  </ul>
                  {importErrors.errorCount > 8 && (
                    <span>{t('view.more', { count: importErrors.errorCount - 8 })}</span>
                  )}
                </div>
              )}
            </div>
            {summary && (
              <div className="legend-overlay">
                <FleetLegend
                  colorBy={colorBy}
                  rulCap={rulCap}
                  hasModel={summary.model !== null && !problem}
                />
                {inference && Number.isFinite(inference.tickMs) && (
                  <div className="fleet-inference muted" data-testid="fleet-inference">
                    {t('view.inference', {
                      count: inference.engines,
                      ms: formatDecimals(inference.tickMs, 1),
                      backend: inference.backend,
                    })}
                  </div>
                )}
              </div>
            )}
          </div>
          {selected !== null && <EngineView />}
        </div>
        {selected !== null && <EngineDetail />}
      </div>
    </div>
  );
}
