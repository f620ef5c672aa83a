import type { TextTranslated } from '@ecris/contracts';
import type { PersonQuery } from '@ecris/register';
import { personQueryOf } from '../domain/foreign-notification';
import type { RegisterSettings } from '../ports';
import { dayOf } from './register-settings';

/**
 * The person searches a batch's translated NOTs will make, so a batch can run them ahead: for a first
 * notification about one of our nationals, the query `readForeignNotification` builds with the same
 * `personQueryOf` (an update looks up its conviction instead; its conviction content is not read here,
 * the handler reads it). Only a guess: a value it cannot read yields none (its handler will say why),
 * and a search it misses is simply made when its record comes.
 */
export function foreignPersonQueries(settings: RegisterSettings): (values: readonly unknown[]) => PersonQuery[] {
  return (values) =>
    values.flatMap((value) => {
      try {
        const translated = value as TextTranslated;
        if (translated?.messageType !== 'NOT' || !translated.person || translated.updatedConvictionReference) return [];
        const day = dayOf(translated.sentAt, translated.meta.time);
        const person = personQueryOf(translated.person, settings.countryOfOn(day));
        return person.nationalities?.includes(settings.ourStateOn(day)) ? [person] : [];
      } catch {
        return [];
      }
    });
}
