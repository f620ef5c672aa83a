/** The golden fixtures of schemas/ as validation test input: each is a valid message of its type. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationFailure } from '../validation/functional-errors';
import { validateMessage, type EcrisMessages } from '../validation/validate-message';
import { ECRIS_MESSAGE_SCHEMAS } from '../message-schemas';

const SCHEMAS_DIR = join(__dirname, '..', '..', '..', '..', 'schemas');

/** The fixture of the newest version: the shape validation receives after the codec resolved a record. */
export function goldenFixture<T extends keyof EcrisMessages>(type: T): EcrisMessages[T] {
  const parts = ECRIS_MESSAGE_SCHEMAS[type].split('.');
  const name = parts.pop()!;
  const dir = join(SCHEMAS_DIR, ...parts, 'fixtures');
  const versions = readdirSync(dir)
    .map((file) => new RegExp(`^${name}\\.v([0-9]+)\\.json$`).exec(file)?.[1])
    .filter((version): version is string => version !== undefined)
    .map(Number);
  const newest = Math.max(...versions);
  return JSON.parse(readFileSync(join(dir, `${name}.v${newest}.json`), 'utf8')) as EcrisMessages[T];
}

/** One invalid case: how to break the golden fixture, and the failure expected at which path. */
export interface InvalidCase<T extends keyof EcrisMessages> {
  readonly name: string;
  readonly breakIt: (message: EcrisMessages[T]) => void;
  readonly path: string;
  readonly code: string;
}

/** Breaks a fresh copy of the golden fixture and validates it; returns `path code` of each failure. */
export function failuresOf<T extends keyof EcrisMessages>(
  type: T,
  breakIt: (message: EcrisMessages[T]) => void,
  context?: Parameters<typeof validateMessage>[2],
): ValidationFailure[] {
  const message = goldenFixture(type);
  breakIt(message);
  return validateMessage(type, message, context);
}

export const brief = (failures: readonly ValidationFailure[]) => failures.map((f) => `${f.path} ${f.code}`);
