/** Options both pump-skid trainers (health model and forecaster) take from the CLI. */
export interface TrainOpts {
  seed: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  maxWindowsPerEpoch: number;
  patience: number;
  deadline?: number;
  /** Largest global gradient norm per batch (`--clip-norm`); no clipping when absent. */
  clipNorm?: number;
  backend: string;
  schedule: 'plateau' | 'cosine';
  /** Cross-entropy weight of class c ∝ (windows / (classes · windows of c))^power; 0 = unweighted. */
  classWeightPower: number;
}
