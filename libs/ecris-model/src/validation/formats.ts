/**
 * ECRIS v1.0 identifier and reference formats, as the XSD patterns give them
 * (shared/domain/reference-data/ecris-v1-message-structure.json, identifierFormats).
 */
export const ECRIS_MESSAGE_TYPES = ['REQ', 'RDL', 'RRS', 'NOT', 'NRS', 'RAI', 'RAR', 'FEM', 'CAN', 'IAL'] as const;
export type EcrisMessageType = (typeof ECRIS_MESSAGE_TYPES)[number];

export interface Format {
  readonly pattern: RegExp;
  /** Shown in failure messages: the shape expected, never the value found. */
  readonly description: string;
}

const format = (pattern: RegExp, description: string): Format => ({ pattern, description });

export const FORMATS = {
  messageId: format(/^[A-Z]{2}-[A-Z]{2}-(REQ|RDL|RRS|NOT|NRS|RAI|RAR|IAL|CAN|FEM)-[0-9]{15}$/, 'an ECRIS message id SS-RR-TTT-nnnnnnnnnnnnnnn'),
  memberState: format(/^[A-Z]{2}$/, 'a two-letter ECRIS member state code'),
  convictionId: format(/^[A-Z]{2}-C-[0-9]{15}$/, 'an ECRIS conviction id SS-C-nnnnnnnnnnnnnnn'),
  offenceId: format(/^O-[0-9]{5}$/, 'an offence id O-nnnnn'),
  decisionId: format(/^D-[0-9]{5}$/, 'a decision id D-nnnnn'),
  sanctionId: format(/^S-[0-9]{5}$/, 'a sanction id S-nnnnn'),
  binaryAttachmentId: format(/^[A-Z]{2}-BA-[0-9]{9}$/, 'an attachment id SS-BA-nnnnnnnnn'),
  countryRef: format(/^CO-[0-9]{2}-[0-9]{3}-[A-Z]{3}$/, 'a country reference CO-nn-nnn-AAA'),
  subdivisionRef: format(/^CS-[0-9]{2}-[A-Z]{2}-([0-9]{1,3}|[A-Z]{1,3})$/, 'a country subdivision reference CS-nn-AA-x'),
  cityRef: format(/^CI-[0-9]{2}-[A-Z]{3}-T[0-9]{4}$/, 'a city reference CI-nn-AAA-Tnnnn'),
  currencyRef: format(/^CX-[0-9]{2}-[0-9]{3}-[A-Z]{3}$/, 'a currency reference CX-nn-nnn-AAA'),
  offenceCategoryRef: format(/^O-[0-9]{2}-[0-9]{6}$/, 'an offence category reference O-nn-nnnnnn'),
  sanctionCategoryRef: format(/^S-[0-9]{2}-[0-9]{6}$/, 'a sanction category reference S-nn-nnnnnn'),
  sanctionNatureRef: format(/^N-[0-9]{2}-[0A-Z]$/, 'a sanction nature reference N-nn-X'),
  sanctionAlternativeTypeRef: format(/^SAT-[0-9]{2}-[A-Z]$/, 'an alternative sanction type reference SAT-nn-X'),
  suspensionTypeRef: format(/^S-[0-9]{2}-[A-Z]$/, 'a suspension type reference S-nn-X'),
  levelOfCompletionRef: format(/^LC-[0-9]{2}-[0A-Z]$/, 'a level of completion reference LC-nn-X'),
  levelOfParticipationRef: format(/^LP-[0-9]{2}-[0A-Z]$/, 'a level of participation reference LP-nn-X'),
  sanctionRelationTypeRef: format(/^SSR-[0-9]{2}-[0-9]{2}$/, 'a sanction relationship type SSR-nn-nn'),
  decisionChangeTypeRef: format(/^DCH-[0-9]{2}-[A-Z]$/, 'a decision change type DCH-nn-X'),
  identificationDocumentCategoryRef: format(/^ID-[0-9]{2}-[0-9]{3}$/, 'an identity document category ID-nn-nnn'),
  requestPurposeRef: format(/^P-[0-9]{2}-[0-9]{6}$/, 'a request purpose reference P-nn-nnnnnn'),
  requestingAuthorityTypeRef: format(/^RAT-[0-9]{2}-[A-Z]$/, 'a requesting authority type RAT-nn-X'),
  requestResponseTypeRef: format(/^RRT-[0-9]{2}-[0-9]{2}$/, 'a request response type RRT-nn-nn'),
  notificationResponseTypeRef: format(/^NRT-[0-9]{2}-[0-9]{2}$/, 'a notification response type NRT-nn-nn'),
  additionalInfoResponseTypeRef: format(/^ART-[0-9]{2}-[0-9]{2}$/, 'an additional-info response type ART-nn-nn'),
  functionalErrorCode: format(/^FE-[0-9]{5}$/, 'a functional error code FE-nnnnn'),
  language: format(/^[a-z]{2}$/, 'an ISO 639-1 language code'),
  duration: format(/^P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\.[0-9]+)?S)?)?$/, 'an ISO 8601 duration such as P1Y6M'),
  decimalAmount: format(/^[0-9]{1,15}(\.[0-9]{1,2})?$/, 'a positive decimal with at most 15 digits and 2 fraction digits'),
} as const;

export type FormatName = keyof typeof FORMATS;

/** An ECRIS message id taken apart. */
export interface MessageIdParts {
  readonly sender: string;
  readonly receiver: string;
  readonly type: EcrisMessageType;
  readonly serial: string;
}

export function parseMessageId(id: string): MessageIdParts | undefined {
  if (!FORMATS.messageId.pattern.test(id)) return undefined;
  const [sender, receiver, type, serial] = id.split('-');
  return { sender, receiver, type: type as EcrisMessageType, serial };
}

/** Builds an ECRIS message id; `serial` is our sequence number (0 to 10^15 - 1). */
export function formatMessageId(parts: { sender: string; receiver: string; type: EcrisMessageType; serial: number | bigint }): string {
  const serial = BigInt(parts.serial);
  if (serial < 0n || serial >= 10n ** 15n) throw new RangeError('an ECRIS message serial has at most 15 digits');
  const id = `${parts.sender}-${parts.receiver}-${parts.type}-${serial.toString().padStart(15, '0')}`;
  if (!FORMATS.messageId.pattern.test(id)) throw new RangeError('sender and receiver must be two-letter ECRIS member state codes');
  return id;
}

/**
 * Annex A category code (`NNNN NN`, ecris.md §4) of an ECRIS offence reference: `O-00-090900` is
 * `0909 00`. The mapping is an inference from the XSD patterns and the observed examples
 * (reference-data ecris-offence-categories.json, caveats), used consistently in both directions.
 */
export function offenceCategoryCodeOf(ref: string): string | undefined {
  if (!FORMATS.offenceCategoryRef.pattern.test(ref)) return undefined;
  const digits = ref.slice(5);
  return `${digits.slice(0, 4)} ${digits.slice(4)}`;
}

export const OFFENCE_CATEGORY_CODE = /^[0-9]{4} [0-9]{2}$/;

export function offenceCategoryRefOf(code: string, tableVersion = '00'): string | undefined {
  if (!OFFENCE_CATEGORY_CODE.test(code) || !/^[0-9]{2}$/.test(tableVersion)) return undefined;
  return `O-${tableVersion}-${code.replace(' ', '')}`;
}
