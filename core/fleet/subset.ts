/** The four C-MAPSS data sets; each has its own RUL model under models/turbofan/<subset>/. */
export const CMAPSS_SUBSETS = ['FD001', 'FD002', 'FD003', 'FD004'] as const;
export type CmapssSubset = (typeof CMAPSS_SUBSETS)[number];

/** Reads the subset from a NASA file name such as "test_FD002.txt"; null when the name has none. */
export function subsetFromFileName(fileName: string): CmapssSubset | null {
  const m = /FD00([1-4])/i.exec(fileName);
  return m ? (`FD00${m[1]}` as CmapssSubset) : null;
}

/** Path of a subset's model files under the models folder, e.g. "turbofan/FD001". */
export function turbofanModelPath(subset: CmapssSubset): string {
  return `turbofan/${subset}`;
}
