/**
 * Test input: a NOT from Spain about a UK national, built from the golden Notification fixture
 * (schemas/uk/ecris/message/fixtures) with Spanish texts. All personal data in it is invented.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Notification } from '@ecris/contracts';

const FIXTURE = join(__dirname, '..', '..', '..', '..', 'schemas', 'uk', 'ecris', 'message', 'fixtures', 'Notification.v1.json');

/** `serial` makes the ECRIS ids unique per test (1 to 10^15 - 1). */
export function spanishNotification(serial: number | bigint): Notification {
  const digits = BigInt(serial).toString().padStart(15, '0');
  const notification = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Notification;
  const messageId = `ES-GB-NOT-${digits}`;
  notification.meta = { ...notification.meta, id: `00000000-0000-5000-8000-${digits.slice(3)}`, source: '/ecris-gateway', type: 'uk.ecris.notification.received.v1', correlationId: messageId };
  notification.header = { messageId, timestamp: '2025-03-04T10:14:00Z', responseTo: null, sender: 'ES', receiver: 'GB' };
  notification.contactPerson = null;
  notification.fingerprints = null;
  notification.person.nationalityRefs = ['CO-00-826-GBR'];
  notification.person.birthPlace.countryRef = 'CO-00-826-GBR';
  const { conviction } = notification;
  conviction.convictionId = `ES-C-${digits}`;
  conviction.convictingCountryRef = 'CO-00-724-ESP';
  conviction.decidingAuthority = { code: null, name: [{ lang: 'es', translated: null, text: 'Juzgado de lo Penal n.º 3 de Madrid' }] };
  conviction.offences[0].nationalTitle = [{ lang: 'es', translated: null, text: 'Participación en organización criminal' }];
  conviction.offences[0].applicableLegalProvisions = 'Artículo 570 bis del Código Penal';
  conviction.offences[1].nationalTitle = [{ lang: 'es', translated: null, text: 'Trata de seres humanos' }];
  conviction.offences[1].applicableLegalProvisions = 'Artículo 177 bis del Código Penal';
  conviction.sanctions[0].nationalTitle = [{ lang: 'es', translated: null, text: 'Prisión' }];
  conviction.sanctions[1].nationalTitle = [{ lang: 'es', translated: null, text: 'Multa' }];
  conviction.sanctions[1].currencyOfFineRef = 'CX-00-978-EUR';
  return notification;
}
