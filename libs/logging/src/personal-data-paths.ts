/**
 * Keys that hold personal data in our records (ECRIS Person, court events, agency requests).
 * Logs must never carry them in plain text (UK GDPR / DPA 2018 Part 3): pino censors these keys
 * wherever a log object has them, up to three levels deep.
 */
export const PERSONAL_DATA_KEYS = [
  // names
  'forename',
  'forenames',
  'surname',
  'surnames',
  'secondSurname',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
  'fullName',
  'formerNames',
  'aliases',
  'motherName',
  'fatherName',
  'parents',
  // birth
  'birthDate',
  'dateOfBirth',
  'birthPlace',
  'placeOfBirth',
  // identity numbers and documents
  'identityNumber',
  'identityNumbers',
  'identificationDocuments',
  'nationalInsuranceNumber',
  'passportNumber',
  'documentNumber',
  'pncId',
  'croNumber',
  'address',
  // whole person objects
  'person',
] as const;

const DEPTH_PREFIXES = ['', '*.', '*.*.', '*.*.*.'];

/**
 * Database errors carry the offending row's values in `detail` ("Key (surname)=(...) already exists");
 * an error logged as `err` must not put them in the log.
 */
const ERROR_VALUE_PATHS = ['err.detail', 'err.cause.detail', 'error.detail', 'error.cause.detail'];

export function personalDataRedactPaths(): string[] {
  return [...DEPTH_PREFIXES.flatMap((prefix) => PERSONAL_DATA_KEYS.map((key) => `${prefix}${key}`)), ...ERROR_VALUE_PATHS];
}
