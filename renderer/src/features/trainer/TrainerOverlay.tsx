import { useEffect } from 'react';
import { SCENE_LAYERS } from '../../scene/scene-layers';
import { useCanCall } from '../../state/session-role';
import { answerQuestion } from './trainer-actions';
import { connectTrainer, useTrainer } from './trainer-store';
import './trainer.css';

/** Narration caption and the open question, over the 3D view while a scenario plays. */
export function TrainerOverlay() {
  useEffect(connectTrainer, []);
  const caption = useTrainer((s) => s.state.caption);
  const question = useTrainer((s) => s.state.question);
  const title = useTrainer((s) => s.state.scenario?.title ?? null);
  const { allowed, refusal } = useCanCall('trainerAnswer', 'answering a question');
  if (!caption && !question) return null;
  return (
    <div className="trainer-overlay" aria-live="polite" style={{ zIndex: SCENE_LAYERS.overlay }}>
      {caption && (
        <div className="trainer-caption" data-testid="trainer-caption">
          {title && <span className="trainer-caption-title">{title}</span>}
          {caption.text}
        </div>
      )}
      {question && (
        <div className="trainer-question" role="dialog" aria-label="Question" data-testid="trainer-question">
          <p className="trainer-question-prompt">{question.prompt}</p>
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
                <span className="trainer-choice-key">{String.fromCharCode(65 + i)}</span> {c}
              </button>
            ))}
          </div>
          <p className="muted">The simulation is paused until you answer ({question.points} points).</p>
        </div>
      )}
    </div>
  );
}
