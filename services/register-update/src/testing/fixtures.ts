/**
 * Test inputs built from the golden fixtures in schemas/ (invented people), with ids made unique per
 * test so rows in the shared test database never collide between tests or runs.
 */
import { randomUUID } from 'node:crypto';
import { SchemaNames, type ConvictionAmended, type ConvictionRecorded, type ConvictionRemoved, type Person, type TextTranslated } from '@ecris/contracts';
import { loadFixture, uniqueSerials } from '@ecris/testing';

/** 15 digits unique to this run and call. */
export const uniqueSerial = uniqueSerials();

/** A surname no other test uses: 12 random letters (names have no digits), from 'b'..'q' without 'h' or 'j'. */
export function uniqueSurname(base = 'Sample'): string {
  const letters = 'bdfgiklmnopqrstv';
  return `${base}${[...randomUUID().replace(/-/g, '').slice(0, 12)].map((hex) => letters[parseInt(hex, 16)]).join('')}`;
}

export interface TranslatedNotificationOptions {
  readonly serial?: string;
  readonly sender?: string;
  readonly surname?: string;
  readonly forename?: string;
  readonly birthDate?: Person['birthDate'];
  /** The ECRIS id of the conviction carried; defaults to one derived from the serial. */
  readonly convictionId?: string;
  /** Makes it an update NOT of this conviction. */
  readonly updates?: string;
  readonly deleteFromRegister?: boolean;
  /** Replaces the sanction's sentenced period (a variation). */
  readonly sentence?: { duration: string; suspendedFor?: string };
}

/** A translated Spanish NOT about a UK national (TextTranslated v2), as translation emits it. */
export function translatedNotification(options: TranslatedNotificationOptions = {}): TextTranslated {
  const value = loadFixture<TextTranslated>(SchemaNames.textTranslated, 2);
  const sender = options.sender ?? 'ES';
  const serial = options.serial ?? uniqueSerial();
  const messageId = `${sender}-GB-NOT-${serial}`;
  const [conviction] = value.convictions;
  const person = value.person!;
  const deleted = options.deleteFromRegister === true;
  return {
    ...value,
    meta: { ...value.meta, id: randomUUID(), correlationId: messageId, subject: messageId },
    translationId: `TR-${messageId}`,
    sourceMessageId: messageId,
    senderState: sender,
    person: {
      ...person,
      name: {
        ...person.name,
        forename: { lang: null, text: options.forename ?? person.name.forename.text },
        surname: { lang: null, text: options.surname ?? person.name.surname.text },
      },
      birthDate: options.birthDate ?? person.birthDate,
    },
    updatedConvictionReference: options.updates ? { ecrisConvictionId: options.updates, njrConvictionReference: null, externalConviction: null } : null,
    convictions: [
      {
        ...conviction!,
        convictionId: options.convictionId ?? `${sender}-C-${serial}`,
        deleteFromRegister: deleted ? 'Yes' : 'No',
        decisions: deleted
          ? [...conviction!.decisions, { ...conviction!.decisions[0]!, decisionId: 'D-00002', deleteConvictionFromRegister: 'Yes' }]
          : conviction!.decisions,
        sanctions: conviction!.sanctions.map((sanction) =>
          options.sentence
            ? {
                ...sanction,
                sentencedPeriod: { ...sanction.sentencedPeriod!, duration: options.sentence.duration },
                suspension: options.sentence.suspendedFor
                  ? {
                      typeRef: 'S-00-A',
                      startDate: null,
                      duration: null,
                      endDate: null,
                      durationSuspendedPart: options.sentence.duration,
                      probationDuration: options.sentence.suspendedFor,
                      partiallySuspendedAmount: null,
                      remarks: [],
                    }
                  : null,
              }
            : sanction,
        ),
      },
    ],
  };
}

export interface CourtPersonOptions {
  readonly surname: string;
  readonly forenames?: string[];
  readonly nationalities?: string[];
  readonly pncId?: string | null;
}

export function convictionRecorded(reference: string, person: CourtPersonOptions): ConvictionRecorded {
  const value = loadFixture<ConvictionRecorded>(SchemaNames.convictionRecorded, 1);
  return {
    ...value,
    meta: { ...value.meta, id: randomUUID(), correlationId: reference, subject: reference },
    convictionReference: reference,
    conviction: {
      ...value.conviction,
      person: {
        ...value.conviction.person,
        forenames: person.forenames ?? ['Sam'],
        surname: person.surname,
        otherNames: [],
        dateOfBirth: { year: 1990, month: 5, day: 17 },
        placeOfBirthTown: 'Leeds',
        placeOfBirthCountry: 'GB',
        nationalities: person.nationalities ?? ['GB'],
        pncId: person.pncId ?? null,
      },
    },
  };
}

export function convictionAmended(recorded: ConvictionRecorded, sentence: { duration: string; suspendedFor: string | null }): ConvictionAmended {
  const value = loadFixture<ConvictionAmended>(SchemaNames.convictionAmended, 1);
  return {
    ...value,
    meta: { ...value.meta, id: randomUUID(), correlationId: recorded.convictionReference, subject: recorded.convictionReference },
    convictionReference: recorded.convictionReference,
    conviction: {
      ...recorded.conviction,
      sentences: recorded.conviction.sentences.map((s) => ({ ...s, duration: sentence.duration, suspendedFor: sentence.suspendedFor })),
    },
  };
}

export function convictionRemoved(reference: string): ConvictionRemoved {
  const value = loadFixture<ConvictionRemoved>(SchemaNames.convictionRemoved, 1);
  return { ...value, meta: { ...value.meta, id: randomUUID(), correlationId: reference, subject: reference }, convictionReference: reference };
}
