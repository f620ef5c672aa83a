/** Turns validation failures into the `errors` of an ECRIS FEM sent back to the sender. */
import type { FunctionalErrorItem } from '@ecris/contracts';
import type { ValidationFailure } from './functional-errors';

/** One FEM error per failure: its code, and the field path with what is wrong (never the value). */
export function functionalErrorItems(failures: readonly ValidationFailure[]): FunctionalErrorItem[] {
  return failures.map((failure) => ({
    code: failure.code,
    additionalInformation: [{ lang: 'en', translated: null, text: `${failure.path}: ${failure.message}`.slice(0, 4000) }],
  }));
}
