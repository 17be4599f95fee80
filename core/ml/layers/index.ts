export {
  CausalConv1D,
  LastStep,
  causalConv1d,
  applyActivation,
  type CausalActivation,
  type CausalConv1DArgs,
} from './causal-conv1d';
export { MaskedTrend } from './masked-trend';
