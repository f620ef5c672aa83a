import type { Request } from '@ecris/contracts';
import type { Deadline } from '@ecris/deadlines';
import { functionalErrorItems, parseMessageId, validateMessage, FUNCTIONAL_ERRORS, type ValidationFailure } from '@ecris/ecris-model';
import { decidePurpose, type PurposeDecision } from './disclosure';
import { deadlineMessage, functionalErrorMessage, type Outgoing, type Reply } from './messages';
import type { ReplySerial, RequestInSettings } from './settings';
import type { FunctionalError, RequestDeadline } from '@ecris/contracts';

export type Intake =
  /** No FEM can be addressed (the id or sender is not ECRIS at all): a poison record. */
  | { readonly outcome: 'UNANSWERABLE'; readonly reason: string }
  /** Fails ECRIS validation: a FEM goes back, and nothing else happens. */
  | { readonly outcome: 'REJECTED'; readonly failures: readonly ValidationFailure[]; readonly fem: Outgoing<FunctionalError> }
  /** Valid: the RDL goes back at once; the purpose says whether the register is searched at all. */
  | {
      readonly outcome: 'ACCEPTED';
      readonly deadline: Deadline;
      readonly rdl: Outgoing<RequestDeadline>;
      readonly purpose: PurposeDecision;
      readonly ukNational: boolean;
    };

/**
 * Takes a REQ in: validation (FEM on failure), the legal deadline (20 UK working days beginning with
 * the day of receipt, R16, from @ecris/deadlines) and the purpose decision (R18). Pure: the time of
 * receipt and the serial of our replies come in.
 */
export function receiveRequest(request: Request, receivedAt: string, settings: RequestInSettings, serial: ReplySerial): Intake {
  const { header } = request;
  if (!parseMessageId(header.messageId) || !settings.isMemberState(header.sender)) {
    return { outcome: 'UNANSWERABLE', reason: 'the message id or sender is not an ECRIS member state: no FEM can be addressed' };
  }
  const reply: Reply = { us: settings.us, to: header.sender, answering: header.messageId, timestamp: receivedAt, serial };

  const failures = [...validateMessage('REQ', request, { isMemberState: settings.isMemberState })];
  if (header.receiver !== settings.us) {
    failures.push({
      path: 'header.receiver',
      code: FUNCTIONAL_ERRORS.HEADER_MISMATCH.code,
      kind: 'HEADER_MISMATCH',
      message: `must be ${settings.us}: this central authority answers only requests addressed to it`,
    });
  }
  if (failures.length > 0) {
    return { outcome: 'REJECTED', failures, fem: functionalErrorMessage(reply, functionalErrorItems(failures)) };
  }

  const ukNational = request.person.nationalityRefs.some((ref) => settings.ukNationalityRefs.has(ref));
  const purpose = decidePurpose(request.purposeCategoryRef, ukNational, settings.purposeCategories, settings.disclosureRules);
  const deadline = settings.deadlineRules.deadlineFor(
    { direction: 'request-in', purpose: purpose.purpose ?? undefined, legalBasis: 'tca', state: header.sender },
    receivedAt,
  );
  return { outcome: 'ACCEPTED', deadline, rdl: deadlineMessage(reply, deadline.dueDate), purpose, ukNational };
}
