/** The RUL network's configuration from the command line's shape flags and the feature count. */
import { DEFAULT_TCN, type TcnConfig } from '../../core/ml/rul/model';
import { num, TURBOFAN_DEFAULTS, type TurbofanOptions } from './options';

export function rulNetConfig(
  args: Map<string, string>,
  o: TurbofanOptions,
  features: number,
): Omit<TcnConfig, 'seed'> {
  return {
    ...DEFAULT_TCN,
    filters: num(args, 'filters', DEFAULT_TCN.filters),
    convsPerBlock: num(args, 'convs-per-block', DEFAULT_TCN.convsPerBlock),
    dilations: o.dilations,
    arch: o.arch,
    hiddenLayers: num(args, 'hidden-layers', 2),
    denseUnits: num(args, 'dense-units', DEFAULT_TCN.denseUnits),
    dropout: num(args, 'dropout', TURBOFAN_DEFAULTS.dropout),
    windowLength: o.windowLength,
    features,
  };
}
