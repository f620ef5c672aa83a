/**
 * Personal data is masked in everything the tool prints unless an authorised operator asks otherwise
 * (authorisation.ts). Masking works on decoded values by field name, so it covers every record type:
 * a person (or contact person) is masked as a whole except what routes a message and identifies nobody
 * (nationality, sex); names, birth data, identity numbers, addresses and free-text remarks (where other
 * names travel) are masked wherever they appear.
 */
export const MASK = '[masked]';

/** Records about a person: masked whole, but for KEPT_IN_PERSON. */
const PERSON_RECORDS = new Set(['person', 'contactPerson', 'requestedPerson']);
const KEPT_IN_PERSON = new Set(['nationalityRefs', 'nationalities', 'sex']);

/** Fields that are personal data wherever they are. */
const PERSONAL_FIELDS = new Set([
  'forename',
  'forenames',
  'surname',
  'secondSurname',
  'otherNames',
  'formerNames',
  'formerForenames',
  'formerSurnames',
  'formerSecondSurnames',
  'aliases',
  'father',
  'mother',
  'dateOfBirth',
  'birthDate',
  'birthPlace',
  'placeOfBirthTown',
  'identityNumber',
  'identificationDocuments',
  'addresses',
  'pncId',
  'email',
  'phone',
  'fax',
  'remarks',
]);

export function maskPersonalData(value: unknown): unknown {
  return mask(value, false);
}

function mask(value: unknown, insidePerson: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => mask(item, insidePerson));
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) {
    return insidePerson && value !== null ? MASK : value;
  }
  const masked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (insidePerson && KEPT_IN_PERSON.has(key)) masked[key] = field;
    else if (PERSONAL_FIELDS.has(key)) masked[key] = field === null ? null : MASK;
    else masked[key] = mask(field, insidePerson || PERSON_RECORDS.has(key));
  }
  return masked;
}
