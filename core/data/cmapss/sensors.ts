/** NASA C-MAPSS column names and the sensor choices most RUL work uses. */
/** The 21 sensed outputs, in column order (Saxena et al. 2008, Table 2). Sensor k is entry k − 1. */
export const CMAPSS_SENSOR_NAMES = [
  'T2',
  'T24',
  'T30',
  'T50',
  'P2',
  'P15',
  'P30',
  'Nf',
  'Nc',
  'epr',
  'Ps30',
  'phi',
  'NRf',
  'NRc',
  'BPR',
  'farB',
  'htBleed',
  'Nf_dmd',
  'PCNfR_dmd',
  'W31',
  'W32',
] as const;

export type CmapssSensorName = (typeof CMAPSS_SENSOR_NAMES)[number];

/** Tag ids (lower-case, as asset tag ids require) for the 21 sensors, e.g. "t24", "pcnfr_dmd". */
export const CMAPSS_SENSOR_TAG_IDS: readonly string[] = CMAPSS_SENSOR_NAMES.map((s) => s.toLowerCase());

/** The three operational settings are unnamed in NASA's readme. */
export const CMAPSS_SETTING_NAMES = ['setting1', 'setting2', 'setting3'] as const;

/**
 * 1-based sensor numbers most RUL work uses: the 14 that vary in FD001/FD003
 * (1, 5, 6, 10, 16, 18, 19 are constant or nearly so).
 */
export const CMAPSS_INFORMATIVE_SENSORS: readonly number[] = [
  2, 3, 4, 7, 8, 9, 11, 12, 13, 14, 15, 17, 20, 21,
];
