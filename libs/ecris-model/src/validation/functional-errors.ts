/**
 * What a validation failure means, and the functional-error code a FEM carries back for it.
 *
 * LOCAL CODES. The official ECRIS FunctionalError table (FE-NNNNN values with meanings) lives in the
 * CommonReferenceTable instance, which was not found (shared/domain/ecris.md §7; reference-data
 * ecris-code-lists.json lists FE- under "notFound"). Until it is loaded, ECRIS Exchange sends these
 * codes of its own, in the FE-9xxxx range so they stand out. They are ours, not ECRIS's: when the
 * official table arrives, map each kind to its official code here, in this one place.
 */
export const FUNCTIONAL_ERRORS = {
  MISSING: { code: 'FE-90001', meaning: 'a mandatory element is missing or empty' },
  TOO_LONG: { code: 'FE-90002', meaning: 'a text or code is longer (or shorter) than ECRIS allows' },
  BAD_FORMAT: { code: 'FE-90003', meaning: 'an identifier or reference code does not have its ECRIS format' },
  BAD_DATE: { code: 'FE-90004', meaning: 'not a valid date, or a partial date where ECRIS requires a full one' },
  DATE_ORDER: { code: 'FE-90005', meaning: 'dates in an impossible order' },
  OUT_OF_RANGE: { code: 'FE-90006', meaning: 'a number outside the range ECRIS allows' },
  DUPLICATE_ID: { code: 'FE-90007', meaning: 'an identifier used twice within the message' },
  UNKNOWN_REFERENCE: { code: 'FE-90008', meaning: 'a reference to a decision, offence, sanction or conviction the message does not contain' },
  HEADER_MISMATCH: { code: 'FE-90009', meaning: 'message id, type, sender, receiver or ResponseTo do not agree' },
  UNKNOWN_MEMBER_STATE: { code: 'FE-90010', meaning: 'not an ECRIS member state' },
  NOT_ALLOWED: { code: 'FE-90011', meaning: 'a value or combination of values ECRIS does not allow' },
} as const;

export type FailureKind = keyof typeof FUNCTIONAL_ERRORS;

/** True for the codes above: ours, to be replaced by the official table's. */
export function isLocalFunctionalErrorCode(code: string): boolean {
  return Object.values(FUNCTIONAL_ERRORS).some((error) => error.code === code);
}

export interface ValidationFailure {
  /** Field path in the Avro record, e.g. `conviction.offences[1].commonCategoryRef`. */
  readonly path: string;
  /** Functional-error code for a FEM back to the sender. */
  readonly code: string;
  readonly kind: FailureKind;
  /** What is wrong, in words. Never the offending value: it may be personal data. */
  readonly message: string;
}

/** Collects failures while walking a message; paths are built with `at`. */
export class Failures {
  readonly list: ValidationFailure[] = [];

  add(path: string, kind: FailureKind, message: string): void {
    this.list.push({ path, code: FUNCTIONAL_ERRORS[kind].code, kind, message });
  }
}

/**
 * Whether `at` builds paths. A valid message needs none, and building one per field is most of what
 * validating costs, so validateMessage first runs the rules with paths off and runs them again, with
 * paths, only for a message that fails. Validation is synchronous: nothing else runs in between.
 */
let buildingPaths = true;

/** Runs `rules` with every path `at` builds left empty. */
export function withoutPaths<T>(rules: () => T): T {
  const before = buildingPaths;
  buildingPaths = false;
  try {
    return rules();
  } finally {
    buildingPaths = before;
  }
}

/**
 * `at('conviction', 'offences', 1, 'commonCategoryRef')` is `conviction.offences[1].commonCategoryRef`
 * (and '' inside withoutPaths). Fixed arity rather than rest parameters: it runs for every field.
 */
export function at(path: string, first: string | number, second?: string | number, third?: string | number): string {
  if (!buildingPaths) return '';
  let result = step(path, first);
  if (second !== undefined) result = step(result, second);
  if (third !== undefined) result = step(result, third);
  return result;
}

function step(path: string, part: string | number): string {
  if (typeof part === 'number') return `${path}[${part}]`;
  return path === '' ? part : `${path}.${part}`;
}
