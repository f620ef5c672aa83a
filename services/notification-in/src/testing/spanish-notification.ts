/**
 * Test input: a NOT from Spain about a UK national, built from the golden Notification fixture
 * (schemas/uk/ecris/message/fixtures) with Spanish texts. All personal data in it is invented.
 */
import { SchemaNames, type Notification } from '@ecris/contracts';
import { loadFixture } from '@ecris/testing';

/** `serial` (1 to 10^15 - 1, or 15 digits from uniqueSerials) makes the ECRIS ids unique per test. */
export function spanishNotification(serial: number | bigint | string): Notification {
  const digits = String(serial).padStart(15, '0');
  const notification = loadFixture<Notification>(SchemaNames.notification, 1);
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
