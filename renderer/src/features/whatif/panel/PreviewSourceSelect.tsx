import { setPreviewSource } from '../whatif-actions';
import { useWhatIf } from '../use-whatif';

/** Which answer the 3D preview (and compare view) shows: the physics rollout or the learned surrogate. */
export function PreviewSourceSelect() {
  const source = useWhatIf((s) => s.previewSource);
  const surrogateReady = useWhatIf((s) => s.surrogate !== null && s.surrogate.key === s.resultKey);
  const minutes = useWhatIf((s) => s.surrogate?.minutes ?? 0);
  return (
    <label className="inline-field" title="The 3D view colours the answer chosen here">
      <span>3D from</span>
      <select
        value={source}
        data-testid="whatif-preview-source"
        aria-label="Answer shown in 3D"
        onChange={(e) => setPreviewSource(e.target.value === 'surrogate' ? 'surrogate' : 'physics')}
      >
        <option value="physics">Physics simulator</option>
        <option value="surrogate" disabled={!surrogateReady}>
          {surrogateReady ? `Surrogate (first ${minutes} min)` : 'Surrogate (no answer yet)'}
        </option>
      </select>
    </label>
  );
}
