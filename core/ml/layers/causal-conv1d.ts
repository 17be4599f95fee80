/**
 * Dilated causal 1-D convolution as a custom Keras-style layer, built from shifted slices, one
 * concat and one matMul. Unlike stock `tf.layers.conv1d` it has gradients for dilation > 1 on every
 * backend (including wasm, which lacks Conv2DBackpropFilter), and it maps to a single GEMM on WebGPU.
 *
 * Output at step t depends only on inputs at t, t − d, …, t − (k − 1)·d (zeros before the start):
 *   y[t, f] = b[f] + Σ_j Σ_c W[j, c, f] · x[t − (k − 1 − j)·d, c]
 * with W stored as a [k · Cin, filters] matrix (row j · Cin + c), the same tap order as Keras'
 * `padding: 'causal'`.
 */
import * as tf from '@tensorflow/tfjs';

export type CausalActivation = 'linear' | 'relu' | 'elu' | 'tanh' | 'sigmoid' | 'swish';

export interface CausalConv1DArgs {
  filters: number;
  kernelSize: number;
  /** Dilation rate (≥ 1). Default 1. */
  dilation?: number;
  /** Default 'linear'. */
  activation?: CausalActivation;
  /** Whether to add a bias. Default true. */
  useBias?: boolean;
  /** Seed of the Glorot-uniform kernel initializer, for reproducible training. */
  seed?: number;
  name?: string;
  inputShape?: (number | null)[];
  batchInputShape?: (number | null)[];
  trainable?: boolean;
  dtype?: tf.DataType;
}

export function applyActivation(x: tf.Tensor, activation: CausalActivation): tf.Tensor {
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return tf.relu(x);
    case 'elu':
      return tf.elu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'swish':
      return tf.mul(x, tf.sigmoid(x));
  }
}

const ACTIVATIONS: readonly CausalActivation[] = ['linear', 'relu', 'elu', 'tanh', 'sigmoid', 'swish'];

type BaseLayerArgs = {
  name?: string;
  inputShape?: (number | null)[];
  batchInputShape?: (number | null)[];
  trainable?: boolean;
  dtype?: tf.DataType;
};

/** The generic Layer arguments (name, shapes, trainable, dtype) present in `args`. */
function layerArgs(args: CausalConv1DArgs): BaseLayerArgs {
  const out: BaseLayerArgs = {};
  if (args.name !== undefined) out.name = args.name;
  if (args.inputShape !== undefined) out.inputShape = args.inputShape;
  if (args.batchInputShape !== undefined) out.batchInputShape = args.batchInputShape;
  if (args.trainable !== undefined) out.trainable = args.trainable;
  if (args.dtype !== undefined) out.dtype = args.dtype;
  return out;
}

/**
 * Pure function form: x [B, T, Cin], kernel [k · Cin, F], bias [F] or null → [B, T, F]
 * (before activation).
 */
export function causalConv1d(
  x: tf.Tensor3D,
  kernel: tf.Tensor2D,
  bias: tf.Tensor1D | null,
  kernelSize: number,
  dilation: number,
): tf.Tensor3D {
  return tf.tidy(() => {
    const [b, t, cin] = x.shape;
    const filters = kernel.shape[1];
    const pad = (kernelSize - 1) * dilation;
    const padded =
      pad > 0
        ? tf.pad(x, [
            [0, 0],
            [pad, 0],
            [0, 0],
          ])
        : x;
    const taps: tf.Tensor3D[] = [];
    for (let j = 0; j < kernelSize; j++) taps.push(tf.slice(padded, [0, j * dilation, 0], [b, t, cin]));
    const stacked = taps.length === 1 ? taps[0]! : tf.concat(taps, 2);
    let y = tf.matMul(tf.reshape(stacked, [b * t, kernelSize * cin]), kernel);
    if (bias) y = tf.add(y, bias);
    return tf.reshape(y, [b, t, filters]);
  });
}

export class CausalConv1D extends tf.layers.Layer {
  static readonly className = 'CausalConv1D';
  readonly filters: number;
  readonly kernelSize: number;
  readonly dilation: number;
  readonly activation: CausalActivation;
  readonly useBias: boolean;
  readonly seed: number | undefined;
  private kernel: tf.LayerVariable | null = null;
  private bias: tf.LayerVariable | null = null;

  constructor(args: CausalConv1DArgs) {
    super(layerArgs(args));
    const dilation = args.dilation ?? 1;
    if (!Number.isInteger(args.filters) || args.filters < 1)
      throw new Error('CausalConv1D: filters must be ≥ 1');
    if (!Number.isInteger(args.kernelSize) || args.kernelSize < 1)
      throw new Error('CausalConv1D: kernelSize must be ≥ 1');
    if (!Number.isInteger(dilation) || dilation < 1) throw new Error('CausalConv1D: dilation must be ≥ 1');
    const activation = args.activation ?? 'linear';
    if (!ACTIVATIONS.includes(activation)) throw new Error(`CausalConv1D: unknown activation ${activation}`);
    this.filters = args.filters;
    this.kernelSize = args.kernelSize;
    this.dilation = dilation;
    this.activation = activation;
    this.useBias = args.useBias ?? true;
    this.seed = args.seed;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    const cin = shape[shape.length - 1];
    if (typeof cin !== 'number') throw new Error('CausalConv1D: the channel dimension must be known');
    const init =
      this.seed === undefined
        ? tf.initializers.glorotUniform({})
        : tf.initializers.glorotUniform({ seed: this.seed });
    this.kernel = this.addWeight('kernel', [this.kernelSize * cin, this.filters], 'float32', init);
    if (this.useBias) this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [...shape.slice(0, -1), this.filters];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      if (!this.kernel) throw new Error('CausalConv1D: call before build');
      const y = causalConv1d(
        x,
        this.kernel.read() as tf.Tensor2D,
        this.bias ? (this.bias.read() as tf.Tensor1D) : null,
        this.kernelSize,
        this.dilation,
      );
      return applyActivation(y, this.activation);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    const config: tf.serialization.ConfigDict = {
      filters: this.filters,
      kernelSize: this.kernelSize,
      dilation: this.dilation,
      activation: this.activation,
      useBias: this.useBias,
    };
    if (this.seed !== undefined) config['seed'] = this.seed;
    return { ...super.getConfig(), ...config };
  }
}
tf.serialization.registerClass(CausalConv1D);

/** The last time step of a [B, T, C] sequence → [B, C]. */
export class LastStep extends tf.layers.Layer {
  static readonly className = 'LastStep';
  constructor(args: { name?: string } = {}) {
    super(args.name !== undefined ? { name: args.name } : {});
  }
  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [shape[0] ?? null, shape[2] ?? null];
  }
  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [b, t, c] = x.shape;
      return tf.reshape(tf.slice(x, [0, t - 1, 0], [b, 1, c]), [b, c]);
    });
  }
}
tf.serialization.registerClass(LastStep);
