import { useSession } from '../../../state/use-store';
import { useCanCall } from '../../../state/session-role';
import {
  requestApply,
  endPreview,
  forkFromLive,
  runWhatIf,
  showPreview,
  undoApply,
  currentPlan,
} from '../whatif-actions';
import { useWhatIf } from '../use-whatif';
import { whatIfStore } from '../whatif-store';
import { forkDetail, forkHeadline } from '../fork-from-playhead';
import { ForkFromHere } from './ForkFromHere';
import { CompareToggle } from './CompareToggle';
import { PreviewSourceSelect } from './PreviewSourceSelect';
import { KpiTable } from './KpiTable';
import { PlanEditor } from './PlanEditor';
import { SuggestSetpoints } from './SuggestSetpoints';
import { ApplyConfirmDialog } from './ApplyConfirmDialog';
import { SurrogateTable } from './SurrogateTable';
import { TuningSliders } from './TuningSliders';
import { WhatIfChart } from './WhatIfChart';
import '../../../ui/kpi-table.css';
import '../whatif.css';

const HORIZONS = [
  { s: 900, label: '15 min' },
  { s: 3600, label: '1 h' },
  { s: 4 * 3600, label: '4 h' },
  { s: 24 * 3600, label: '24 h' },
];

/** What-if: fork from now, change setpoints and inject faults, compare against doing nothing on the physics. */
export function WhatIfPanel() {
  const asset = useSession((s) => s.session?.asset ?? null);
  const hasSim = useSession((s) => (s.session?.asset.simulator ?? null) !== null);
  const fork = useWhatIf((s) => s.fork);
  const horizonS = useWhatIf((s) => s.horizonS);
  const result = useWhatIf((s) => s.result);
  const running = useWhatIf((s) => s.running);
  const error = useWhatIf((s) => s.error);
  const chartTags = useWhatIf((s) => s.chartTags);
  const previewIndex = useWhatIf((s) => s.previewIndex);
  const undo = useWhatIf((s) => s.undo);
  const surrogate = useWhatIf((s) => s.surrogate);
  const apply = useCanCall('whatifApply', 'applying setpoints to the live plant');
  if (!asset) return <div className="empty-hint">Waiting for the backend…</div>;
  if (!hasSim)
    return <div className="empty-hint">This asset has no simulator: physics what-ifs are not available.</div>;

  const applyPlan = () => {
    const plan = currentPlan();
    const finals: Record<string, number> = {};
    for (const c of plan.controls ?? []) finals[c.controlId] = c.to;
    requestApply(finals);
  };
  const previewMin =
    result && previewIndex !== null ? ((result.t[previewIndex] ?? 0) - result.forkTime) / 60_000 : null;

  return (
    <div className="simulation-panel whatif-panel">
      <section className="sim-section" aria-label="Fork">
        <div className="sim-controls">
          <button type="button" data-testid="whatif-fork" onClick={() => void forkFromLive()}>
            Fork from live now
          </button>
          <ForkFromHere />
          <span
            className="muted num"
            data-testid="whatif-fork-time"
            data-origin={fork?.origin ?? 'none'}
            title={forkDetail(fork) ?? undefined}
          >
            {forkHeadline(fork)}
          </span>
          <span className="section-spacer" />
          <label className="inline-field">
            <span>Horizon</span>
            <select
              value={horizonS}
              data-testid="whatif-horizon"
              onChange={(e) => whatIfStore.setState({ horizonS: Number(e.target.value) })}
            >
              {HORIZONS.map((h) => (
                <option key={h.s} value={h.s}>
                  {h.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className="form-note">
          To start from a past moment, scrub the timeline back and choose What-if from here (W).
        </p>
      </section>
      <section className="sim-section" aria-label="Plan">
        <PlanEditor asset={asset} />
        <div className="sim-controls">
          <button
            type="button"
            className="primary"
            data-testid="whatif-run"
            disabled={running}
            onClick={() => void runWhatIf()}
          >
            {running ? 'Running…' : 'Run what-if'}
          </button>
          <button
            type="button"
            data-testid="whatif-apply"
            disabled={!apply.allowed}
            onClick={applyPlan}
            title={apply.refusal ?? "Set the plan's final setpoints on the live plant"}
          >
            Apply to live
          </button>
          <button
            type="button"
            data-testid="whatif-undo"
            disabled={!apply.allowed || !undo}
            title={apply.refusal}
            onClick={() => void undoApply()}
          >
            Undo
          </button>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="whatif-error">
            {error}
          </p>
        )}
      </section>
      <TuningSliders asset={asset} />
      {result && (
        <section className="sim-section" aria-label="Outcome">
          <h3>
            Outcome <span className="muted num">physics {Math.round(result.computeMs)} ms</span>
          </h3>
          <KpiTable result={result} />
          <SurrogateTable asset={asset} />
          <div className="sim-controls">
            <label className="inline-field preview-slider">
              <span>3D preview</span>
              <input
                type="range"
                min={0}
                max={result.t.length - 1}
                value={previewIndex ?? 0}
                data-testid="whatif-preview"
                aria-label="Preview time after the fork"
                onChange={(e) => showPreview(e.target.valueAsNumber)}
              />
              <span className="num">{previewMin === null ? 'live' : `+${previewMin.toFixed(0)} min`}</span>
            </label>
            {previewIndex !== null && (
              <button type="button" onClick={endPreview}>
                Back to live
              </button>
            )}
            <PreviewSourceSelect />
            <CompareToggle />
          </div>
          <label className="inline-field">
            <span>Charts</span>
            <select
              multiple
              size={4}
              value={chartTags}
              aria-label="Tags to chart"
              onChange={(e) =>
                whatIfStore.setState({
                  chartTags: Array.from(e.target.selectedOptions, (o) => o.value).slice(0, 6),
                })
              }
            >
              {asset.tags.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.instrument} {t.name}
                </option>
              ))}
            </select>
          </label>
          {chartTags.map((id) => {
            const index = asset.tags.findIndex((t) => t.id === id);
            const tag = asset.tags[index];
            return tag ? (
              <WhatIfChart
                key={id}
                tag={tag}
                index={index}
                result={result}
                surrogate={surrogate?.forkId === result.forkId ? surrogate : null}
                cursorIndex={previewIndex}
              />
            ) : null;
          })}
        </section>
      )}
      <SuggestSetpoints asset={asset} />
      <ApplyConfirmDialog asset={asset} />
    </div>
  );
}
