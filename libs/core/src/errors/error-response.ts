import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from './error-catalogue';

export class FieldErrorResponse {
  @ApiProperty({ example: 'username' })
  field!: string;

  @ApiProperty({ example: ['username must be longer than or equal to 3 characters'] })
  messages!: string[];
}

/** The shape of every error answer. */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', description: 'The HTTP status, the one the catalogue declares for the code', example: 404 })
  statusCode!: number;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', description: 'A code of the catalogue (docs/errors.md)', example: 'NOT_FOUND' })
  code!: ErrorCode;

  @ApiProperty({ example: 'Lesson 7 not found' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'Only for VALIDATION_FAILED' })
  errors?: FieldErrorResponse[];
}
