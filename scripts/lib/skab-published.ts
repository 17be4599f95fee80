/** The SKAB outlier-detection leaderboard (v0.9, all 34 files, test parts), as quoted in ../shared/data/skab/SOURCE.md. */
export const SKAB_PUBLISHED: readonly { method: string; f1: number; far: number; mar: number }[] = [
  { method: 'Conv-AE', f1: 0.78, far: 13.55, mar: 28.02 },
  { method: 'MSET', f1: 0.78, far: 39.73, mar: 14.13 },
  { method: 'T² + Q (PCA)', f1: 0.76, far: 26.62, mar: 24.92 },
  { method: 'LSTM-AE', f1: 0.74, far: 29.96, mar: 25.92 },
  { method: 'T²', f1: 0.66, far: 19.21, mar: 42.6 },
  { method: 'LSTM-VAE', f1: 0.56, far: 9.13, mar: 55.03 },
  { method: 'Isolation forest', f1: 0.29, far: 2.56, mar: 82.89 },
];
