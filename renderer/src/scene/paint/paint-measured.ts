/** Painters of the measured values: distance to alarm, one tag's live value, and no coloring. */
import { alarmDistance, TRIP_DISTANCE, valueFraction } from '../../../../core/asset/alarm-distance';
import { SCORE_BLEND, SCORE_GREY, viridisInto } from './colormap';
import { blendPaint, type Painter } from './paint-context';

/** Every part in its normal grey. */
export const paintOff: Painter = (comps, _values, _ctx, tint) => {
  for (const c of comps) {
    c.score = 0;
    blendPaint(c, false, tint, 0);
  }
};

/**
 * Worst tag of each part by its distance to alarm; grey while every tag is inside its normal band. The scale
 * reaches its middle at the alarm limit and its top at the trip limit.
 */
export const paintAlarmDistance: Painter = (comps, values, _ctx, tint) => {
  for (const c of comps) {
    let score = 0;
    for (let i = 0; i < c.tagIndices.length; i++) {
      const v = values[c.tagIndices[i]!];
      const tag = c.tags[i];
      if (v === undefined || !tag) continue;
      const d = alarmDistance(tag, v);
      if (d > score) score = d;
    }
    c.score = score;
    const colored = score > SCORE_GREY;
    if (colored) viridisInto(Math.min(1, score / TRIP_DISTANCE), tint);
    blendPaint(c, colored, tint, Math.min(1, (score - SCORE_GREY) / SCORE_BLEND));
  }
};

/** The part carrying the chosen tag, by the value's place between the tag's lowest and highest limit. */
export const paintTagValue: Painter = (comps, values, ctx, tint) => {
  for (const c of comps) {
    let score = 0;
    let colored = false;
    if (ctx.tagIndex >= 0) {
      for (let i = 0; i < c.tagIndices.length; i++) {
        if (c.tagIndices[i] !== ctx.tagIndex) continue;
        const v = values[ctx.tagIndex];
        const tag = c.tags[i];
        if (v === undefined || !tag) continue;
        const f = valueFraction(tag, v);
        if (Number.isFinite(f)) {
          score = f;
          colored = true;
        }
      }
    }
    c.score = score;
    if (colored) viridisInto(score, tint);
    blendPaint(c, colored, tint, 1);
  }
};
