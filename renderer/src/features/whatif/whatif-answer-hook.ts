import { planKey } from './surrogate/surrogate-rollout';
import { currentPlan } from './current-plan';
import { previewFrames } from './preview-frames';
import { whatIfStore } from './whatif-store';

declare global {
  interface TwinscapeHooks {
    /**
     * Keys of the plan as the panel now stands and of the answers in hand (surrogate, physics), and which
     * answer the 3D preview shows (bench: slider → first frame that shows the answer).
     */
    whatIfAnswers?(): {
      plan: string | null;
      surrogate: string | null;
      physics: string | null;
      shown: 'surrogate' | 'physics' | null;
    };
  }
}

/** Installs `whatIfAnswers` on `window.__twinscape`; returns the function that removes it. */
export function installWhatIfAnswerHook(): () => void {
  const whatIfAnswers = () => {
    const s = whatIfStore.getState();
    return {
      plan: s.fork ? planKey(s.fork.forkId, currentPlan(), s.horizonS) : null,
      surrogate: s.surrogate?.key ?? null,
      physics: s.resultKey,
      shown: previewFrames()?.source ?? null,
    };
  };
  (window.__twinscape ??= {}).whatIfAnswers = whatIfAnswers;
  return () => {
    if (window.__twinscape?.whatIfAnswers === whatIfAnswers) delete window.__twinscape.whatIfAnswers;
  };
}
