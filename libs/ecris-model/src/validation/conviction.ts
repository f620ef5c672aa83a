/**
 * ECRIS dm:ConvictionType (ecris.md §2.1, §4): formats of ids and references, full dates where ECRIS
 * requires them, ranges, and the cross references inside the conviction (decision -> offence,
 * decision -> sanction, sanction -> offence, sanction -> sanction), which must name ids it contains.
 */
import type { Conviction, DecidingAuthority, Decision, Offence, Sanction, SentencedPeriod, Period, Suspension, Interruption } from '@ecris/contracts';
import { at, type Failures } from './functional-errors';
import { offenceCategoryCodeOf } from './formats';
import { place } from './person';
import { fullDate, inRange, matches, multilingual, notBefore, notEmpty, partialDate, text } from './rules';

export function decidingAuthority(f: Failures, path: string, value: DecidingAuthority | null): void {
  if (value === null) return;
  text(f, at(path, 'code'), value.code, 50);
  multilingual(f, at(path, 'name'), value.name, 400, true);
}

function decision(f: Failures, path: string, value: Decision): void {
  matches(f, at(path, 'decisionId'), value.decisionId, 'decisionId');
  value.changeTypeRefs.forEach((ref, i) => matches(f, at(path, 'changeTypeRefs', i), ref, 'decisionChangeTypeRef'));
  const decided = fullDate(f, at(path, 'decisionDate'), value.decisionDate);
  const final = fullDate(f, at(path, 'finalDate'), value.finalDate);
  if (decided && final) notBefore(f, at(path, 'finalDate'), value.decisionDate, value.finalDate, 'the decision date');
  decidingAuthority(f, at(path, 'decidingAuthority'), value.decidingAuthority);
  multilingual(f, at(path, 'remarks'), value.remarks, 4000, false);
}

function offence(f: Failures, path: string, value: Offence): void {
  matches(f, at(path, 'offenceId'), value.offenceId, 'offenceId');
  if (matches(f, at(path, 'commonCategoryRef'), value.commonCategoryRef, 'offenceCategoryRef')) {
    // Annex A groups start at 01: `00xx xx` is no category.
    if (offenceCategoryCodeOf(value.commonCategoryRef)?.startsWith('00')) {
      f.add(at(path, 'commonCategoryRef'), 'BAD_FORMAT', 'must name an Annex A category NNNN NN (groups start at 01)');
    }
  }
  text(f, at(path, 'applicableLegalProvisions'), value.applicableLegalProvisions, 400);
  text(f, at(path, 'nationalCategoryCode'), value.nationalCategoryCode, 50);
  multilingual(f, at(path, 'nationalTitle'), value.nationalTitle, 400, true);
  multilingual(f, at(path, 'remarks'), value.remarks, 4000, false);
  const started = partialDate(f, at(path, 'startDate'), value.startDate);
  const ended = partialDate(f, at(path, 'endDate'), value.endDate);
  if (started && ended) notBefore(f, at(path, 'endDate'), value.startDate, value.endDate, 'the start date');
  place(f, at(path, 'place'), value.place);
  inRange(f, at(path, 'numberOfOccurrences'), value.numberOfOccurrences, 1, 999);
  matches(f, at(path, 'levelOfCompletionRef'), value.levelOfCompletionRef, 'levelOfCompletionRef');
  matches(f, at(path, 'levelOfParticipationRef'), value.levelOfParticipationRef, 'levelOfParticipationRef');
}

function period(f: Failures, path: string, value: SentencedPeriod | Period | Suspension | Interruption | null): void {
  if (value === null) return;
  const started = fullDate(f, at(path, 'startDate'), value.startDate);
  const ended = fullDate(f, at(path, 'endDate'), value.endDate);
  if (started && ended) notBefore(f, at(path, 'endDate'), value.startDate, value.endDate, 'the start date');
  matches(f, at(path, 'duration'), value.duration, 'duration');
}

function amount(f: Failures, path: string, value: string | null): void {
  if (matches(f, path, value, 'decimalAmount') && value !== null && Number(value) <= 0) {
    f.add(path, 'OUT_OF_RANGE', 'must be more than zero');
  }
}

