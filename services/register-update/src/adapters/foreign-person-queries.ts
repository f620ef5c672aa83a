import type { TextTranslated } from '@ecris/contracts';
import type { PersonQuery } from '@ecris/register';
import { readForeignNotification } from '../domain/foreign-notification';
import type { RegisterSettings } from '../ports';
import { dayOf } from './register-settings';

/**
 * The person searches a batch's translated NOTs will make, read exactly as TextTranslatedHandler reads
 * them, so a batch can run them ahead. Only a guess: a value it cannot read yields none (its handler
 * will say why), and a search it misses is simply made when its record comes.
 */
export function foreignPersonQueries(settings: RegisterSettings): (values: readonly unknown[]) => PersonQuery[] {
  return (values) =>
    values.flatMap((value) => {
      try {
        const translated = value as TextTranslated;
        if (translated?.messageType !== 'NOT') return [];
        const day = dayOf(translated.sentAt, translated.meta.time);
        const read = readForeignNotification(translated, settings.tables, settings.countryOfOn(day), settings.ourStateOn(day));
        return 'code' in read ? [] : [read.person];
      } catch {
        return [];
      }
    });
}
