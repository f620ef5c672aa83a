/**
 * A translated foreign notification (TextTranslated v2 of a NOT) as the register sees it: who it is
 * about (a PersonQuery), which conviction, whether it updates or deletes an earlier one, and the
 * conviction's content with each offence's recordable-equivalent decision.
 */
import type { EnglishConviction, EnglishOffence, EnglishSanction, Person, TextRepresentation, TextTranslated } from '@ecris/contracts';
import type { ConvictionContent, PersonIdentifier, PersonQuery, RegisterOffence, RegisterSanction, RegisterText, YesNoUnknown } from '@ecris/register';
import { ecrisConvictionOf } from './ecris-conviction';
import { foreignSanctionKind } from './sanction-kind';
import { isChildSexualEcrisOffence, recordableEquivalentOf, type RegisterTables } from './tables';

export interface ForeignNotification {
  readonly messageId: string;
  /** ISO alpha-2 (ECRIS wire code) of the sending, i.e. convicting, state. */
  readonly senderState: string;
  readonly person: PersonQuery;
  /** The ECRIS id of the conviction this NOT carries. */
  readonly ecrisConvictionId: string;
  /** For an update NOT: the ECRIS id of the conviction it updates; null for a first notification. */
  readonly updates: string | null;
  readonly deleteFromRegister: YesNoUnknown;
  readonly content: ConvictionContent;
}

/** Why a TextTranslated cannot be put on the register; codes for a dead letter, no personal data. */
export type Unusable =
  | { readonly code: 'NOT_A_NOTIFICATION' }
  | { readonly code: 'INCOMPLETE_TRANSLATION'; readonly detail: string }
  | { readonly code: 'NOT_A_UK_NATIONAL' }
  | { readonly code: 'UNSUPPORTED_CONVICTION_REFERENCE' };

/** Maps an ECRIS country reference (CO-00-826-GBR) to ISO alpha-2, where reference data knows it. */
export type CountryOf = (countryRef: string) => string | undefined;

/** `ourState`: our ECRIS wire code (GB); the register holds convictions of our nationals only. */
export function readForeignNotification(
  value: TextTranslated,
  tables: RegisterTables,
  countryOf: CountryOf,
  ourState: string,
): ForeignNotification | Unusable {
  // Translations of request answers (RRS) travel on the same topic for request-out; v1 records carry texts only.
  if (value.messageType !== 'NOT') return { code: 'NOT_A_NOTIFICATION' };
  const [conviction, ...more] = value.convictions;
  if (!value.person || !value.senderState || !conviction || more.length > 0) {
    return { code: 'INCOMPLETE_TRANSLATION', detail: 'a NOT needs the person, the sender and exactly one conviction' };
  }
  const reference = value.updatedConvictionReference;
  if (reference && !reference.ecrisConvictionId) return { code: 'UNSUPPORTED_CONVICTION_REFERENCE' };

  const person = personQueryOf(value.person, countryOf);
  if (!person.nationalities?.includes(ourState)) return { code: 'NOT_A_UK_NATIONAL' };
  return {
    messageId: value.sourceMessageId,
    senderState: value.senderState,
    person,
    ecrisConvictionId: conviction.convictionId,
    updates: reference?.ecrisConvictionId ?? null,
    deleteFromRegister: conviction.deleteFromRegister,
    content: contentOf(conviction, tables),
  };
}

export function personQueryOf(person: Person, countryOf: CountryOf): PersonQuery {
  const { name } = person;
  const forename = name.forename.text;
  const identifiers: PersonIdentifier[] = [
    // The issuing country of these is not given in a NOT: compared only with others of unknown country.
    ...(person.identityNumber ? [{ kind: 'NATIONAL_ID' as const, value: person.identityNumber, country: null }] : []),
    ...person.identificationDocuments.map((doc) => ({ kind: 'ID_DOCUMENT' as const, value: doc.number, country: null })),
  ];
  return {
    forenames: [forename],
    surname: name.surname.text,
    secondSurname: name.secondSurname?.text ?? null,
    otherNames: [
      ...person.formerSurnames.map((former) => `${forename} ${former.text}`),
      ...person.aliases.map((alias) => `${alias.name.forename.text} ${alias.name.surname.text}`),
    ],
    sex: person.sex,
    birthDate: person.birthDate,
    birthPlace: { country: countryOf(person.birthPlace.countryRef) ?? null, town: person.birthPlace.townName[0]?.text ?? null },
    nationalities: person.nationalityRefs.map((ref) => countryOf(ref)).filter((code): code is string => code !== undefined),
    identifiers,
  };
}

