import type { Person } from '@ecris/contracts';
import { validateMessage } from '@ecris/ecris-model';
import { germanRequest } from '../testing/german-request';
import { heldConviction, offence, sanction } from '../testing/held-convictions';
import { testSerial, testSettings } from '../testing/settings';
import { answerRequest, denial, itemsToAskFor, type AnswerInput, type Identification } from './answer';
import { decidePurpose, type PurposeDecision } from './disclosure';
import { responseMessage, type Reply } from './messages';

const settings = testSettings();
const person: Person = germanRequest(1n, { forename: 'Alan', surname: 'Testperson', birthDate: { year: 1980, month: 6, day: 15 } }).person;
const allowed = (code: string) => decidePurpose(code, true, settings.purposeCategories, settings.disclosureRules) as Extract<PurposeDecision, { allowed: true }>;
const rendering = { countryRefOf: settings.countryRefOf, ukConvictionIdOf: () => 'GB-C-000000000000042' };
const one: Identification = { outcome: 'one', personId: 'p1', birthDate: { year: 1980, month: 6, day: 15 } };

const convictions = [
  heldConviction({ convictionId: 'spent-fine', convictionDate: '2015-01-10', sanctions: [sanction({ kind: 'FINE', fineAmount: '200.00', fineCurrency: 'GBP' })] }),
  heldConviction({
    convictionId: 'unspent-custody',
    convictionDate: '2024-01-10',
    offences: [offence(), offence({ offenceId: '2', ecrisCategoryRef: null, title: 'Going equipped' })],
    sanctions: [sanction({ kind: 'CUSTODY', duration: 'P2Y' })],
  }),
  heldConviction({ convictionId: 'deleted', deleted: true }),
];

function input(overrides: Partial<AnswerInput>): AnswerInput {
  return {
    decision: allowed('P-00-001000'),
    ukNational: true,
    identification: one,
    convictions,
    person,
    afterAdditionalInfo: false,
    today: '2026-04-02',
    settings,
    rendering,
    ...overrides,
  };
}

describe('answerRequest', () => {
  it.each([
    ['one person, criminal proceedings: spent and unspent, never deleted', input({}), 'CONVICTIONS', 'RRT-00-00', ['spent-fine', 'unspent-custody']],
    ['one person, work with children: the spent fine stays out', input({ decision: allowed('P-00-003000') }), 'CONVICTIONS', 'RRT-00-00', ['unspent-custody']],
    ['one person with only withheld convictions: no record', input({ decision: allowed('P-00-003000'), convictions: [convictions[0]!, convictions[2]!] }), 'NO_RECORD', 'RRT-00-00', []],
    ['nobody: no convictions at once', input({ identification: { outcome: 'none' } }), 'NO_RECORD', 'RRT-00-00', []],
    ['nobody, not a UK national: "not a national"', input({ identification: { outcome: 'none' }, ukNational: false }), 'NO_RECORD', 'RRT-00-02', []],
    ['one person, not a UK national: what we hold, typed "not a national"', input({ ukNational: false }), 'CONVICTIONS', 'RRT-00-02', ['spent-fine', 'unspent-custody']],
    ['several after the RAI was answered: multiple people found', input({ identification: { outcome: 'several', candidates: 2 }, afterAdditionalInfo: true }), 'MULTIPLE_PEOPLE_FOUND', 'RRT-00-05', []],
  ])('%s', (_name, given, outcome, responseTypeRef, disclosed) => {
    const answer = answerRequest(given);
    expect(answer).toMatchObject({ kind: 'RRS', outcome, responseTypeRef, disclosed });
    if (answer.kind !== 'RRS') return;
    expect(answer.convictions).toHaveLength(disclosed.length);
    // What goes on the wire is valid ECRIS.
    const reply: Reply = { us: 'GB', to: 'DE', answering: 'DE-GB-REQ-000000000000001', timestamp: '2026-04-02T09:15:00Z', serial: testSerial };
    const rrs = responseMessage(reply, { person, responseTypeRef: answer.responseTypeRef, convictions: answer.convictions, remarks: answer.remarks });
    expect(validateMessage('RRS', { ...rrs, meta: {} } as never)).toEqual([]);
  });

  it('asks for more identifiers (RAI) the first time several people match', () => {
    const answer = answerRequest(input({ identification: { outcome: 'several', candidates: 3 } }));
    expect(answer).toMatchObject({ kind: 'RAI', items: ['IdentityNumber', 'IdentificationDocument', 'FormerName', 'MotherName', 'FatherName'] });
  });

  it('renders a UK conviction with its categorised offences and describes the rest in remarks', () => {
    const answer = answerRequest(input({}));
    if (answer.kind !== 'RRS') throw new Error('expected an RRS');
    const custody = answer.convictions[1]!;
    expect(custody).toMatchObject({ convictionId: 'GB-C-000000000000042', convictingCountryRef: 'CO-00-826-GBR', decisionDate: '2024-01-10' });
    expect(custody.offences.map((o) => o.commonCategoryRef)).toEqual(['O-00-030100']);
    expect(custody.remarks[0]!.text).toContain('Going equipped');
    expect(custody.remarks[0]!.text).toContain('duration P2Y');
  });

  it('sends a foreign conviction as the convicting state sent it', () => {
    const received = { convictionId: 'FR-C-000000000000009' } as never;
    const answer = answerRequest(input({ convictions: [heldConviction({ convictionId: 'fr', origin: 'FOREIGN', convictingState: 'FR', received, sanctions: [sanction({ kind: 'CUSTODY', duration: 'P3Y' })] })] }));
    expect(answer.kind === 'RRS' && answer.convictions[0]).toBe(received);
  });

  it('denies with the reason and no data', () => {
    const decision = decidePurpose('P-00-005000', true, settings.purposeCategories, settings.disclosureRules);
    if (decision.allowed) throw new Error('expected a denial');
    expect(denial(decision, settings)).toMatchObject({ outcome: 'DENIED', responseTypeRef: 'RRT-00-01', convictions: [], remarks: expect.stringContaining('s.5(2)') });
  });
});

describe('itemsToAskFor', () => {
  it('leaves out what the request already carries, and always asks for something', () => {
    const withDocs = { ...person, identityNumber: 'X1', father: { forename: null, surname: null, secondSurname: null } };
    expect(itemsToAskFor(withDocs, settings)).toEqual(['IdentificationDocument', 'FormerName', 'MotherName']);
    expect(itemsToAskFor(withDocs, testSettings({ additionalInfoItems: ['IdentityNumber'] }))).toEqual(['IdentityNumber']);
  });
});

