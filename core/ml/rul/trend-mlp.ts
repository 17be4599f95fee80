/**
 * Trend MLP for remaining-useful-life regression: per channel, three summaries of the window's real rows —
 * its last value, its mean and its least-squares change across the window (MaskedTrend; the window's last
 * channel marks real rows against padding) — then a small MLP to the three outputs (10 % quantile, mean,
 * 90 % quantile of RUL / cap). A few element-wise ops and matmuls (cheap on WebGPU), reading the same [W, F]
 * window as the TCN. On C-MAPSS, where sensor noise dwarfs the degradation of any one cycle, these
 * denoised trends over a long window carry the signal; a convolution stack must learn them from little data.
 */
import * as tf from '@tensorflow/tfjs';
import { MaskedTrend } from '../layers/masked-trend';
import { rulHead, type TcnConfig } from './model';

/** The trend MLP on `input` ([B, W, F]), layer names prefixed with `prefix`; returns [B, 3]. */
export function trendMlpBranch(input: tf.SymbolicTensor, cfg: TcnConfig, prefix = ''): tf.SymbolicTensor {
  let seed = cfg.seed * 1000;
  const next = () => ++seed;
  const n = (name: string) => prefix + name;
  let h = new MaskedTrend({ name: n('trend') }).apply(input) as tf.SymbolicTensor;
  for (let i = 0; i < (cfg.hiddenLayers ?? 2); i++) {
    h = tf.layers
      .dense({
        units: cfg.denseUnits,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: next() }),
        name: n(`hidden${i + 1}`),
      })
      .apply(h) as tf.SymbolicTensor;
    if (cfg.dropout > 0)
      h = tf.layers
        .dropout({ rate: cfg.dropout, seed: next(), name: n(`dropout${i + 1}`) })
        .apply(h) as tf.SymbolicTensor;
  }
  return rulHead(h, next(), n('rul'));
}

export function describeTrendMlp(cfg: TcnConfig): string {
  const hidden = cfg.hiddenLayers ?? 2;
  return (
    `trend MLP: per channel the last value, mean and least-squares change over the window's real rows (MaskedTrend), ` +
    `→ ${hidden} × [Dense(${cfg.denseUnits}, relu)${cfg.dropout > 0 ? ` → Dropout(${cfg.dropout})` : ''}] → Dense(3: q10, mean, q90) of RUL/cap; ` +
    `input ${cfg.windowLength}×${cfg.features}`
  );
}
