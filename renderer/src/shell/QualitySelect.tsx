import { useStore } from 'zustand';
import { activeStep, levelName } from '../scene/quality/quality-steps';
import {
  QUALITY_SETTINGS,
  qualityStore,
  setQualitySetting,
  type QualitySetting,
} from '../state/quality-store';

const LABEL: Record<QualitySetting, string> = {
  auto: 'Auto',
  high: 'High',
  balanced: 'Balanced',
  low: 'Low',
};

/** View option: rendering quality (Auto adapts to the frame times; remembered across sessions). */
export function QualitySelect() {
  const setting = useStore(qualityStore, (s) => s.setting);
  return (
    <label className="toolbar-field" title="Rendering quality: Auto lowers it when frames are slow">
      <span>Quality</span>
      <select
        data-testid="quality-select"
        value={setting}
        onChange={(e) => setQualitySetting(e.target.value as QualitySetting)}
      >
        {QUALITY_SETTINGS.map((q) => (
          <option key={q} value={q}>
            {LABEL[q]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Status bar item: the quality level in force, and whether Auto chose it. */
export function QualityStatus() {
  const level = useStore(qualityStore, (s) => levelName(activeStep(s)));
  const auto = useStore(qualityStore, (s) => s.setting === 'auto');
  const renderer = useStore(qualityStore, (s) => s.renderer);
  return (
    <span
      className="status-item"
      data-testid="status-quality"
      data-level={level}
      title={
        renderer ? `Renderer: ${renderer.name}${renderer.software ? ' (software)' : ''}` : 'Rendering quality'
      }
    >
      <span className="muted">Quality </span>
      {level}
      {auto && <span className="muted"> (auto)</span>}
    </span>
  );
}