function sanction(f: Failures, path: string, value: Sanction): void {
  matches(f, at(path, 'sanctionId'), value.sanctionId, 'sanctionId');
  matches(f, at(path, 'natureRef'), value.natureRef, 'sanctionNatureRef');
  matches(f, at(path, 'commonCategoryRef'), value.commonCategoryRef, 'sanctionCategoryRef');
  matches(f, at(path, 'alternativeTypeRef'), value.alternativeTypeRef, 'sanctionAlternativeTypeRef');
  inRange(f, at(path, 'multiplier'), value.multiplier, 1, 999);
  text(f, at(path, 'nationalCategoryCode'), value.nationalCategoryCode, 50);
  multilingual(f, at(path, 'nationalTitle'), value.nationalTitle, 400, true);
  multilingual(f, at(path, 'remarks'), value.remarks, 4000, false);
  period(f, at(path, 'sentencedPeriod'), value.sentencedPeriod);
  period(f, at(path, 'executionPeriod'), value.executionPeriod);
  inRange(f, at(path, 'numberOfFines'), value.numberOfFines, 1, 999);
  amount(f, at(path, 'amountOfIndividualFine'), value.amountOfIndividualFine);
  matches(f, at(path, 'currencyOfFineRef'), value.currencyOfFineRef, 'currencyRef');
  if (value.suspension !== null) {
    const suspension = at(path, 'suspension');
    matches(f, at(suspension, 'typeRef'), value.suspension.typeRef, 'suspensionTypeRef');
    period(f, suspension, value.suspension);
    matches(f, at(suspension, 'durationSuspendedPart'), value.suspension.durationSuspendedPart, 'duration');
    matches(f, at(suspension, 'probationDuration'), value.suspension.probationDuration, 'duration');
    amount(f, at(suspension, 'partiallySuspendedAmount'), value.suspension.partiallySuspendedAmount);
    multilingual(f, at(suspension, 'remarks'), value.suspension.remarks, 4000, false);
  }
  value.interruptions.forEach((interruption, i) => {
    period(f, at(path, 'interruptions', i), interruption);
    multilingual(f, at(path, 'interruptions', i, 'remarks'), interruption.remarks, 4000, false);
  });
}

/** Ids must be unique in their list; returns the set, for the cross-reference checks. */
function uniqueIds(f: Failures, path: string, ids: readonly string[], field: string): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) f.add(at(path, i, field), 'DUPLICATE_ID', 'is already used by an earlier entry of this list');
    seen.add(id);
  });
  return seen;
}

function references(f: Failures, path: string, ids: readonly string[], known: Set<string>, what: string): void {
  notEmpty(f, path, ids);
  ids.forEach((id, i) => {
    if (!known.has(id)) f.add(at(path, i), 'UNKNOWN_REFERENCE', `must be the id of ${what} of this conviction`);
  });
}

export function conviction(f: Failures, path: string, value: Conviction): void {
  matches(f, at(path, 'convictionId'), value.convictionId, 'convictionId');
  matches(f, at(path, 'convictingCountryRef'), value.convictingCountryRef, 'countryRef');
  text(f, at(path, 'fileNumber'), value.fileNumber, 50);
  const decided = fullDate(f, at(path, 'decisionDate'), value.decisionDate);
  const final = fullDate(f, at(path, 'decisionFinalDate'), value.decisionFinalDate);
  if (decided && final) notBefore(f, at(path, 'decisionFinalDate'), value.decisionDate, value.decisionFinalDate, 'the decision date');
  decidingAuthority(f, at(path, 'decidingAuthority'), value.decidingAuthority);
  fullDate(f, at(path, 'retentionPeriodEndDate'), value.retentionPeriodEndDate);
  multilingual(f, at(path, 'remarks'), value.remarks, 4000, false);

  notEmpty(f, at(path, 'decisions'), value.decisions);
  value.decisions.forEach((item, i) => decision(f, at(path, 'decisions', i), item));
  value.offences.forEach((item, i) => offence(f, at(path, 'offences', i), item));
  value.sanctions.forEach((item, i) => sanction(f, at(path, 'sanctions', i), item));

  const decisions = uniqueIds(f, at(path, 'decisions'), value.decisions.map((d) => d.decisionId), 'decisionId');
  const offences = uniqueIds(f, at(path, 'offences'), value.offences.map((o) => o.offenceId), 'offenceId');
  const sanctions = uniqueIds(f, at(path, 'sanctions'), value.sanctions.map((s) => s.sanctionId), 'sanctionId');

  value.decisionToOffences.forEach((link, i) => {
    const here = at(path, 'decisionToOffences', i);
    if (!decisions.has(link.decisionId)) f.add(at(here, 'decisionId'), 'UNKNOWN_REFERENCE', 'must be the id of a decision of this conviction');
    references(f, at(here, 'offenceIds'), link.offenceIds, offences, 'an offence');
  });
  value.decisionToSanctions.forEach((link, i) => {
    const here = at(path, 'decisionToSanctions', i);
    if (!decisions.has(link.decisionId)) f.add(at(here, 'decisionId'), 'UNKNOWN_REFERENCE', 'must be the id of a decision of this conviction');
    references(f, at(here, 'sanctionIds'), link.sanctionIds, sanctions, 'a sanction');
  });
  value.sanctionToOffences.forEach((link, i) => {
    const here = at(path, 'sanctionToOffences', i);
    if (!sanctions.has(link.sanctionId)) f.add(at(here, 'sanctionId'), 'UNKNOWN_REFERENCE', 'must be the id of a sanction of this conviction');
    references(f, at(here, 'offenceIds'), link.offenceIds, offences, 'an offence');
  });
  value.sanctionToSanctions.forEach((link, i) => {
    const here = at(path, 'sanctionToSanctions', i);
    matches(f, at(here, 'typeRef'), link.typeRef, 'sanctionRelationTypeRef');
    if (!sanctions.has(link.sourceSanctionId)) f.add(at(here, 'sourceSanctionId'), 'UNKNOWN_REFERENCE', 'must be the id of a sanction of this conviction');
    references(f, at(here, 'destinationSanctionIds'), link.destinationSanctionIds, sanctions, 'a sanction');
  });
}
