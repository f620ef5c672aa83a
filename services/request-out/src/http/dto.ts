/**
 * Shapes of the agency API for its OpenAPI document (@nestjs/swagger reads these decorators). The
 * bodies are checked by submission-body.ts, not by these classes.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class PartialDateBody {
  @ApiProperty({ example: 1985 }) year!: number;
  @ApiPropertyOptional({ example: 11, nullable: true }) month?: number | null;
  @ApiPropertyOptional({ example: 2, nullable: true, description: 'Only with a month.' }) day?: number | null;
}

export class PersonBody {
  @ApiProperty({ type: [String], example: ['Marco'] }) forenames!: string[];
  @ApiProperty({ example: 'Esempio' }) surname!: string;
  @ApiPropertyOptional({ type: [String], description: 'Former names, each as one string.' }) formerNames?: string[];
  @ApiPropertyOptional({ type: [String], description: 'Other names used, each "forenames surname".' }) aliases?: string[];
  @ApiProperty({ enum: ['MALE', 'FEMALE', 'NOT_KNOWN'] }) sex!: string;
  @ApiProperty({ type: PartialDateBody }) dateOfBirth!: PartialDateBody;
  @ApiProperty({ example: 'Torino' }) placeOfBirthTown!: string;
  @ApiProperty({ example: 'IT', description: 'ISO 3166-1 alpha-2.' }) placeOfBirthCountry!: string;
  @ApiProperty({ type: [String], example: ['IT', 'RO'], description: 'ISO 3166-1 alpha-2; one REQ goes to each EU state among them.' })
  nationalities!: string[];
  @ApiPropertyOptional({ nullable: true }) identityNumber?: string | null;
}

export class SubmitRequestBody {
  @ApiProperty({ example: 'GMP-OFFICER-0042', description: 'Who in the agency asks (an id, never a name).' }) officerId!: string;
  @ApiProperty({ example: 'P-00-001000', description: 'ECRIS purpose category; the agency must be authorised for it.' }) purposeCategoryRef!: string;
  @ApiProperty({ example: 'Criminal proceedings for burglary', maxLength: 400 }) purpose!: string;
  @ApiPropertyOptional({ example: 'GMP-2026-0001', maxLength: 50, nullable: true }) caseReference?: string | null;
  @ApiPropertyOptional({ enum: ['NORMAL', 'HIGH'], default: 'NORMAL' }) urgency?: string;
  @ApiPropertyOptional({ enum: ['Yes', 'No', 'UNKNOWN'], default: 'UNKNOWN', description: 'Has the person concerned consented?' }) consent?: string;
  @ApiPropertyOptional({ type: [String], description: 'States to ask instead of every EU state of nationality (wire codes).' }) targetStates?: string[];
  @ApiProperty({ type: PersonBody }) person!: PersonBody;
}

export class FollowUpBody {
  @ApiProperty({ type: [String], example: ['DE'], description: 'States named by an answer as possibly holding more (see followUps in the status).' })
  states!: string[];
}

export class AcceptedBody {
  @ApiProperty({ description: 'False when this Idempotency-Key was used before: nothing new was done.' }) created!: boolean;
  @ApiProperty({ example: 'AR-6f1c0b52-9d8e-5a3c-b1f2-1e2d3c4b5a69' }) requestId!: string;
  @ApiProperty({ enum: ['SUBMITTED', 'OPEN', 'COMPLETE', 'REJECTED'] }) stage!: string;
  @ApiProperty({ example: '/v1/requests/AR-6f1c0b52-9d8e-5a3c-b1f2-1e2d3c4b5a69' }) status!: string;
  @ApiProperty({ example: '/v1/requests/AR-6f1c0b52-9d8e-5a3c-b1f2-1e2d3c4b5a69/answers' }) answers!: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'urn:ecris-exchange:request-out:problem:purpose-not-authorised' }) type!: string;
  @ApiProperty({ example: 'Not authorised' }) title!: string;
  @ApiProperty({ example: 403 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ type: [String], description: 'Field paths and rules; never the values.' }) problems?: string[];
  @ApiPropertyOptional() requestId?: string;
}

export class StatusDto {
  @ApiProperty() requestId!: string;
  @ApiProperty({ enum: ['SUBMITTED', 'OPEN', 'COMPLETE', 'REJECTED'] }) stage!: string;
  @ApiProperty({ description: 'Every state asked has answered, refused or run out of time.' }) complete!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Per state: REQ id, status, outcome, our deadline and days left, the deadline it gave (RDL), answer time.' })
  states!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Other member states named by answers, offered as follow-up requests.' })
  followUps!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'The story so far: ids and codes, never personal data.' })
  history!: object[];
}

export class AnswersDto {
  @ApiProperty() requestId!: string;
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'One entry per state asked: outcome, convictions with where each came from.' })
  answers!: object[];
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Each distinct conviction once, with its convicting state and every state that reported it.' })
  mergedConvictions!: object[];
  @ApiProperty({ description: 'The only use the answers may be put to.' }) permittedUse!: string;
}
