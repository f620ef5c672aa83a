/** The agency API: submit a request, follow its status, fetch its answers. Each agency sees only its own. */
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Agency } from '../domain/policy';
import { AgencyApi, type Accepted } from './agency-api';
import { AgencyAuthGuard, CurrentAgency } from './agency-auth.guard';
import { AcceptedBody, AnswersDto, FollowUpBody, ProblemDto, StatusDto, SubmitRequestBody } from './dto';
import type { HttpResponse } from './http-types';
import { ProblemFilter } from './problem';

const links = (accepted: Accepted) => ({
  ...accepted,
  status: `/v1/requests/${accepted.requestId}`,
  answers: `/v1/requests/${accepted.requestId}/answers`,
});

@ApiTags('requests')
@ApiSecurity('api-key')
@ApiResponse({ status: 401, description: 'No or unknown API key.', type: ProblemDto })
@Controller('v1/requests')
@UseGuards(AgencyAuthGuard)
@UseFilters(ProblemFilter)
export class RequestsController {
  constructor(private readonly api: AgencyApi) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask EU member states for the previous convictions of a person (one REQ per EU state of nationality).' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key again returns the first submission instead of sending twice.' })
  @ApiBody({ type: SubmitRequestBody })
  @ApiResponse({ status: 202, description: 'Taken in; the REQs go out shortly.', type: AcceptedBody })
  @ApiResponse({ status: 200, description: 'Already taken in under this Idempotency-Key.', type: AcceptedBody })
  @ApiResponse({ status: 400, description: 'Invalid request.', type: ProblemDto })
  @ApiResponse({ status: 403, description: 'The agency is not authorised for this purpose.', type: ProblemDto })
  @ApiResponse({ status: 422, description: 'No EU member state to ask.', type: ProblemDto })
  async submit(
    @CurrentAgency() agency: Agency,
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: HttpResponse,
  ) {
    const accepted = await this.api.submit(agency, body, idempotencyKey?.trim() || undefined);
    if (!accepted.created) response.status(200);
    return links(accepted);
  }

  @Get()
  @ApiOperation({ summary: "The agency's own requests, newest first (at most 100)." })
  list(@CurrentAgency() agency: Agency) {
    return this.api.list(agency);
  }

  @Get(':requestId')
  @ApiOperation({ summary: 'Where a request stands: each state, its deadline and days left, the story so far, follow-ups on offer.' })
  @ApiResponse({ status: 200, type: StatusDto })
  @ApiResponse({ status: 404, description: 'No such request of this agency.', type: ProblemDto })
  status(@CurrentAgency() agency: Agency, @Param('requestId') requestId: string) {
    return this.api.status(agency, requestId);
  }

  @Get(':requestId/answers')
  @ApiOperation({ summary: 'The answers so far, translated, merged for the person, with where each conviction came from.' })
  @ApiResponse({ status: 200, type: AnswersDto })
  @ApiResponse({ status: 404, description: 'No such request of this agency.', type: ProblemDto })
  answers(@CurrentAgency() agency: Agency, @Param('requestId') requestId: string) {
    return this.api.answers(agency, requestId);
  }

  @Post(':requestId/follow-ups')
  @HttpCode(202)
  @ApiOperation({ summary: 'Ask the other member states an answer named: a new request, same person and purpose, linked to this one.' })
  @ApiBody({ type: FollowUpBody })
  @ApiResponse({ status: 202, type: AcceptedBody })
  @ApiResponse({ status: 409, description: 'A state no answer named.', type: ProblemDto })
  async followUp(
    @CurrentAgency() agency: Agency,
    @Param('requestId') requestId: string,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: HttpResponse,
  ) {
    const accepted = await this.api.followUp(agency, requestId, body);
    if (!accepted.created) response.status(200);
    return links(accepted);
  }
}
