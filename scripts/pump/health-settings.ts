/** Fixed settings of the pump-skid health model's training and evaluation protocol. */

/** Rows between the ends of successive windows, per split. */
export const HEALTH_STRIDE = { train: 6, val: 10, test: 5 };
/** Successive windows at or above the threshold before a warning. */
export const HEALTH_DEBOUNCE = 2;
/** Threshold rule: the lowest with at most this many false alarms per 24 h on validation healthy running. */
export const VAL_FALSE_ALARMS_PER_DAY = 0.5;
/** Faults of the fixture episodes (besides one healthy episode) the unit tests regenerate. */
export const HEALTH_FIXTURE_FAULTS = ['bearing_wear', 'seal_leak', 'cooling_failure'];
/** Rows between the test windows whose "why" is checked against the fault's signature tags (occlusion costs 29 calls). */
export const WHY_STRIDE = 30;
/**
 * Rows between validation windows when the detection score and threshold are chosen: the test stride, since
 * false alarms counted with a debounce of successive windows depend on the stride (at 10 rows the threshold
 * chosen for 0.5 false alarms per 24 h gave 1.16 on validation itself at 5 rows).
 */
export const THRESHOLD_STRIDE = HEALTH_STRIDE.test;
/** Validation-only healthy episodes the detection choice's data set adds (`--extra-val-healthy`). */
export const CALIBRATION_EXTRA_VAL_HEALTHY = 40;
