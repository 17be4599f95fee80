import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSourceMode } from '../../state/connection-actions';
import { useCanCall } from '../../state/session-role';

const CHOICES = [
  { use: 'simulator', label: 'mode.simulator', title: 'mode.simulatorTitle' },
  { use: 'live', label: 'mode.live', title: 'mode.liveTitle' },
] as const;

/** Simulator / Live sources, for an asset that has both. */
export function SourceModeSwitch({ mode }: { mode: 'simulator' | 'live' | 'none' }) {
  const { t } = useTranslation('connections');
  const access = useCanCall('setSourceMode', t('mode.access'));
  const [busy, setBusy] = useState(false);
  const choose = (use: 'simulator' | 'live') => {
    if (use === mode || busy) return;
    setBusy(true);
    void setSourceMode(use).finally(() => setBusy(false));
  };
  return (
    <div className="segmented" role="group" aria-label={t('mode.label')} data-testid="source-mode-switch">
      {CHOICES.map((c) => (
        <button
          key={c.use}
          type="button"
          className="toggle"
          aria-pressed={mode === c.use}
          disabled={!access.allowed || busy}
          title={access.refusal ?? t(c.title)}
          data-testid={`source-mode-${c.use}`}
          onClick={() => choose(c.use)}
        >
          {t(c.label)}
        </button>
      ))}
    </div>
  );
}
