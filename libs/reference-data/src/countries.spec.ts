import { countryRefOf, isMemberStateWireCode, iso2OfCountryRef, toDocumentCode, toWireCode } from './countries';
import { loadReferenceData } from './file-loader';
import { ecrisSenderCountry } from './sender-country';

const data = loadReferenceData();
const day = '2025-03-04';

describe('country codes in one place', () => {
  it('maps EU-document codes to the ECRIS wire codes, and back', () => {
    expect(toWireCode(data, 'UK', day)).toBe('GB');
    expect(toWireCode(data, 'EL', day)).toBe('GR');
    expect(toWireCode(data, 'gr', day)).toBe('GR');
    expect(toWireCode(data, 'FR', day)).toBe('FR');
    expect(toDocumentCode(data, 'GB', day)).toBe('UK');
    expect(toDocumentCode(data, 'GR', day)).toBe('EL');
    expect(toDocumentCode(data, 'FR', day)).toBe('FR');
  });

  it('knows nothing of states outside ECRIS', () => {
    expect(toWireCode(data, 'US', day)).toBeUndefined();
    expect(isMemberStateWireCode(data, day)('US')).toBe(false);
    expect(isMemberStateWireCode(data, day)('GB')).toBe(true);
    // The wire never carries EU-document codes.
    expect(isMemberStateWireCode(data, day)('UK')).toBe(false);
  });

  it('maps ISO codes to ECRIS country references and back', () => {
    expect(countryRefOf(data, 'BG', day)).toBe('CO-00-100-BGR');
    expect(countryRefOf(data, 'fr', day)).toBe('CO-00-250-FRA');
    expect(iso2OfCountryRef(data, 'CO-00-300-GRC', day)).toBe('GR');
    expect(countryRefOf(data, 'US', day)).toBeUndefined();
  });
});

describe('ECRIS_SENDER_COUNTRY', () => {
  it('defaults to GB, the wire code message ids carry', () => {
    expect(ecrisSenderCountry({}, data, day)).toBe('GB');
  });

  it('accepts either convention and gives the wire code', () => {
    expect(ecrisSenderCountry({ ECRIS_SENDER_COUNTRY: 'UK' }, data, day)).toBe('GB');
    expect(ecrisSenderCountry({ ECRIS_SENDER_COUNTRY: 'ie' }, data, day)).toBe('IE');
  });

  it('refuses a code that is no member state', () => {
    expect(() => ecrisSenderCountry({ ECRIS_SENDER_COUNTRY: 'XX' }, data, day)).toThrow('ECRIS_SENDER_COUNTRY=XX is not an ECRIS member state code');
  });
});
