import type { NormalModelCard } from './card';
import type { NormalModelOptions } from './options';

/** The training options a card was made with, to train again on the same choices (e.g. to check it). */
export function normalOptionsOfCard(card: NormalModelCard): Partial<NormalModelOptions> {
  const { model, training } = card;
  return {
    windowRows: model.windowRows,
    levelWander: model.levelWander,
    fitShare: training.fitRows / training.rows,
    falseAlarmsPerDay: training.falseAlarmsPerDay,
    sampleRateHz: training.sampleRateHz,
    persistence: { ...model.persistence },
    hampel: model.hampel ? { ...model.hampel } : false,
  };
}
