import { viridisInto } from './colormap';
import { blendPaint, type Painter } from './paint-context';
import { componentDelta, deltaColorT, DELTA_GREY } from './whatif-delta';

/** Normalised change over which a part blends from its grey into the change color. */
const DELTA_BLEND = 0.1;

/** Each part's biggest change against "do nothing" at the preview time; all grey while nothing is previewed. */
export const paintWhatIfDelta: Painter = (comps, values, ctx, tint) => {
  for (const c of comps) {
    if (ctx.baseline) componentDelta(c.tagIndices, ctx.spans, ctx.baseline, values, c.delta);
    else c.delta.score = 0;
    const score = c.delta.score;
    c.score = score;
    const colored = score > DELTA_GREY;
    if (colored) viridisInto(deltaColorT(score), tint);
    blendPaint(c, colored, tint, Math.min(1, (score - DELTA_GREY) / DELTA_BLEND));
  }
};
