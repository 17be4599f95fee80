import type { PhraseCode } from '../../../../../core/text/phrase-codes';

/**
 * Sentences the backend composes, by the code it sends with them (core/text/phrase-codes.ts). Keep each
 * `{{value}}` the code's English sentence names: addresses, ids, status names and numbers stay as sent.
 */
export const backend = {
  phrases: {
    connectionRefused: 'nothing is listening at {{url}} (connection refused)',
    hostUnknown: 'the host of {{url}} is unknown',
    unreachable: '{{url}} cannot be reached from here',
    noAnswerInTime: '{{url}} did not answer in time',
    closedConnection: '{{url}} closed the connection',
    resetMaybeTls: 'broker {{url}} reset the connection (if the port expects TLS, use mqtts://)',
    lostConnection: 'lost the connection to {{url}}',
    connectionError: '{{url}}: {{detail}}',
    cannotConnect: 'cannot connect to {{url}}: {{detail}}',
    brokerRefused: 'broker {{url}} refused the connection: {{mqttReason}}',
    brokerSaid: 'broker {{url}}: {{mqttReason}}',
    brokerClosed: 'broker {{url}} closed the connection: {{mqttReason}}',
    keepaliveTimeout: 'broker {{url}} stopped answering (keepalive timeout)',
    connackTimeout: 'broker {{url}} did not answer the connection request in time',
    stoppedRetrying:
      '{{cause}}; stopped retrying (a refusal like this does not fix itself): connect again once it is fixed',
    certNotSignedByCa: 'the certificate of broker {{url}} is not signed by the CA in {{caFile}}',
    certNotTrustedHere:
      'the certificate of broker {{url}} is not signed by a CA this computer trusts; set caFile to the CA that signed it',
    certExpired: 'the certificate of broker {{url}} has expired',
    certNotYetValid: 'the certificate of broker {{url}} is not valid yet (check the clocks)',
    certWrongHost:
      'the certificate of broker {{url}} is not made out for the host in the address ({{detail}})',
    tlsFailed: 'TLS with broker {{url}} failed: {{detail}}',
    serverCertUntrusted: 'server certificate of {{url}} is not trusted yet',
    serverCertAwaitingTrust:
      'server certificate of {{url}} is not trusted yet (thumbprint {{thumbprint}}); trust it in the Connections panel',
    serverCertInvalid: 'server certificate of {{url}} is not valid ({{detail}})',
    userRefused: '{{url}}: the server refused the user name or password (user "{{user}}", {{status}})',
    anonymousRefused:
      '{{url}}: the server refused an anonymous session ({{status}}); it may need a user name and password',
    passwordNotOffered: '{{url}} does not accept a user name and password with security mode {{mode}}',
    securityNotOffered: '{{url}} does not offer security mode {{mode}} with policy {{policy}}',
    clientCertRefused:
      "{{url}} refused Twinscape's client certificate ({{status}}); the server's administrator must trust it",
    clientCertRefusedFile:
      "{{url}} refused Twinscape's client certificate ({{status}}); the server's administrator must trust it (Twinscape's certificate: {{ownCertificate}})",
    passwordMissing: '{{url}}: no password is set for user "{{user}}"',
    passwordMissingEnv:
      '{{url}}: no password is set for user "{{user}}" (set it in the Connections panel or in {{env}})',
    probeStopped: 'stopped while checking {{url}}',
    probeNoAnswer: '{{url}} did not answer within {{seconds}} s',
    handshakeFailed: '{{url}} accepts connections but the OPC UA handshake failed',
    unboundTopic: 'topic {{topic}} is not bound to any tag',
    payloadTooLarge: 'payload at {{topic}} is {{size}}, more than the {{limit}} MB limit',
    payloadNotJson: 'payload at {{topic}} is not JSON: {{detail}}',
    payloadNotSparkplug: 'payload at {{topic}} is not a Sparkplug B (protobuf) payload: {{detail}}',
    payloadTimestamp: 'payload at {{topic}}: timestamp {{pointer}} {{cause}}; used the arrival time',
    payloadWholeTimestamp: 'payload at {{topic}}: timestamp (whole payload) {{cause}}; used the arrival time',
    timestampMissing: 'is missing',
    timestampNotTime:
      'is {{value}}, not ms since the epoch or an ISO-8601 time with a zone ("2024-05-01T12:00:00Z")',
    nodeUnbound: 'edge node {{edgeNode}} is not bound to any tag',
    deviceUnbound: 'device {{edgeNode}}/{{device}} is not bound to any tag',
    nodeMetricUnbound: 'edge node {{edgeNode}}: metric "{{metric}}" is not bound to any tag',
    deviceMetricUnbound: 'device {{edgeNode}}/{{device}}: metric "{{metric}}" is not bound to any tag',
    nodeDataBeforeBirth: 'edge node {{edgeNode}} sent {{type}} before its NBIRTH; asked for a rebirth',
    deviceDataBeforeBirth:
      'device {{edgeNode}}/{{device}} sent {{type}} before its DBIRTH; asked for a rebirth',
    sequenceJumped: 'edge node {{edgeNode}}: sequence jumped from {{from}} to {{to}}; asked for a rebirth',
    nodeAliasUnborn:
      'edge node {{edgeNode}}: alias {{alias}} in {{type}} was never born; asked for a rebirth',
    deviceAliasUnborn:
      'device {{edgeNode}}/{{device}}: alias {{alias}} in {{type}} was never born; asked for a rebirth',
    nodeDied: 'edge node {{edgeNode}} died (NDEATH)',
    deviceDied: 'device {{edgeNode}}/{{device}} died (DDEATH)',
    rebirthRequestFailed: 'could not ask edge node {{edgeNode}} for a rebirth: {{detail}}',
    readingFailed: 'reading a message at {{topic}} failed: {{detail}}',
    subscribeFailed: 'subscribing at {{url}} failed: {{detail}}',
    subscriptionRefused: 'broker {{url}} refused the subscription to {{topic}}: {{mqttReason}}',
    opcuaCloseFailed: 'OPC UA {{url}}: closing the connection failed ({{detail}})',
    nodeIdInvalid: 'OPC UA {{nodeId}}: not a valid NodeId (write it like "ns=2;s=P101.FT101")',
    nodeStatus: 'OPC UA {{nodeId}}: {{status}}',
    bindingMissing: 'value for binding #{{index}}, which the asset does not have',
    tagValueBad: 'tag {{instrument}}: value at {{where}} {{cause}}',
    tagOutOfRange: 'tag {{instrument}}: {{value}} {{unit}} is outside its range {{low}}…{{high}}',
    valueNotFinite: 'is not finite ({{value}})',
    valueNumberString: 'is a string ({{value}}), not a number',
    valueNotNumber: 'is not a number ({{value}})',
    valueMissing: 'has no value',
    valueArray: 'is an array, not a number',
    valueObject: 'is an object, not a number',
    clockAhead: "source clocks are {{amount}} ahead of this computer's; check NTP on the source or gateway",
    clockBehind: "source clocks are {{amount}} behind this computer's; check NTP on the source or gateway",
    eventAlarmRaised: 'Alarm raised: {{detail}}',
    eventAcknowledged: 'Acknowledged: {{detail}}',
    eventAlarmCleared: 'Alarm cleared: {{detail}}',
    eventReturnedUnacked: 'Returned to normal, unacknowledged: {{detail}}',
    eventShelved: 'Shelved: {{detail}}',
    eventFaultInjected: 'Fault injected: {{fault}} (severity {{severity}})',
    eventFaultGrowing: 'Fault injected: {{fault}} (severity {{severity}}, +{{growth}}/h)',
    eventFaultCleared: 'Fault cleared: {{fault}}',
    eventSetpoint: 'Setpoint {{control}}: {{from}} → {{to}}',
    eventSetpointUnit: 'Setpoint {{control}}: {{from}} → {{to}} {{unit}}',
    historyEmptyFile:
      'The history file "{{path}}" is empty (0 bytes), probably from a crash while it was being created.',
    historyZeroedHeader:
      'The history file "{{path}}" has a zeroed header (the first {{bytes}} bytes are all zero); the disk or file system lost its start.',
    historyForeignFile: 'The file "{{path}}" is not a Twinscape history store: it is {{detail}}.',
    historyOtherDuckDb:
      'The file "{{path}}" is a DuckDB database from another program, not a Twinscape history store.',
    historyTruncatedBlocks:
      'The history file "{{path}}" is truncated ({{size}} bytes is not a whole number of storage blocks).',
    historyTruncated: 'The history file "{{path}}" is truncated ({{detail}}).',
    historyGarbledWal: 'The write-ahead log of "{{path}}" is damaged and could not be replayed ({{detail}}).',
    historyGarbledWalLost:
      'The write-ahead log of "{{path}}" is damaged and could not be replayed ({{detail}}). The last {{seconds}} seconds of data before the crash were not recoverable ({{commits}} commits lost).',
    historyGarbledWalContinued:
      'The write-ahead log of "{{path}}" is damaged and could not be replayed ({{detail}}). Continuing from the last checkpoint; the damaged files were kept as {{files}}.',
    historyGarbledWalContinuedLost:
      'The write-ahead log of "{{path}}" is damaged and could not be replayed ({{detail}}). Continuing from the last checkpoint; the damaged files were kept as {{files}}. The last {{seconds}} seconds of data before the crash were not recoverable ({{commits}} commits lost).',
    historyWalTailLost:
      'The write-ahead log of "{{path}}" was cut short: the last {{seconds}} seconds of data before the crash were not recoverable ({{commits}} commits lost).',
    historyUnreadable: 'The history file "{{path}}" is damaged and cannot be read ({{detail}}).',
    historyNotSaved: 'History could not save the last second of data: {{detail}}',
    historyPaused:
      'History paused: {{detail}}. Live samples are kept in memory (up to a limit; the oldest are dropped beyond it) and stored as soon as the disk accepts writes again.',
    historyResumed: 'History resumed: recording again; no samples were lost.',
    historyResumedLost:
      'History resumed: recording again; {{samples}} samples could not be stored while the disk failed.',
    historyStaleClock:
      'History keeps what it stored: {{rows}} samples from a clock behind the newest stored sample ({{newest}}) were not stored.',
    historySnapshotNotSaved: 'History could not save a simulator state: {{detail}}',
    historySnapshotsNotSaved: 'History could not save the last simulator states: {{detail}}',
    historyRetentionFailed: 'History retention failed: {{detail}}',
    historyLocked:
      'History is off for this session: The history store "{{path}}" is open in another Twinscape instance ({{detail}}). Close it there, or choose another workspace. Twinscape keeps running without recording or replay.',
    historyOff:
      'History is off for this session: {{detail}} Twinscape keeps running without recording or replay.',
    fleetNoModel: 'no model for {{subset}} ({{folder}}/ has no trained model yet)',
    fleetCardUnreadable: 'the {{subset}} model card is unreadable: {{detail}}',
    fleetModelCannotRead: 'the {{subset}} model cannot read this file: {{detail}}',
    fleetStoreNotOpened:
      'imported fleets are not kept across restarts: {{path}} could not be opened ({{detail}})',
    fleetNotSaved: 'the {{subset}} fleet was not saved to {{path}}: {{detail}}',
    normalTagMissing:
      'the model watches tag "{{tagId}}", which the asset no longer has (renamed or removed); train the model again on the asset\'s current tags',
    normalTagUnit:
      'tag "{{tagId}}" is in {{unit}} on the asset but the model was trained in {{trainedUnit}}; train the model again',
    normalBackendRefused:
      'Normal-behaviour model {{version}} not loaded on the backend, so no predictive alarm is raised: {{cause}}',
    normalBackendUnreadable:
      'Normal-behaviour model {{version}} not loaded on the backend, so no predictive alarm is raised: {{detail}}',
    figureNotComputed: '{{figure}} could not be computed for the new version',
    scoreRose: '{{figure}} rose from {{from}} to {{to}}',
    scoreFell: '{{figure}} fell from {{from}} to {{to}}',
    aucFellBeyondTolerance: 'ROC-AUC fell from {{from}} to {{to}} (more than {{tolerance}})',
    falseAlarmsRose: 'false alarms rose from {{from}} to {{to}} per 24 h',
    falseAlarmsFell: 'false alarms fell from {{from}} to {{to}} per 24 h',
    noFigureImproved: 'no figure improved on the held-out data (all equal or within tolerance)',
  } satisfies Record<PhraseCode, string>,
  /** The health model's and forecaster's status lines (the renderer's own, with the backend's figures). */
  predictions: {
    noForecaster: 'no forecaster for asset "{{asset}}"',
    forecastCollecting: 'collecting history for the forecaster: {{minutes}} of {{needed}} min',
    forecastFailed: 'forecast failed: {{detail}}',
    noHealthModel: 'no health model for asset "{{asset}}"',
    modelCollecting: 'collecting history for the model: {{minutes}} of {{needed}} min',
    predictionFailed: 'prediction failed: {{detail}}',
    modelNotLoaded: 'Prediction model not loaded: {{detail}}',
    normalRefused: 'Normal-behaviour model {{version}} not loaded: {{reason}}',
    normalNotLoaded: 'Normal-behaviour model not loaded: {{detail}}',
    normalScoringFailed: 'normal-behaviour scoring failed: {{detail}}',
  },
  /** MQTT reason codes, `c` and the number (CONNACK of 3.1.1; CONNACK, DISCONNECT, SUBACK of MQTT 5). */
  mqttReason: {
    c1: 'it does not accept this MQTT protocol version',
    c2: 'client id not accepted',
    c3: 'server unavailable',
    c4: 'bad user name or password',
    c5: 'not authorised',
    c128: 'unspecified error',
    c129: 'malformed packet',
    c130: 'protocol error',
    c131: 'refused by the broker’s own rules (implementation specific error)',
    c132: 'it does not accept this MQTT protocol version',
    c133: 'client id not accepted',
    c134: 'bad user name or password',
    c135: 'not authorised',
    c136: 'server unavailable',
    c137: 'server busy',
    c138: 'this client is banned',
    c139: 'server shutting down',
    c140: 'bad authentication method',
    c141: 'keep alive timeout',
    c142: 'another client connected with the same client id (session taken over)',
    c143: 'topic filter not accepted',
    c144: 'topic name not accepted',
    c149: 'packet too large',
    c151: 'quota exceeded',
    c153: 'payload format invalid',
    c156: 'use another server',
    c157: 'server moved',
    c159: 'connection rate exceeded',
  },
  mqttReasonCode: 'reason code {{code}}',
  /** Figures of the retrained model's deploy decision. */
  figure: { macroF1: 'macro-F1', rocAuc: 'ROC-AUC', falseAlarms: 'false alarms/24 h' },
  /**
   * A sentence the app has no translation for (a library's or an older backend's words), shown as it came;
   * other languages put a lead before it that says it is the original wording.
   */
  /** Between the files of a `files` value (one path a line as sent). */
  fileListJoiner: ' and ',
  /** Closes a line of sentences. */
  fullStop: '.',
  /** Between sentences shown in one line. */
  listSeparator: '; ',
  untranslated: '{{message}}',
};
