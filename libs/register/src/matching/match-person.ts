import type {
  BirthPlace,
  MatchReason,
  MatchResult,
  MatchThresholds,
  PartialDate,
  PersonMatch,
  PersonQuery,
  PersonRecord,
  PersonIdentifier,
} from '../types';
import { looseKey, nameTokens, normaliseName, similarSpelling } from './names';
import { normaliseIdentifier } from './search-keys';

/**
 * Defaults, meant to be overridden from configuration. With them, equal surname + first forename +
 * full birth date (0.85) is a match on its own; a year-only birth date needs the birth place too.
 */
export const DEFAULT_MATCH_THRESHOLDS: MatchThresholds = { accept: 0.8, review: 0.5, margin: 0.15 };

/** Points per piece of evidence. The sum, clamped to 0..1, is the confidence. */
const POINTS = {
  surnameEqual: 0.3,
  surnameTransliterated: 0.27,
  surnamePartial: 0.25,
  otherName: 0.2,
  surnameSimilar: 0.15,
  surnameDifferent: -0.3,
  forenameEqual: 0.25,
  forenameTransliterated: 0.22,
  forenamePartial: 0.12,
  forenameSimilar: 0.12,
  forenameDifferent: -0.25,
  birthDateEqual: 0.3,
  birthDateCompatible: 0.15,
  birthDateConflict: -0.5,
  birthPlaceEqual: 0.1,
  birthCountryEqual: 0.05,
  birthPlaceConflict: -0.1,
  sexConflict: -0.2,
  identifierConflict: -0.4,
} as const;

/** An equal identifier is decisive (a renamed person is still the same person)... */
const IDENTIFIER_FLOOR = 0.95;

interface Evidence {
  points: number;
  reasons: MatchReason[];
}

/**
 * Scores every candidate against the query and says whether exactly one is the person. Pure: the
 * candidates come from `RegisterReader.findCandidates`. Reasons are codes, never personal data.
 */
export function matchPerson(
  query: PersonQuery,
  candidates: readonly PersonRecord[],
  thresholds: MatchThresholds = DEFAULT_MATCH_THRESHOLDS,
): MatchResult {
  const scored = candidates
    .map((candidate) => scoreCandidate(query, candidate, thresholds))
    .filter((match) => match.confidence >= thresholds.review)
    .sort((a, b) => b.confidence - a.confidence || (a.personId < b.personId ? -1 : 1));

  const [best, runnerUp] = scored;
  if (!best) return { outcome: 'none', matches: [] };
  const clearWinner =
    best.confidence >= thresholds.accept && (!runnerUp || best.confidence - runnerUp.confidence >= thresholds.margin);
  return { outcome: clearWinner ? 'one' : 'several', matches: scored };
}

export function scoreCandidate(query: PersonQuery, candidate: PersonRecord, thresholds: MatchThresholds): PersonMatch {
  const evidence: Evidence = { points: 0, reasons: [] };
  const add = (points: number, reason: MatchReason) => {
    evidence.points += points;
    evidence.reasons.push(reason);
  };

  const identifiers = compareIdentifiers(query.identifiers ?? [], candidate.identifiers);
  if (identifiers === 'equal') evidence.reasons.push('IDENTIFIER_EQUAL');
  if (identifiers === 'conflict') add(POINTS.identifierConflict, 'IDENTIFIER_CONFLICT');

  scoreSurname(query, candidate, add);
  scoreForenames(query.forenames, candidate.forenames, add);

  const birthDate = compareDates(query.birthDate, candidate.birthDate);
  if (birthDate === 'equal') add(POINTS.birthDateEqual, 'BIRTH_DATE_EQUAL');
  else if (birthDate === 'compatible') add(POINTS.birthDateCompatible, 'BIRTH_DATE_COMPATIBLE');
  else add(POINTS.birthDateConflict, 'BIRTH_DATE_CONFLICT');

  scoreBirthPlace(query.birthPlace ?? null, candidate.birthPlace, add);

  const sex = query.sex ?? 'NOT_KNOWN';
  if (sex !== 'NOT_KNOWN' && candidate.sex !== 'NOT_KNOWN' && sex !== candidate.sex) add(POINTS.sexConflict, 'SEX_CONFLICT');

  let confidence = evidence.points;
  if (identifiers === 'equal') {
    // ...unless the birth date or sex contradicts it: then a person must look, whatever the names say.
    const contradicted = evidence.reasons.includes('BIRTH_DATE_CONFLICT') || evidence.reasons.includes('SEX_CONFLICT');
    confidence = contradicted ? Math.max(thresholds.review, Math.min(confidence, thresholds.accept - 0.01)) : Math.max(confidence, IDENTIFIER_FLOOR);
  }
  return { personId: candidate.personId, confidence: round(clamp(confidence)), reasons: evidence.reasons };
}

type Add = (points: number, reason: MatchReason) => void;

