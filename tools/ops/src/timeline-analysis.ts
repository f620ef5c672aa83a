/**
 * What an exchange's records say happened (pure): the steps in order, each with its marks (dead
 * letter, parked, replay, rejection), and the gaps: an ECRIS message that is still owed an answer.
 *   NOT sent     -> an NRS (or a FEM) from the receiving state      NOT received -> our NRS or FEM
 *   REQ sent     -> the final RRS (an RDL or RAI is not the answer) REQ received -> our RRS or FEM
 * A CAN of the message, or a FEM answering it, closes the expectation (a FEM is marked as an error).
 * Answers are paired with what they answer by ECRIS id when the values were decoded (responseTo), else
 * in order: each answer to the earliest earlier message of its kind still unanswered.
 */
import { SchemaNames } from '@ecris/contracts';
import { coordinatesOf, type AuditRow } from './audit-index';

export type EcrisKind = 'NOT' | 'NRS' | 'REQ' | 'RDL' | 'RRS' | 'RAI' | 'RAR' | 'FEM' | 'CAN';

const ECRIS_KINDS: Readonly<Record<string, EcrisKind>> = {
  [SchemaNames.notification]: 'NOT',
  [SchemaNames.notificationResponse]: 'NRS',
  [SchemaNames.request]: 'REQ',
  [SchemaNames.requestDeadline]: 'RDL',
  [SchemaNames.requestResponse]: 'RRS',
  [SchemaNames.requestAdditionalInfo]: 'RAI',
  [SchemaNames.requestAdditionalInfoResponse]: 'RAR',
  [SchemaNames.functionalError]: 'FEM',
  [SchemaNames.cancellation]: 'CAN',
};

/** ECRIS header facts of a decoded message, when the values were decoded. */
export interface EcrisHeader {
  readonly messageId: string;
  readonly responseTo: string | null;
}

export interface Step {
  readonly row: AuditRow;
  readonly coordinates: string;
  /** The registry topic (namespace removed). */
  readonly topic: string;
  /** The record type: ECRIS kind (NOT, NRS...) or the short Avro name, else the ce_type. */
  readonly type: string;
  readonly direction: 'out' | 'in' | null;
  readonly marks: string[];
}

export interface Gap {
  readonly step: string;
  readonly text: string;
}

export interface ExchangeStory {
  readonly steps: Step[];
  readonly gaps: Gap[];
  readonly errors: number;
}

const EXPECTED: Partial<Record<EcrisKind, { answer: EcrisKind; name: string }>> = {
  NOT: { answer: 'NRS', name: 'NRS' },
  REQ: { answer: 'RRS', name: 'final RRS' },
};

