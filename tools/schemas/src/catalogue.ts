/**
 * Every record schema we publish, each at its current version. To change one: edit its source,
 * bump its version here, run `npm run schemas:build` (writes the new file, refuses to touch published
 * ones), add its golden fixture, then `npm run schemas:types` and `npm run schemas:check`.
 * A change to a shared record (Person, Conviction...) changes every message that embeds it, so each
 * of those needs a new version too: the build says which.
 */
import type { AvroRecord } from './dsl';
import { ConvictionAmended, ConvictionRecorded, ConvictionRemoved } from './records/court-events';
import { PreviousConvictionsRequest, PreviousConvictionsResponse } from './records/agency';
import { RequestRejected } from './records/agency-rejections';
import {
  Cancellation,
  FunctionalError,
  IsAlive,
  Notification,
  NotificationResponse,
  Request,
  RequestAdditionalInfo,
  RequestAdditionalInfoResponse,
  RequestDeadline,
  RequestResponse,
} from './records/ecris-messages';
import { DeadlineOverdue, DeadlineRaised, RegisterUpdated, ReviewTaskCompleted } from './records/internal-events';
import { ReviewTaskRaised, TextTranslated, TranslationRequested } from './records/translation';
import { OperatorAction } from './records/ops';

export interface CatalogueEntry {
  readonly schema: AvroRecord;
  /** The version the source describes now; older versions stay as published files. */
  readonly version: number;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { schema: Notification, version: 1 },
  { schema: NotificationResponse, version: 1 },
  { schema: Request, version: 1 },
  { schema: RequestDeadline, version: 1 },
  { schema: RequestResponse, version: 1 },
  { schema: RequestAdditionalInfo, version: 1 },
  { schema: RequestAdditionalInfoResponse, version: 1 },
  { schema: FunctionalError, version: 1 },
  { schema: Cancellation, version: 1 },
  { schema: IsAlive, version: 1 },
  { schema: ConvictionRecorded, version: 1 },
  { schema: ConvictionAmended, version: 1 },
  { schema: ConvictionRemoved, version: 1 },
  { schema: PreviousConvictionsRequest, version: 1 },
  { schema: PreviousConvictionsResponse, version: 2 },
  { schema: RequestRejected, version: 1 },
  { schema: TranslationRequested, version: 2 },
  { schema: TextTranslated, version: 2 },
  { schema: ReviewTaskRaised, version: 2 },
  { schema: ReviewTaskCompleted, version: 1 },
  { schema: DeadlineRaised, version: 1 },
  { schema: DeadlineOverdue, version: 1 },
  { schema: RegisterUpdated, version: 1 },
  { schema: OperatorAction, version: 2 },
];
