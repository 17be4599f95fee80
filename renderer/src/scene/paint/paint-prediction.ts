import { predictionScore } from '../../state/prediction-store';
import { SCORE_BLEND, SCORE_GREY, viridisInto } from './colormap';
import { blendPaint, type Painter } from './paint-context';

/** The health model's anomaly score, by the same rule as distance to alarm: grey inside the normal band. */
export const paintPrediction: Painter = (comps, _values, ctx, tint) => {
  for (const c of comps) {
    const p = predictionScore(ctx.prediction, ctx.prediction.components.indexOf(c.id));
    const score = Number.isFinite(p) ? p : 0;
    c.score = score;
    const colored = score > SCORE_GREY;
    if (colored) viridisInto(Math.min(1, score), tint);
    blendPaint(c, colored, tint, Math.min(1, (score - SCORE_GREY) / SCORE_BLEND));
  }
};
