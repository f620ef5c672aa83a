/**
 * How each simulated member state writes: its language, names, towns, courts, and a few offences and
 * sentences as its own register words them, each with an English rendering (the machine-translation
 * stand-in answers with it). Offences use only Annex A categories our reference data knows (groups 02-04),
 * so every simulated message is valid; the legal provisions cited are the states' real ones for those
 * offences. Names and towns are common ones; the people made from them are invented.
 */

/** A text in the state's language and how it reads in English. */
export interface Phrase {
  readonly text: string;
  readonly en: string;
}

export interface OffenceWording {
  /** Annex A category `NNNN NN`. */
  readonly category: string;
  readonly title: Phrase;
  /** ECRIS gives legal provisions no language: a plain string, in the state's own citation style. */
  readonly provisions: Phrase;
}

export interface SentenceWording {
  /** Annex B category `NNNN`: 1001 deprivation of liberty, 8001 fine (the ones reference data knows). */
  readonly category: '1001' | '8001';
  readonly title: Phrase;
}

export interface MemberStateProfile {
  /** ECRIS wire code (ISO 3166-1 alpha-2). */
  readonly code: string;
  /** ISO 639-1. */
  readonly lang: string;
  readonly currencyRef: string;
  readonly forenames: { readonly MALE: readonly string[]; readonly FEMALE: readonly string[] };
  readonly surnames: readonly string[];
  /** Spanish-style second surnames, where the state uses them. */
  readonly secondSurnames?: readonly string[];
  readonly towns: readonly string[];
  readonly courts: readonly Phrase[];
  /** The court that decides on appeal: the deciding authority of an update. */
  readonly appealCourt: Phrase;
  readonly offences: readonly OffenceWording[];
  readonly imprisonment: SentenceWording;
  readonly fine: SentenceWording;
  /** The remark of an update that changes the sentence, and of one that deletes the conviction. */
  readonly sentenceChanged: Phrase;
  readonly convictionQuashed: Phrase;
  /** The purpose of a request, as the state's authorities write it. */
  readonly criminalProceedings: Phrase;
  readonly workWithChildren: Phrase;
}

const phrase = (text: string, en: string): Phrase => ({ text, en });

