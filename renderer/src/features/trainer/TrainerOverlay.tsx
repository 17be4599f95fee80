import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENE_LAYERS } from '../../scene/scene-layers';
import { useCanCall } from '../../state/session-role';
import { answerQuestion } from './trainer-actions';
import { connectTrainer, useTrainer } from './trainer-store';
import './trainer.css';
import { useScenarioText } from './use-scenario-text';

/** Narration caption and the open question, over the 3D view while a scenario plays. */
export function TrainerOverlay() {
  const { t } = useTranslation('trainer');
  const text = useScenarioText();
  useEffect(connectTrainer, []);
  const caption = useTrainer((s) => s.state.caption);
  const question = useTrainer((s) => s.state.question);
  const title = useTrainer((s) => s.state.scenario?.title ?? null);
  const { allowed, refusal } = useCanCall('trainerAnswer', t('access.answer'));
  if (!caption && !question) return null;
  return (
    <div className="trainer-overlay" aria-live="polite" style={{ zIndex: SCENE_LAYERS.overlay }}>
      {caption && (
        <div className="trainer-caption" data-testid="trainer-caption">
          {title && <span className="trainer-caption-title">{text(title)}</span>}
          {text(caption.text)}
        </div>
      )}
      {question && (
        <div
          className="trainer-question"
          role="dialog"
          aria-label={t('question')}
          data-testid="trainer-question"
        >
          <p className="trainer-question-prompt">{text(question.prompt)}</p>
          <div className="trainer-choices">
            {question.choices.map((c, i) => (
              <button
                key={i}
                type="button"
                data-testid="trainer-choice"
                disabled={!allowed}
                title={refusal}
                onClick={() => void answerQuestion(question.id, i)}
              >
                <span className="trainer-choice-key">{String.fromCharCode(65 + i)}</span> {text(c)}
              </button>
            ))}
          </div>
          <p className="muted">{t('pausedUntilAnswer', { points: question.points })}</p>
        </div>
      )}
    </div>
  );
}
