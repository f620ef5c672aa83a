/**
 * Who may do what. The operator is named by ECRIS_OPS_OPERATOR (an operator id, never a name) and
 * their rights are listed in a small JSON file (ECRIS_OPS_CONFIG, default tools/ops/operators.json):
 *   { "operators": [{ "id": "OPS-0001", "rights": ["replay", "unmask"] }] }
 * `replay` puts records back on the log; `unmask` shows personal data. Anything not granted is refused,
 * and the refusal says why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RefusedError } from './errors';

export type Right = 'replay' | 'unmask';
const RIGHTS: readonly Right[] = ['replay', 'unmask'];

export const DEFAULT_OPERATORS_FILE = join(__dirname, '..', 'operators.json');

export interface OperatorsConfig {
  readonly file: string;
  readonly rights: ReadonlyMap<string, ReadonlySet<Right>>;
}

export function parseOperatorsConfig(text: string, file: string): OperatorsConfig {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RefusedError(`${file} is not valid JSON, so no operator has any right`);
  }
  const operators = (parsed as { operators?: unknown }).operators;
  if (!Array.isArray(operators)) throw new RefusedError(`${file} has no "operators" list, so no operator has any right`);
  const rights = new Map<string, Set<Right>>();
  for (const entry of operators as { id?: unknown; rights?: unknown }[]) {
    if (typeof entry?.id !== 'string' || !Array.isArray(entry.rights)) {
      throw new RefusedError(`${file}: every operator needs an "id" and a "rights" list`);
    }
    const unknown = entry.rights.filter((right) => !RIGHTS.includes(right as Right));
    if (unknown.length > 0) throw new RefusedError(`${file}: unknown right ${unknown.join(', ')} for ${entry.id} (known: ${RIGHTS.join(', ')})`);
    rights.set(entry.id, new Set(entry.rights as Right[]));
  }
  return { file, rights };
}

export function loadOperatorsConfig(file: string): OperatorsConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RefusedError(`cannot read the operators file ${file} (ECRIS_OPS_CONFIG), so no operator has any right`);
  }
  return parseOperatorsConfig(text, file);
}

/** The operator on whose behalf an action is recorded; refused when none is named. */
export function requireOperator(operator: string | undefined, doing: string): string {
  if (!operator || operator.trim() === '') {
    throw new RefusedError(`${doing} is recorded on ops.actions.v1 with who did it: set ECRIS_OPS_OPERATOR to your operator id`);
  }
  return operator.trim();
}

export function requireRight(config: OperatorsConfig, operator: string, right: Right, doing: string): void {
  const granted = config.rights.get(operator);
  if (!granted) throw new RefusedError(`${doing} needs the "${right}" right, and operator ${operator} is not listed in ${config.file}`);
  if (!granted.has(right)) throw new RefusedError(`${doing} needs the "${right}" right, which ${config.file} does not give operator ${operator}`);
}

export function requireReason(reason: string | undefined, doing: string): string {
  if (!reason || reason.trim() === '') throw new RefusedError(`${doing} needs --reason "...": why it is done is recorded on ops.actions.v1`);
  return reason.trim();
}
