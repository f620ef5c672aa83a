/**
 * Serves the agency API's OpenAPI document: /api-docs (Swagger UI) and /api-docs-json.
 *
 * The service kit creates and owns the Nest application, so this cannot call SwaggerModule.setup(app)
 * the usual way. The document is built from a preview application (Nest's graph only, nothing
 * instantiated) of the API's controllers, and served on the kit's HTTP adapter. It is registered in
 * onModuleInit because Nest adds its not-found handler right after the init hooks: a route added later
 * would never be reached.
 */
import { Inject, Injectable, Module, type INestApplication, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { SERVICE_CONFIG, SERVICE_LOGGER, type ServiceConfig } from '@ecris/service-kit';
import { RequestOutMetrics } from '../adapters/request-out-metrics';
import { REQUEST_OUT_SETTINGS } from '../ports';
import { AgencyApi } from './agency-api';
import { AgencyAuthGuard } from './agency-auth.guard';
import { RequestsController } from './requests.controller';

export const API_DOCS_PATH = 'api-docs';

/**
 * The API's controllers with placeholders for what they depend on: a preview instantiates nothing,
 * but it still checks that every dependency has a provider.
 */
@Module({
  controllers: [RequestsController],
  providers: [AgencyApi, AgencyAuthGuard, RequestOutMetrics, REQUEST_OUT_SETTINGS, SERVICE_LOGGER].map((token) => ({ provide: token, useValue: null })),
})
class AgencyApiDocsModule {}

export async function buildAgencyApiDocument(version: string): Promise<OpenAPIObject> {
  const preview = await NestFactory.create(AgencyApiDocsModule, { preview: true, logger: false, abortOnError: false });
  try {
    const config = new DocumentBuilder()
      .setTitle('ECRIS Exchange: request-out agency API')
      .setDescription(
        'UK agencies ask EU member states, through ECRIS, for the previous convictions of a person, follow the requests and fetch the answers. ' +
          'Each agency authenticates with its API key and sees only its own requests. Refusals are RFC 9457 problem documents.',
      )
      .setVersion(version)
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'api-key')
      .build();
    return SwaggerModule.createDocument(preview, config);
  } finally {
    await preview.close();
  }
}

@Injectable()
export class ApiDocs implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  private served = false;

  /** Nest calls init hooks once for the HTTP app and once more for the connected microservice. */
  async onModuleInit(): Promise<void> {
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter || this.served) return; // no HTTP server (a standalone context), or served already
    this.served = true;
    const document = await buildAgencyApiDocument(this.config.version);
    // SwaggerModule.setup reads only these two members of the application.
    const app = {
      getHttpAdapter: () => adapter,
      useStaticAssets: (path: string, options: object) => (adapter as unknown as { useStaticAssets(p: string, o: object): void }).useStaticAssets(path, options),
    } as unknown as INestApplication;
    SwaggerModule.setup(API_DOCS_PATH, app, document);
  }
}
