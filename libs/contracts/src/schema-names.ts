/**
 * Full Avro names of every record type that travels on a topic. The topic registry and the
 * handlers refer to these constants, never to string literals, so a rename is one edit.
 * Each name has one or more immutable versions in schemas/ (see schemas/README.md).
 */
export const SchemaNames = {
  /** Embedded in every value: the CloudEvents attributes, mirrored from the headers. */
  eventMeta: 'uk.ecris.meta.EventMeta',

  // ECRIS messages: one record type per ECRIS message type.
  notification: 'uk.ecris.message.Notification', // NOT
  notificationResponse: 'uk.ecris.message.NotificationResponse', // NRS
  request: 'uk.ecris.message.Request', // REQ
  requestDeadline: 'uk.ecris.message.RequestDeadline', // RDL
  requestResponse: 'uk.ecris.message.RequestResponse', // RRS
  requestAdditionalInfo: 'uk.ecris.message.RequestAdditionalInfo', // RAI
  requestAdditionalInfoResponse: 'uk.ecris.message.RequestAdditionalInfoResponse', // RAR
  functionalError: 'uk.ecris.message.FunctionalError', // FEM
  cancellation: 'uk.ecris.message.Cancellation', // CAN
  isAlive: 'uk.ecris.message.IsAlive', // IAL

  // Court-result feed events.
  convictionRecorded: 'uk.ecris.court.ConvictionRecorded',
  convictionAmended: 'uk.ecris.court.ConvictionAmended',
  convictionRemoved: 'uk.ecris.court.ConvictionRemoved',

  // UK agencies.
  agencyRequest: 'uk.ecris.agency.PreviousConvictionsRequest',
  agencyResponse: 'uk.ecris.agency.PreviousConvictionsResponse',
  agencyRequestRejected: 'uk.ecris.agency.RequestRejected',

  // Operators.
  operatorAction: 'uk.ecris.ops.OperatorAction',

  // Internal events between our services.
  translationRequested: 'uk.ecris.exchange.TranslationRequested',
  textTranslated: 'uk.ecris.exchange.TextTranslated',
  reviewTaskRaised: 'uk.ecris.exchange.ReviewTaskRaised',
  reviewTaskCompleted: 'uk.ecris.exchange.ReviewTaskCompleted',
  deadlineRaised: 'uk.ecris.exchange.DeadlineRaised',
  deadlineOverdue: 'uk.ecris.exchange.DeadlineOverdue',
  registerUpdated: 'uk.ecris.register.RegisterUpdated',
} as const;

export type SchemaName = (typeof SchemaNames)[keyof typeof SchemaNames];
