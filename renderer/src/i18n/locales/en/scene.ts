/** Words drawn in or over the 3D view: labels and alarm symbols. */
export const scene = {
  on: 'ON',
  off: 'OFF',
  stale: 'stale',
  staleAge: 'stale {{age}}',
  noData: 'no data',
  badAtSource: 'bad at source',
  uncertain: 'uncertain',
  alarmSymbol: '{{priority}} priority alarm, {{state}}',
  modelLoading: 'Loading 3D model {{file}}…',
  modelFailed: '3D model {{file}} could not be loaded: {{message}}',
  modelMissing: '{{file}} has no node for {{parts}}; those parts are not shown or coloured.',
};
