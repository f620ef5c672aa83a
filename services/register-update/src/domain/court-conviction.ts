/**
 * A UK conviction from the court feed as the register keeps it. The court event carries the whole
 * conviction as it now stands, so each event maps on its own, without earlier ones.
 */
import type { CourtConviction, CourtPerson } from '@ecris/contracts';
import type { ConvictionContent, NewPerson, PersonQuery } from '@ecris/register';
import { ukSanctionKind } from './sanction-kind';
import { isChildSexualUkOffence, type RegisterTables } from './tables';

export function personQueryOfCourt(person: CourtPerson): PersonQuery {
  return {
    forenames: person.forenames,
    surname: person.surname,
    secondSurname: null,
    otherNames: person.otherNames,
    sex: person.sex,
    birthDate: person.dateOfBirth,
    birthPlace: { country: person.placeOfBirthCountry, town: person.placeOfBirthTown },
    nationalities: person.nationalities,
    identifiers: person.pncId ? [{ kind: 'PNC_ID', value: person.pncId, country: null }] : [],
  };
}

/** The person to create when the register has nobody like them (UK court events only). */
export function newPersonOfCourt(personId: string, person: CourtPerson): NewPerson {
  const query = personQueryOfCourt(person);
  return {
    personId,
    forenames: query.forenames,
    surname: query.surname,
    secondSurname: null,
    otherNames: query.otherNames ?? [],
    sex: person.sex,
    birthDate: person.dateOfBirth,
    birthPlace: { country: person.placeOfBirthCountry, town: person.placeOfBirthTown },
    nationalities: person.nationalities,
    identifiers: query.identifiers ?? [],
  };
}

export function courtContentOf(convictionReference: string, conviction: CourtConviction, tables: RegisterTables): ConvictionContent {
  return {
    convictionDate: conviction.convictionDate,
    finalDate: conviction.finalDate,
    decidingAuthority: conviction.court.name,
    fileNumber: null,
    // The UK decides about passing on its own convictions; the ECRIS flag restricts foreign ones.
    isTransmittable: 'Yes',
    nonCriminalRuling: 'No',
    offences: conviction.offences.map((offence) => ({
      offenceId: offence.offenceSeq,
      ecrisCategoryRef: null,
      offenceCode: offence.ukOffenceCode,
      title: offence.title,
      titles: [{ lang: 'en', translated: false, text: offence.title }],
      legalProvisions: offence.statute,
      committedFrom: offence.committedFrom,
      committedTo: offence.committedTo,
      childSexualOffence: isChildSexualUkOffence(tables.childSexual, offence.ukOffenceCode, offence.statute),
      recordableEquivalent: 'NOT_APPLICABLE',
      onRegister: true,
    })),
    sanctions: conviction.sentences.map((sentence) => ({
      sanctionId: sentence.sentenceSeq,
      ecrisCategoryRef: null,
      sanctionCode: sentence.disposalCode,
      kind: ukSanctionKind(sentence),
      title: sentence.description,
      titles: [{ lang: 'en', translated: false, text: sentence.description }],
      duration: sentence.duration,
      suspendedFor: sentence.suspendedFor,
      startDate: sentence.startDate,
      endDate: null,
      fineAmount: sentence.fineAmount,
      fineCurrency: sentence.fineAmount === null ? null : 'GBP',
      offenceIds: sentence.offenceSeqs,
    })),
    received: { convictionReference, conviction },
  };
}