function scoreSurname(query: PersonQuery, candidate: PersonRecord, add: Add): void {
  const queryWords = [...nameTokens(query.surname), ...nameTokens(query.secondSurname ?? '')];
  const candidateWords = [...nameTokens(candidate.surname), ...nameTokens(candidate.secondSurname ?? '')];
  const exact = queryWords.join(' ') === candidateWords.join(' ');
  const queryLoose = queryWords.map(looseKey);
  const candidateLoose = candidateWords.map(looseKey);

  if (exact) return add(POINTS.surnameEqual, 'SURNAME_EQUAL');
  if (queryLoose.join(' ') === candidateLoose.join(' ')) return add(POINTS.surnameTransliterated, 'SURNAME_EQUAL_TRANSLITERATED');
  // Multiple surnames: one side gives both, the other only one (García López / García).
  if (isSubset(queryLoose, candidateLoose) || isSubset(candidateLoose, queryLoose)) {
    return add(POINTS.surnamePartial, 'SURNAME_PARTIAL');
  }
  if (otherNamesMatch(query, candidate)) return add(POINTS.otherName, 'OTHER_NAME_EQUAL');
  if (similarSpelling(queryLoose.join(''), candidateLoose.join(''))) return add(POINTS.surnameSimilar, 'SURNAME_SIMILAR');
  add(POINTS.surnameDifferent, 'SURNAME_DIFFERENT');
}

/** The query's surname is one of the candidate's former names or aliases, or the other way round. */
function otherNamesMatch(query: PersonQuery, candidate: PersonRecord): boolean {
  const lastWord = (name: string) => looseKey(nameTokens(name).slice(-1)[0] ?? '');
  const querySurname = looseKey(nameTokens(query.surname).join(''));
  const candidateSurname = looseKey(nameTokens(candidate.surname).join(''));
  return (
    candidate.otherNames.some((name) => lastWord(name) === querySurname) ||
    (query.otherNames ?? []).some((name) => lastWord(name) === candidateSurname)
  );
}

function scoreForenames(query: readonly string[], candidate: readonly string[], add: Add): void {
  const queryWords = query.flatMap(nameTokens);
  const candidateWords = candidate.flatMap(nameTokens);
  const [queryFirst, candidateFirst] = [queryWords[0], candidateWords[0]];
  if (queryFirst === undefined || candidateFirst === undefined) return;

  if (queryWords.join(' ') === candidateWords.join(' ')) return add(POINTS.forenameEqual, 'FORENAME_EQUAL');
  if (queryFirst === candidateFirst && (queryWords.length === 1 || candidateWords.length === 1)) {
    return add(POINTS.forenameEqual, 'FORENAME_EQUAL');
  }
  const queryLoose = queryWords.map(looseKey);
  const candidateLoose = candidateWords.map(looseKey);
  if (queryLoose[0] === candidateLoose[0] && (queryLoose.length === 1 || candidateLoose.length === 1 || queryLoose.join() === candidateLoose.join())) {
    return add(POINTS.forenameTransliterated, 'FORENAME_EQUAL_TRANSLITERATED');
  }
  // Some forename in common, or an initial that fits ("J." for John): plausible, not decisive.
  const initialFits = (a: string, b: string) => (a.length === 1 || b.length === 1) && a[0] === b[0];
  if (queryLoose.some((q) => candidateLoose.some((c) => q === c || initialFits(q, c)))) {
    return add(POINTS.forenamePartial, 'FORENAME_PARTIAL');
  }
  if (similarSpelling(queryLoose[0] as string, candidateLoose[0] as string)) return add(POINTS.forenameSimilar, 'FORENAME_SIMILAR');
  add(POINTS.forenameDifferent, 'FORENAME_DIFFERENT');
}

/** equal: every part known on both sides and the same; compatible: no known part differs. */
export function compareDates(a: PartialDate, b: PartialDate): 'equal' | 'compatible' | 'conflict' {
  if (a.year !== b.year) return 'conflict';
  if (a.month !== null && b.month !== null && a.month !== b.month) return 'conflict';
  if (a.day !== null && b.day !== null && a.day !== b.day) return 'conflict';
  const complete = (d: PartialDate) => d.month !== null && d.day !== null;
  return complete(a) && complete(b) ? 'equal' : 'compatible';
}

function scoreBirthPlace(query: BirthPlace | null, candidate: BirthPlace, add: Add): void {
  if (!query || query.country === null || candidate.country === null) return;
  if (query.country !== candidate.country) return add(POINTS.birthPlaceConflict, 'BIRTH_PLACE_CONFLICT');
  if (query.town === null || candidate.town === null) return add(POINTS.birthCountryEqual, 'BIRTH_COUNTRY_EQUAL');
  const town = (name: string) => looseKey(normaliseName(name).replace(/ /g, ''));
  if (town(query.town) === town(candidate.town)) return add(POINTS.birthPlaceEqual, 'BIRTH_PLACE_EQUAL');
  add(POINTS.birthPlaceConflict, 'BIRTH_PLACE_CONFLICT');
}

/**
 * equal: some identifier of the same kind and country has the same value. conflict: both hold a PNC id
 * or a national id of the same country and none is equal (an identity document is no conflict:
 * people renew passports).
 */
function compareIdentifiers(query: readonly PersonIdentifier[], candidate: readonly PersonIdentifier[]): 'equal' | 'conflict' | 'none' {
  const slot = (id: PersonIdentifier) => `${id.kind}/${id.country ?? ''}`;
  const key = (id: PersonIdentifier) => `${slot(id)}/${normaliseIdentifier(id.value)}`;
  const candidateKeys = new Set(candidate.map(key));
  if (query.some((id) => candidateKeys.has(key(id)))) return 'equal';
  const candidateSlots = new Set(candidate.filter((id) => id.kind !== 'ID_DOCUMENT').map(slot));
  return query.some((id) => id.kind !== 'ID_DOCUMENT' && candidateSlots.has(slot(id))) ? 'conflict' : 'none';
}

function isSubset(small: readonly string[], large: readonly string[]): boolean {
  return small.length > 0 && small.every((word) => large.includes(word));
}

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const round = (value: number) => Math.round(value * 100) / 100;
