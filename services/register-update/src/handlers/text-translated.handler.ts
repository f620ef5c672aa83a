import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type TextTranslated } from '@ecris/contracts';
import { PoisonError } from '@ecris/messaging';
import type { EcrisContext } from '@ecris/messaging-nest';
import { dayOf } from '../adapters/register-settings';
import { readForeignNotification } from '../domain/foreign-notification';
import { applyForeignNotification } from '../effects/apply-foreign-notification';
import { REGISTER_SETTINGS, type RegisterSettings } from '../ports';
import { RegisterEffects } from './register-handler-support';

/**
 * Translated notifications from abroad (TextTranslated v2 of a NOT): onto the register with their
 * provenance, or as updates of what they change. Translations of request answers share the topic and
 * are request-out's: passed over.
 */
@Controller()
export class TextTranslatedHandler {
  constructor(
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
    private readonly effects: RegisterEffects,
  ) {}

  @EventPattern(SchemaNames.textTranslated)
  async handle(@Payload() value: TextTranslated, @Ctx() context: EcrisContext): Promise<void> {
    const day = dayOf(value.sentAt, context.meta.time);
    const ourState = this.settings.ourStateOn(day);
    const notification = readForeignNotification(value, this.settings.tables, this.settings.countryOfOn(day), ourState);
    if ('code' in notification) {
      if (notification.code === 'NOT_A_NOTIFICATION') return;
      throw new PoisonError('validation', notification.code, `translated notification ${value.sourceMessageId} cannot go on the register`);
    }
    await this.effects.applyOnce(context, 'FOREIGN', (session, report) =>
      applyForeignNotification(session, notification, { cause: context.meta, ourState, thresholds: this.settings.thresholds, report }),
    );
  }
}
