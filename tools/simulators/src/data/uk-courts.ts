/**
 * What the simulated UK court feed draws on. The classified offences are rows of notification-out's
 * (illustrative) offence table, so their NOTs go out at once; the common offences are codes of the same
 * CJS shape that the table does not classify, invented for the simulation, so their NOTs are held for an
 * operator as the service intends (a unit test keeps the two lists honest against that table).
 */
export interface UkOffence {
  readonly ukOffenceCode: string;
  readonly title: string;
  readonly statute: string;
}

export const CLASSIFIED_UK_OFFENCES: readonly UkOffence[] = [
  { ukOffenceCode: 'SC15001', statute: 'Serious Crime Act 2015 s.45', title: 'Participating in activities of an organised crime group' },
  { ukOffenceCode: 'MS15002', statute: 'Modern Slavery Act 2015 s.2', title: 'Human trafficking' },
  {
    ukOffenceCode: 'MS15001',
    statute: 'Modern Slavery Act 2015 s.1',
    title: 'Holding a person in slavery or servitude, or requiring forced or compulsory labour',
  },
  { ukOffenceCode: 'TA00011', statute: 'Terrorism Act 2000 s.11', title: 'Membership of a proscribed organisation' },
  { ukOffenceCode: 'TA00015', statute: 'Terrorism Act 2000 s.15', title: 'Fund-raising for the purposes of terrorism' },
  { ukOffenceCode: 'TA06001', statute: 'Terrorism Act 2006 s.1', title: 'Encouragement of terrorism' },
];

export const UNCLASSIFIED_UK_OFFENCES: readonly UkOffence[] = [
  { ukOffenceCode: 'TH68001', statute: 'Theft Act 1968 s.1', title: 'Theft' },
  { ukOffenceCode: 'OF61047', statute: 'Offences against the Person Act 1861 s.47', title: 'Assault occasioning actual bodily harm' },
  { ukOffenceCode: 'FR06001', statute: 'Fraud Act 2006 s.1', title: 'Fraud by false representation' },
];

/** Disposal codes of notification-out's sentence table (1002 imprisonment, 1115 suspended, 1015 fine). */
export const DISPOSALS = {
  imprisonment: '1002',
  suspended: '1115',
  fine: '1015',
} as const;

export interface UkCourt {
  /** Invented four-digit codes, in the shape of the court fixture's. */
  readonly code: string;
  readonly name: string;
  readonly town: string;
}

export const UK_COURTS: readonly UkCourt[] = [
  { code: '2731', name: 'Manchester Crown Court', town: 'Manchester' },
  { code: '2742', name: 'Leeds Crown Court', town: 'Leeds' },
  { code: '2703', name: 'Birmingham Crown Court', town: 'Birmingham' },
  { code: '2766', name: 'Southwark Crown Court', town: 'London' },
  { code: '2711', name: 'Bristol Crown Court', town: 'Bristol' },
  { code: '2752', name: 'Liverpool Crown Court', town: 'Liverpool' },
];

export const COURT_OF_APPEAL = { code: null, name: 'Court of Appeal (Criminal Division)' } as const;

export const UK_NAMES = {
  forenames: {
    MALE: ['James', 'Oliver', 'Daniel', 'Thomas', 'Samuel', 'Ryan', 'Liam'],
    FEMALE: ['Emily', 'Sophie', 'Hannah', 'Charlotte', 'Rebecca', 'Chloe', 'Megan'],
  },
  surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Walker', 'Robinson', 'Wright', 'Hughes'],
  towns: ['Manchester', 'Leeds', 'Birmingham', 'London', 'Bristol', 'Liverpool', 'Cardiff', 'Glasgow'],
} as const;

/** Nationals of states outside the EU, with a town of birth in each: their convictions go to no member state. */
export const NON_EU_ORIGINS: readonly { readonly country: string; readonly town: string }[] = [
  { country: 'US', town: 'Chicago' },
  { country: 'NG', town: 'Lagos' },
  { country: 'IN', town: 'Mumbai' },
  { country: 'AU', town: 'Sydney' },
  { country: 'BR', town: 'São Paulo' },
];
