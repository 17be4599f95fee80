/** Pointer travel (CSS px) between press and release below which a press counts as a click, not a drag. */
export const CLICK_SLOP_PX = 5;
