import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { SchemaNames, type ConvictionRecorded } from '@ecris/contracts';
import type { EcrisContext } from '@ecris/messaging-nest';
import { applyCourtConviction } from '../effects/apply-court-event';
import { REGISTER_SETTINGS, type RegisterSettings } from '../ports';
import { courtContext } from './court-context';
import { RegisterEffects } from './register-handler-support';

/** A UK conviction recorded by the courts: created on the register with its person, or a new version. */
@Controller()
export class ConvictionRecordedHandler {
  constructor(
    @Inject(REGISTER_SETTINGS) private readonly settings: RegisterSettings,
    private readonly effects: RegisterEffects,
  ) {}

  @EventPattern(SchemaNames.convictionRecorded)
  async handle(@Payload() event: ConvictionRecorded, @Ctx() context: EcrisContext): Promise<void> {
    await this.effects.applyOnce(context, 'UK', (session, report) =>
      applyCourtConviction(session, event, courtContext(this.settings, context.meta, report)),
    );
  }
}