function contentOf(conviction: EnglishConviction, tables: RegisterTables): ConvictionContent {
  return {
    convictionDate: conviction.decisionDate,
    finalDate: conviction.decisionFinalDate,
    decidingAuthority: englishOf(conviction.decidingAuthority.name) ?? '',
    fileNumber: conviction.fileNumber,
    isTransmittable: conviction.isTransmittable,
    nonCriminalRuling: conviction.nonCriminalRuling,
    offences: conviction.offences.map((offence) => offenceOf(offence, tables)),
    sanctions: conviction.sanctions.map((sanction) => sanctionOf(sanction, conviction)),
    received: ecrisConvictionOf(conviction),
  };
}

function offenceOf(offence: EnglishOffence, tables: RegisterTables): RegisterOffence {
  const categoryRef = offence.category.ref;
  const recordableEquivalent = recordableEquivalentOf(tables.recordable, categoryRef);
  return {
    offenceId: offence.offenceId,
    ecrisCategoryRef: categoryRef,
    offenceCode: offence.nationalCategoryCode,
    title: englishOf(offence.nationalTitle) ?? offence.category.label ?? categoryRef,
    titles: offence.nationalTitle.map(registerText),
    legalProvisions: englishOf(offence.applicableLegalProvisions) ?? '',
    committedFrom: offence.startDate,
    committedTo: offence.endDate,
    childSexualOffence: isChildSexualEcrisOffence(tables.childSexual, categoryRef),
    recordableEquivalent,
    onRegister: recordableEquivalent === 'YES',
  };
}

function sanctionOf(sanction: EnglishSanction, conviction: EnglishConviction): RegisterSanction {
  const period = sanction.sentencedPeriod ?? sanction.executionPeriod;
  return {
    sanctionId: sanction.sanctionId,
    ecrisCategoryRef: sanction.category.ref,
    sanctionCode: sanction.nationalCategoryCode,
    kind: foreignSanctionKind({
      categoryRef: sanction.category.ref,
      suspended: sanction.suspension !== null,
      hasFineAmount: sanction.amountOfIndividualFine !== null,
    }),
    title: englishOf(sanction.nationalTitle) ?? sanction.category.label ?? sanction.category.ref,
    titles: sanction.nationalTitle.map(registerText),
    duration: sanction.sentencedPeriod?.duration ?? null,
    suspendedFor: sanction.suspension ? (sanction.suspension.probationDuration ?? sanction.suspension.duration) : null,
    startDate: period?.startDate ?? null,
    endDate: period?.endDate ?? null,
    fineAmount: totalFine(sanction.numberOfFines, sanction.amountOfIndividualFine),
    fineCurrency: sanction.currencyOfFine ? currencyCode(sanction.currencyOfFine.ref) : null,
    offenceIds: conviction.sanctionToOffences.filter((link) => link.sanctionId === sanction.sanctionId).flatMap((link) => link.offenceIds),
  };
}

/** The English rendering of a multilingual text (a translation or an English original), else none. */
export function englishOf(texts: readonly TextRepresentation[]): string | undefined {
  return (texts.find((t) => t.lang === 'en' && t.translated === true) ?? texts.find((t) => t.lang === 'en'))?.text;
}

const registerText = (t: TextRepresentation): RegisterText => ({ lang: t.lang, translated: t.translated === true, text: t.text });

/** Number of fines x amount of one (day-fines); exact in cents, as a decimal string. */
export function totalFine(count: number | null, amount: string | null): string | null {
  if (amount === null) return null;
  const [units = '0', fraction = ''] = amount.split('.');
  const oneInCents = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  const total = oneInCents * BigInt(count ?? 1);
  return `${total / 100n}.${String(total % 100n).padStart(2, '0')}`;
}

/** `CX-00-978-EUR` -> `EUR`. */
export function currencyCode(ref: string): string | null {
  return /^CX-[0-9]{2}-[0-9]{3}-([A-Z]{3})$/.exec(ref)?.[1] ?? null;
}