export const MEMBER_STATE_PROFILES: readonly MemberStateProfile[] = [
  {
    code: 'FR',
    lang: 'fr',
    currencyRef: 'CX-00-978-EUR',
    forenames: { MALE: ['Jean', 'Pierre', 'Julien', 'Nicolas', 'Thomas'], FEMALE: ['Marie', 'Camille', 'Sophie', 'Claire', 'Julie'] },
    surnames: ['Martin', 'Bernard', 'Dubois', 'Moreau', 'Laurent', 'Lefèvre'],
    towns: ['Lyon', 'Marseille', 'Lille', 'Bordeaux', 'Toulouse'],
    courts: [phrase('Tribunal correctionnel de Lyon', 'Lyon Criminal Court'), phrase('Tribunal correctionnel de Marseille', 'Marseille Criminal Court')],
    appealCourt: phrase("Cour d'appel de Paris", 'Paris Court of Appeal'),
    offences: [
      {
        category: '0202 00',
        title: phrase('Participation à une association de malfaiteurs', 'Participation in a criminal association'),
        provisions: phrase('Code pénal, art. 450-1', 'Criminal Code, art. 450-1'),
      },
      {
        category: '0400 00',
        title: phrase('Traite des êtres humains', 'Trafficking in human beings'),
        provisions: phrase('Code pénal, art. 225-4-1', 'Criminal Code, art. 225-4-1'),
      },
      {
        category: '0303 00',
        title: phrase("Financement d'une entreprise terroriste", 'Financing of a terrorist undertaking'),
        provisions: phrase('Code pénal, art. 421-2-2', 'Criminal Code, art. 421-2-2'),
      },
    ],
    imprisonment: { category: '1001', title: phrase('Emprisonnement', 'Imprisonment') },
    fine: { category: '8001', title: phrase('Amende', 'Fine') },
    sentenceChanged: phrase('Peine modifiée en appel', 'Sentence varied on appeal'),
    convictionQuashed: phrase('Condamnation annulée en appel', 'Conviction quashed on appeal'),
    criminalProceedings: phrase('Procédure pénale', 'Criminal proceedings'),
    workWithChildren: phrase('Recrutement pour un emploi auprès de mineurs', 'Recruitment for work with minors'),
  },
  {
    code: 'DE',
    lang: 'de',
    currencyRef: 'CX-00-978-EUR',
    forenames: { MALE: ['Lukas', 'Jonas', 'Maximilian', 'Felix', 'Stefan'], FEMALE: ['Anna', 'Laura', 'Julia', 'Katharina', 'Sabine'] },
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner'],
    towns: ['München', 'Berlin', 'Hamburg', 'Köln', 'Frankfurt am Main'],
    courts: [phrase('Landgericht Berlin', 'Berlin Regional Court'), phrase('Amtsgericht München', 'Munich Local Court')],
    appealCourt: phrase('Bundesgerichtshof', 'Federal Court of Justice'),
    offences: [
      {
        category: '0202 00',
        title: phrase('Beteiligung an einer kriminellen Vereinigung', 'Participation in a criminal organisation'),
        provisions: phrase('§ 129 StGB', 'Section 129 of the Criminal Code'),
      },
      {
        category: '0400 00',
        title: phrase('Menschenhandel', 'Human trafficking'),
        provisions: phrase('§ 232 StGB', 'Section 232 of the Criminal Code'),
      },
      {
        category: '0302 00',
        title: phrase('Mitgliedschaft in einer terroristischen Vereinigung', 'Membership of a terrorist organisation'),
        provisions: phrase('§ 129a StGB', 'Section 129a of the Criminal Code'),
      },
    ],
    imprisonment: { category: '1001', title: phrase('Freiheitsstrafe', 'Custodial sentence') },
    fine: { category: '8001', title: phrase('Geldstrafe', 'Fine') },
    sentenceChanged: phrase('Strafe im Revisionsverfahren geändert', 'Sentence changed on appeal'),
    convictionQuashed: phrase('Verurteilung im Revisionsverfahren aufgehoben', 'Conviction set aside on appeal'),
    criminalProceedings: phrase('Strafverfahren', 'Criminal proceedings'),
    workWithChildren: phrase('Einstellung für eine Tätigkeit mit Minderjährigen', 'Hiring for work with minors'),
  },
  {
    code: 'ES',
    lang: 'es',
    currencyRef: 'CX-00-978-EUR',
    forenames: { MALE: ['Javier', 'Carlos', 'Miguel', 'Alejandro', 'David'], FEMALE: ['María', 'Lucía', 'Carmen', 'Laura', 'Elena'] },
    surnames: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez'],
    secondSurnames: ['Gómez', 'Díaz', 'Ruiz', 'Moreno', 'Romero'],
    towns: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Málaga'],
    courts: [phrase('Audiencia Provincial de Madrid', 'Madrid Provincial Court'), phrase('Juzgado de lo Penal n.º 3 de Barcelona', 'Barcelona Criminal Court No. 3')],
    appealCourt: phrase('Tribunal Supremo', 'Supreme Court'),
    offences: [
      {
        category: '0202 00',
        title: phrase('Pertenencia a organización criminal', 'Membership of a criminal organisation'),
        provisions: phrase('Código Penal, art. 570 bis', 'Criminal Code, art. 570 bis'),
      },
      {
        category: '0400 00',
        title: phrase('Trata de seres humanos', 'Trafficking in human beings'),
        provisions: phrase('Código Penal, art. 177 bis', 'Criminal Code, art. 177 bis'),
      },
      {
        category: '0303 00',
        title: phrase('Financiación del terrorismo', 'Financing of terrorism'),
        provisions: phrase('Código Penal, art. 576', 'Criminal Code, art. 576'),
      },
    ],
    imprisonment: { category: '1001', title: phrase('Prisión', 'Imprisonment') },
    fine: { category: '8001', title: phrase('Multa', 'Fine') },
    sentenceChanged: phrase('Pena modificada en casación', 'Sentence varied on cassation appeal'),
    convictionQuashed: phrase('Condena anulada en casación', 'Conviction annulled on cassation appeal'),
    criminalProceedings: phrase('Proceso penal', 'Criminal proceedings'),
    workWithChildren: phrase('Contratación para un trabajo con menores', 'Recruitment for work with minors'),
  },
  {
    code: 'IT',
    lang: 'it',
    currencyRef: 'CX-00-978-EUR',
    forenames: { MALE: ['Marco', 'Luca', 'Giuseppe', 'Alessandro', 'Francesco'], FEMALE: ['Giulia', 'Francesca', 'Chiara', 'Sara', 'Valentina'] },
    surnames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano'],
    towns: ['Milano', 'Napoli', 'Torino', 'Roma', 'Bologna'],
    courts: [phrase('Tribunale di Milano', 'Milan Court'), phrase('Tribunale di Napoli', 'Naples Court')],
    appealCourt: phrase("Corte d'appello di Roma", 'Rome Court of Appeal'),
    offences: [
      {
        category: '0202 00',
        title: phrase('Associazione per delinquere', 'Criminal conspiracy'),
        provisions: phrase('Codice penale, art. 416', 'Criminal Code, art. 416'),
      },
      {
        category: '0400 00',
        title: phrase('Tratta di persone', 'Trafficking in persons'),
        provisions: phrase('Codice penale, art. 601', 'Criminal Code, art. 601'),
      },
      {
        category: '0302 00',
        title: phrase('Associazione con finalità di terrorismo', 'Association for the purposes of terrorism'),
        provisions: phrase('Codice penale, art. 270-bis', 'Criminal Code, art. 270-bis'),
      },
    ],
    imprisonment: { category: '1001', title: phrase('Reclusione', 'Imprisonment') },
    fine: { category: '8001', title: phrase('Multa', 'Fine') },
    sentenceChanged: phrase('Pena rideterminata in appello', 'Sentence redetermined on appeal'),
    convictionQuashed: phrase('Condanna annullata in appello', 'Conviction annulled on appeal'),
    criminalProceedings: phrase('Procedimento penale', 'Criminal proceedings'),
    workWithChildren: phrase('Assunzione per un lavoro a contatto con minori', 'Recruitment for work involving contact with minors'),
  },
  {
    code: 'PL',
    lang: 'pl',
    currencyRef: 'CX-00-985-PLN',
    forenames: { MALE: ['Piotr', 'Krzysztof', 'Tomasz', 'Paweł', 'Michał'], FEMALE: ['Anna', 'Katarzyna', 'Magdalena', 'Agnieszka', 'Joanna'] },
    surnames: ['Nowak', 'Wójcik', 'Kowalczyk', 'Mazur', 'Krawczyk', 'Zając'],
    towns: ['Warszawa', 'Kraków', 'Gdańsk', 'Wrocław', 'Poznań'],
    courts: [phrase('Sąd Okręgowy w Krakowie', 'Kraków Regional Court'), phrase('Sąd Rejonowy dla Warszawy-Mokotowa', 'Warsaw-Mokotów District Court')],
    appealCourt: phrase('Sąd Apelacyjny w Gdańsku', 'Gdańsk Court of Appeal'),
    offences: [
      {
        category: '0202 00',
        title: phrase('Udział w zorganizowanej grupie przestępczej', 'Participation in an organised criminal group'),
        provisions: phrase('Kodeks karny, art. 258 § 1', 'Criminal Code, art. 258 § 1'),
      },
      {
        category: '0400 00',
        title: phrase('Handel ludźmi', 'Trafficking in human beings'),
        provisions: phrase('Kodeks karny, art. 189a § 1', 'Criminal Code, art. 189a § 1'),
      },
      {
        category: '0303 00',
        title: phrase('Finansowanie przestępstwa o charakterze terrorystycznym', 'Financing of a terrorist offence'),
        provisions: phrase('Kodeks karny, art. 165a', 'Criminal Code, art. 165a'),
      },
    ],
    imprisonment: { category: '1001', title: phrase('Kara pozbawienia wolności', 'Deprivation of liberty') },
    fine: { category: '8001', title: phrase('Grzywna', 'Fine') },
    sentenceChanged: phrase('Kara zmieniona w postępowaniu odwoławczym', 'Sentence changed on appeal'),
    convictionQuashed: phrase('Wyrok uchylony w postępowaniu odwoławczym', 'Judgment set aside on appeal'),
    criminalProceedings: phrase('Postępowanie karne', 'Criminal proceedings'),
    workWithChildren: phrase('Zatrudnienie przy pracy z małoletnimi', 'Employment in work with minors'),
  },
  {
    code: 'NL',
    lang: 'nl',
    currencyRef: 'CX-00-978-EUR',
    forenames: { MALE: ['Daan', 'Sem', 'Lucas', 'Bram', 'Thijs'], FEMALE: ['Emma', 'Sophie', 'Julia', 'Anna', 'Lotte'] },
    surnames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser'],
    towns: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Den Haag', 'Eindhoven'],
    courts: [phrase('Rechtbank Amsterdam', 'Amsterdam District Court'), phrase('Rechtbank Rotterdam', 'Rotterdam District Court')],
    appealCourt: phrase('Gerechtshof Den Haag', 'The Hague Court of Appeal'),
    offences: [
      {
        category: '0202 00',
        title: phrase('Deelneming aan een criminele organisatie', 'Participation in a criminal organisation'),
        provisions: phrase('Wetboek van Strafrecht, art. 140', 'Criminal Code, art. 140'),
      },
      {
        category: '0400 00',
        title: phrase('Mensenhandel', 'Human trafficking'),
        provisions: phrase('Wetboek van Strafrecht, art. 273f', 'Criminal Code, art. 273f'),
      },
      {
        category: '0303 00',
        title: phrase('Financieren van terrorisme', 'Financing of terrorism'),
        provisions: phrase('Wetboek van Strafrecht, art. 421', 'Criminal Code, art. 421'),
      },
    ],
    imprisonment: { category: '1001', title: phrase('Gevangenisstraf', 'Imprisonment') },
    fine: { category: '8001', title: phrase('Geldboete', 'Fine') },
    sentenceChanged: phrase('Straf gewijzigd in hoger beroep', 'Sentence varied on appeal'),
    convictionQuashed: phrase('Veroordeling vernietigd in hoger beroep', 'Conviction quashed on appeal'),
    criminalProceedings: phrase('Strafzaak', 'Criminal case'),
    workWithChildren: phrase('Aanstelling voor werk met minderjarigen', 'Appointment for work with minors'),
  },
];

export function profileOf(code: string): MemberStateProfile {
  const profile = MEMBER_STATE_PROFILES.find((candidate) => candidate.code === code);
  if (!profile) throw new Error(`no simulated member state ${code}`);
  return profile;
}
