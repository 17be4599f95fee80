/** Trainer mode: play scripted failure scenarios with narration, questions and scoring. */
export function TrainerPanel() {
  return <p className="empty-hint">Training scenarios are not available yet.</p>;
}
