import type { EventMeta } from '@ecris/messaging';
import type { CourtEffectContext } from '../effects/apply-court-event';
import type { EffectReport } from '../effects/apply-foreign-notification';
import type { RegisterSettings } from '../ports';

export function courtContext(settings: RegisterSettings, cause: EventMeta, report: EffectReport): CourtEffectContext {
  return { cause, tables: settings.tables, thresholds: settings.thresholds, report };
}