export function analyseExchange(rows: readonly AuditRow[], namespace: string, headers: ReadonlyMap<string, EcrisHeader> = new Map()): ExchangeStory {
  const steps = inCausalOrder(rows).map((row) => stepOf(row, namespace));
  let errors = 0;

  for (const step of steps) {
    const { row } = step;
    if (row.replayOf) step.marks.push(`replay of ${row.replayOf}${row.replayBy ? ` by ${row.replayBy}` : ''}`);
    if (!row.dlq) continue;
    if (row.dlq.parkedBehind) {
      step.marks.push(`PARKED by ${row.dlq.group ?? '?'} behind ${row.dlq.parkedBehind}`);
    } else {
      errors += 1;
      step.marks.push(`DEAD LETTER of ${row.dlq.group ?? '?'}: ${row.dlq.errorClass}/${row.dlq.errorCode ?? '?'}`);
    }
    const replays = steps.filter((other) => other.row.replayOf === step.coordinates);
    step.marks.push(replays.length > 0 ? `replayed ${replays.length}x (${replays.map((r) => r.coordinates).join(', ')})` : 'not replayed');
  }

  const gaps: Gap[] = [];
  // One message per ECRIS id or ce_id: a replayed copy is the same message again, not a new one.
  const seen = new Set<string>();
  const messages = steps.filter((step) => {
    if (step.direction === null || step.row.dlq || !(step.type in KIND_NAMES)) return false;
    const id = headers.get(step.coordinates)?.messageId ?? step.row.ceId;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const open: Step[] = [];
  for (const step of messages) {
    const kind = step.type as EcrisKind;
    if (EXPECTED[kind]) {
      open.push(step);
      continue;
    }
    const answered = answeredBy(step, open, headers);
    if (!answered) continue;
    if (kind === 'FEM') {
      errors += 1;
      answered.marks.push(`REJECTED by FEM ${step.coordinates}`);
      step.marks.push(`rejects ${answered.type} ${answered.coordinates}`);
    }
    if (kind === 'FEM' || kind === 'CAN' || kind === EXPECTED[answered.type as EcrisKind]?.answer) open.splice(open.indexOf(answered), 1);
  }
  for (const step of open) {
    const expected = EXPECTED[step.type as EcrisKind]!;
    const text = `GAP: ${step.type} ${step.direction === 'out' ? 'sent' : 'received'} (${step.coordinates}) with no ${expected.name} ${step.direction === 'out' ? 'received' : 'sent'}`;
    step.marks.push(text);
    gaps.push({ step: step.coordinates, text });
  }
  return { steps, gaps, errors };
}

const KIND_NAMES: Readonly<Record<string, true>> = Object.fromEntries(Object.values(ECRIS_KINDS).map((kind) => [kind, true]));

/**
 * The open message `answer` answers: by responseTo when decoded, else the earliest open one of the kind it
 * answers, sent the other way. A CAN goes the same way as what it cancels; every answer goes the other way.
 */
function answeredBy(answer: Step, open: readonly Step[], headers: ReadonlyMap<string, EcrisHeader>): Step | undefined {
  const kind = answer.type as EcrisKind;
  const sameWay = kind === 'CAN';
  const candidates = open.filter((step) => (step.direction === answer.direction) === sameWay);
  const responseTo = headers.get(answer.coordinates)?.responseTo;
  if (responseTo) return candidates.find((step) => headers.get(step.coordinates)?.messageId === responseTo);
  const answers: Partial<Record<EcrisKind, EcrisKind[]>> = { NRS: ['NOT'], RRS: ['REQ'], RDL: ['REQ'], RAI: ['REQ', 'NOT'], FEM: ['NOT', 'REQ'], CAN: ['NOT', 'REQ'] };
  return candidates.find((step) => answers[kind]?.includes(step.type as EcrisKind));
}

function stepOf(row: AuditRow, namespace: string): Step {
  const topic = namespace && row.topic.startsWith(namespace) ? row.topic.slice(namespace.length) : row.topic;
  const kind = row.valueSchema ? ECRIS_KINDS[row.valueSchema] : undefined;
  const type = kind ?? row.valueSchema?.split('.').pop() ?? row.ceType ?? '(undecodable)';
  const direction = topic === 'ecris.outbound.v1' ? 'out' : topic === 'ecris.inbound.v1' ? 'in' : null;
  return { row, coordinates: coordinatesOf(row), topic, type, direction, marks: [] };
}

/**
 * Log time first. Outputs usually carry their input's ce_time (a replay reproduces them byte for byte),
 * so ce_time cannot order the steps; records produced in the same millisecond are ordered cause first.
 */
function inCausalOrder(rows: readonly AuditRow[]): AuditRow[] {
  const byId = new Map(rows.map((row) => [row.ceId, row]));
  const depth = new Map<AuditRow, number>();
  const depthOf = (row: AuditRow, guard = 0): number => {
    const known = depth.get(row);
    if (known !== undefined) return known;
    const cause = row.causationId ? byId.get(row.causationId) : undefined;
    const value = cause && cause !== row && guard < 64 ? depthOf(cause, guard + 1) + 1 : 0;
    depth.set(row, value);
    return value;
  };
  return [...rows].sort(
    (a, b) =>
      a.recordTime.localeCompare(b.recordTime) ||
      depthOf(a) - depthOf(b) ||
      a.topic.localeCompare(b.topic) ||
      a.partition - b.partition ||
      Number(BigInt(a.offset) - BigInt(b.offset)),
  );
}
