/** Words many panels share: buttons, alarm priorities and states, quality codes. */
export const common = {
  close: 'Close',
  cancel: 'Cancel',
  dismiss: 'Dismiss',
  none: 'None',
  priority: { high: 'HIGH', medium: 'MED', low: 'LOW' },
  priorityLong: { high: 'High / trip', medium: 'Medium', low: 'Low' },
  alarmState: { unack: 'UNACK', ack: 'ACK', 'rtn-unack': 'RTN UNACK', shelved: 'SHELVED' },
  quality: {
    good: 'good',
    interpolated: 'interpolated',
    outOfRange: 'out of range',
    missing: 'missing',
    stuck: 'stuck',
    spike: 'spike',
    stale: 'stale',
    badAtSource: 'bad at source',
    uncertain: 'uncertain',
    code: 'quality {{code}}',
  },
  chart: {
    tripHigh: 'Trip high',
    alarmHigh: 'Alarm high',
    alarmLow: 'Alarm low',
    tripLow: 'Trip low',
    min: 'min',
    max: 'max',
  },
  age: { s: '{{n}} s', min: '{{n}} min', h: '{{n}} h', d: '{{n}} d' },
  paused: '{{speed}} (paused)',
  viewer: {
    onlyReason:
      'Viewer session: changing the plant needs the operator address (the one the server printed first).',
    refusal: 'Viewer session: {{action}} needs the operator role',
  },
};
