export type { AttributeValue, Completeness, ReferenceEntry, ReferenceTable } from './table';
export { inForce, isDay, tableProblems } from './table';
export { ReferenceData } from './reference-data';
export { BUNDLED_REFERENCE_DATA_DIR, loadReferenceData, referenceDataDirs, ReloadableReferenceData } from './file-loader';
export type { ReloadResult } from './file-loader';
export { countryRefOf, isMemberStateWireCode, iso2OfCountryRef, toDocumentCode, toWireCode } from './countries';
export { DEFAULT_SENDER_COUNTRY, ecrisSenderCountry } from './sender-country';
export { euStatesToNotify } from './eu-nationalities';
