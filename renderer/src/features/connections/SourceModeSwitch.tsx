import { useState } from 'react';
import { setSourceMode } from '../../state/connection-actions';
import { useCanCall } from '../../state/session-role';

const CHOICES = [
  { use: 'simulator', label: 'Simulator', title: 'Run the twin from its physics simulator' },
  { use: 'live', label: 'Live sources', title: 'Run the twin from the plant: its MQTT / OPC UA connections' },
] as const;

/** Simulator / Live sources, for an asset that has both. */
export function SourceModeSwitch({ mode }: { mode: 'simulator' | 'live' | 'none' }) {
  const access = useCanCall('setSourceMode', 'switching the data source');
  const [busy, setBusy] = useState(false);
  const choose = (use: 'simulator' | 'live') => {
    if (use === mode || busy) return;
    setBusy(true);
    void setSourceMode(use).finally(() => setBusy(false));
  };
  return (
    <div className="segmented" role="group" aria-label="Data source" data-testid="source-mode-switch">
      {CHOICES.map((c) => (
        <button
          key={c.use}
          type="button"
          className="toggle"
          aria-pressed={mode === c.use}
          disabled={!access.allowed || busy}
          title={access.refusal ?? c.title}
          data-testid={`source-mode-${c.use}`}
          onClick={() => choose(c.use)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
