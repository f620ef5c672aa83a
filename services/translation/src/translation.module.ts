import { Module, type FactoryProvider, type Provider } from '@nestjs/common';
import type { AvroCodec, SqlDatabase } from '@ecris/messaging';
import { loadReferenceData, referenceDataDirs } from '@ecris/reference-data';
import { AVRO_CODEC, DATABASE, RESOLVE_TOPIC, SERVICE_CONFIG, type ServiceConfig } from '@ecris/service-kit';
import { HttpMachineTranslator, NO_MACHINE_TRANSLATOR } from './adapters/http-machine-translator';
import { PgTranslationState } from './adapters/pg-translation-state';
import { codeBookOf } from './domain/code-book';
import { OperatorActionHandler } from './handlers/operator-action.handler';
import { TranslationRequestedHandler } from './handlers/translation-requested.handler';
import { CODE_BOOKS, MACHINE_TRANSLATOR, TRANSLATION_SETTINGS, TRANSLATION_STATE, type TranslationSettings } from './ports';
import { TranslationMetrics } from './translation.metrics';

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name] === undefined || env[name] === '' ? fallback : Number(env[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

/** TRANSLATION_MT_URL set: the HTTP adapter; unset: no machine link in the chain. */
export const MACHINE_TRANSLATOR_FROM_ENV: FactoryProvider = {
  provide: MACHINE_TRANSLATOR,
  inject: [SERVICE_CONFIG],
  useFactory: ({ env }: ServiceConfig) => {
    const url = env.TRANSLATION_MT_URL?.trim();
    return url ? new HttpMachineTranslator(url, positiveNumber(env, 'TRANSLATION_MT_TIMEOUT_MS', 10_000)) : NO_MACHINE_TRANSLATOR;
  },
};

/** The service's providers; a test may pass its own machine translator (a double wrapping the real one). */
export function translationProviders(machineTranslator: Provider = MACHINE_TRANSLATOR_FROM_ENV): Provider[] {
  return [
    machineTranslator,
    {
      provide: TRANSLATION_STATE,
      inject: [DATABASE, AVRO_CODEC, RESOLVE_TOPIC],
      useFactory: (db: SqlDatabase, codec: AvroCodec, resolveTopic: (topic: string) => string) => new PgTranslationState(db, codec, resolveTopic),
    },
    {
      provide: CODE_BOOKS,
      inject: [SERVICE_CONFIG],
      useFactory: ({ env }: ServiceConfig) => {
        const data = loadReferenceData(referenceDataDirs(env));
        return (onDate: string) => codeBookOf(data, onDate);
      },
    },
    {
      provide: TRANSLATION_SETTINGS,
      inject: [SERVICE_CONFIG],
      useFactory: ({ env }: ServiceConfig): TranslationSettings => ({ reviewDueHours: positiveNumber(env, 'TRANSLATION_REVIEW_DUE_HOURS', 48) }),
    },
    TranslationMetrics,
  ];
}

@Module({ controllers: [TranslationRequestedHandler, OperatorActionHandler], providers: translationProviders() })
export class TranslationModule {}
