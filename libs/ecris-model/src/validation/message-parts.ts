/** Parts shared by several ECRIS messages: contact person, fingerprint reference, conviction references. */
import type { BinaryAttachmentRef, ContactPerson, ConvictionReference } from '@ecris/contracts';
import { decidingAuthority } from './conviction';
import { at, type Failures } from './functional-errors';
import { fullDate, matches, multilingual, nameText, text } from './rules';

export function contactPerson(f: Failures, path: string, value: ContactPerson | null): void {
  if (value === null) return;
  nameText(f, at(path, 'forename'), value.forename);
  nameText(f, at(path, 'surname'), value.surname);
  nameText(f, at(path, 'secondSurname'), value.secondSurname);
  text(f, at(path, 'phone'), value.phone, 30, { min: 8 });
  text(f, at(path, 'fax'), value.fax, 30, { min: 8 });
  text(f, at(path, 'email'), value.email, 320);
  if (value.email.trim() !== '' && !/^[^@\s]+@[^@\s]+$/.test(value.email)) {
    f.add(at(path, 'email'), 'BAD_FORMAT', 'must be an e-mail address');
  }
}

export function attachment(f: Failures, path: string, value: BinaryAttachmentRef | null): void {
  if (value === null) return;
  matches(f, at(path, 'attachmentId'), value.attachmentId, 'binaryAttachmentId');
  text(f, at(path, 'mimeType'), value.mimeType, 50);
  text(f, at(path, 'fileName'), value.fileName, 200);
  multilingual(f, at(path, 'title'), value.title, 400, false);
  if (value.fileSize !== null && !(Number.isInteger(value.fileSize) && value.fileSize > 0)) {
    f.add(at(path, 'fileSize'), 'OUT_OF_RANGE', 'must be a positive number of bytes');
  }
  multilingual(f, at(path, 'comment'), value.comment, 4000, false);
  text(f, at(path, 'md5Hash'), value.md5Hash, 50);
}

/** ECRIS Structured*ConvictionReferenceType is an XSD choice: exactly one of its three forms. */
export function convictionReference(f: Failures, path: string, value: ConvictionReference): void {
  const set = [value.ecrisConvictionId, value.njrConvictionReference, value.externalConviction].filter((v) => v !== null);
  if (set.length !== 1) {
    f.add(path, 'NOT_ALLOWED', 'must give exactly one of ecrisConvictionId, njrConvictionReference, externalConviction');
  }
  matches(f, at(path, 'ecrisConvictionId'), value.ecrisConvictionId, 'convictionId');
  text(f, at(path, 'njrConvictionReference'), value.njrConvictionReference, 20);
  if (value.externalConviction !== null) {
    const external = at(path, 'externalConviction');
    decidingAuthority(f, at(external, 'convictingAuthority'), value.externalConviction.convictingAuthority);
    text(f, at(external, 'fileNumber'), value.externalConviction.fileNumber, 50);
    fullDate(f, at(external, 'decisionFinalDate'), value.externalConviction.decisionFinalDate);
  }
}
