import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { playbackStore } from '../../../state/playback-store';
import { forkFromPlayhead } from '../fork-from-playhead';

/** "What-if from here": forks at the replay playhead; only while replaying history. */
export function ForkFromHere({ testId = 'whatif-fork-here' }: { testId?: string }) {
  const { t } = useTranslation('whatif');
  const replaying = useStore(playbackStore, (s) => s.mode === 'replay');
  return (
    <button
      type="button"
      data-testid={testId}
      disabled={!replaying}
      title={replaying ? t('fork.hereTitle') : t('fork.hereDisabledTitle')}
      onClick={() => void forkFromPlayhead()}
    >
      {t('fork.here')}
    </button>
  );
}
