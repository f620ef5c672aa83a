/**
 * Wiring only. A factory rather than a fixed class so that a test can pin the clock or wrap the case
 * store (to make it fail and see the record retried); main.ts uses the defaults.
 */
import { join } from 'node:path';
import { Module, type Type } from '@nestjs/common';
import { loadMigrations } from '@ecris/messaging';
import { CLOCK, type Clock, type ServiceDefinition } from '@ecris/service-kit';
import { ExactlyOnce } from './adapters/exactly-once';
import { OverdueWatch } from './adapters/overdue-watch';
import { PgCaseStore } from './adapters/pg-case-store';
import { RequestOutMetrics } from './adapters/request-out-metrics';
import { settingsFromEnv, type RequestOutSettings } from './config/settings';
import type { DecisionContext } from './domain/context';
import { AgencyRequestHandler } from './handlers/agency-request.handler';
import { EcrisAnswersHandler } from './handlers/ecris-answers.handler';
import { InboundAnswers } from './handlers/inbound-answers';
import { TextTranslatedHandler } from './handlers/text-translated.handler';
import { AgencyApi } from './http/agency-api';
import { AgencyAuthGuard } from './http/agency-auth.guard';
import { ApiDocs } from './http/api-docs';
import { RequestsController } from './http/requests.controller';
import { CASE_STORE, DECISION_CONTEXT, REQUEST_OUT_CLOCK, REQUEST_OUT_SETTINGS, type CaseStore } from './ports';

export interface RequestOutOptions {
  /** Default: read from the environment (config/settings.ts). */
  readonly settings?: RequestOutSettings;
  /** Default: the kit's CLOCK. */
  readonly clock?: Clock;
  /** Default: the store as it is. */
  readonly wrapCaseStore?: (store: CaseStore) => CaseStore;
}

export function requestOutModule(options: RequestOutOptions = {}): Type<unknown> {
  const settings = options.settings ?? settingsFromEnv();
  const context: DecisionContext = {
    senderCountry: settings.senderCountry,
    policy: settings.policy,
    referenceData: settings.referenceData,
    deadlineRules: settings.deadlineRules,
  };

  @Module({
    controllers: [AgencyRequestHandler, EcrisAnswersHandler, TextTranslatedHandler, RequestsController],
    providers: [
      { provide: REQUEST_OUT_SETTINGS, useValue: settings },
      { provide: DECISION_CONTEXT, useValue: context },
      { provide: REQUEST_OUT_CLOCK, useFactory: (kitClock: Clock) => options.clock ?? kitClock, inject: [CLOCK] },
      { provide: CASE_STORE, useFactory: () => (options.wrapCaseStore ?? ((store: CaseStore) => store))(new PgCaseStore()) },
      ExactlyOnce,
      RequestOutMetrics,
      InboundAnswers,
      OverdueWatch,
      AgencyApi,
      AgencyAuthGuard,
      ApiDocs,
    ],
  })
  class RequestOutModule {}
  return RequestOutModule;
}

/** What the kit needs to run request-out: its module, its migrations, claimed partitions (the exactly-once ledger). */
export function requestOutService(options: RequestOutOptions = {}): ServiceDefinition {
  return {
    service: 'request-out',
    module: requestOutModule(options),
    migrations: () => loadMigrations(join(__dirname, '..', 'migrations')),
    claimPartitions: true,
  };
}
