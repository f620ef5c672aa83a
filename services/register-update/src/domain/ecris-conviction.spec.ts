import { translatedNotification } from '../testing/fixtures';
import { ecrisConvictionOf } from './ecris-conviction';

describe('ecrisConvictionOf', () => {
  const english = translatedNotification().convictions[0]!;
  const rebuilt = ecrisConvictionOf(english);

  it('gives back the references and the sender\'s own texts, English renderings beside them', () => {
    expect(rebuilt.convictingCountryRef).toBe('CO-00-724-ESP');
    expect(rebuilt.offences[0]).toMatchObject({
      commonCategoryRef: 'O-00-020200',
      applicableLegalProvisions: 'Artículo 570 bis del Código Penal',
      levelOfCompletionRef: 'LC-00-C',
      levelOfParticipationRef: 'LP-00-M',
    });
    expect(rebuilt.offences[0]?.nationalTitle.map((t) => [t.lang, t.translated])).toEqual([
      ['es', null],
      ['en', true],
    ]);
    expect(rebuilt.sanctions[0]).toMatchObject({ natureRef: 'N-00-0', commonCategoryRef: 'S-00-001001', currencyOfFineRef: null });
    expect(rebuilt.decisions[0]?.changeTypeRefs).toEqual([]);
  });

});
