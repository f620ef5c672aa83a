import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type ConvictionRemoved } from '@ecris/contracts';
import type { EcrisContext } from '@ecris/messaging-nest';
import { applyCourtRemoval } from '../effects/apply-court-event';
import { REGISTER_SETTINGS, type RegisterSettings } from '../ports';
import { courtContext } from './court-context';
import { RegisterEffects } from './register-handler-support';

/** A UK conviction removed (quashed, recorded in error, pardoned): marked deleted, kept for audit. */
@Controller()
export class ConvictionRemovedHandler {
  constructor(
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
    private readonly effects: RegisterEffects,
  ) {}

  @EventPattern(SchemaNames.convictionRemoved)
  async handle(@Payload() event: ConvictionRemoved, @Ctx() context: EcrisContext): Promise<void> {
    await this.effects.applyOnce(context, 'UK', (session, report) =>
      applyCourtRemoval(session, event, courtContext(this.settings, context.meta, report)),
    );
  }
}
