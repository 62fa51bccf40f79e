import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from './error-catalogue';

export class FieldErrorResponse {
  @ApiProperty({ example: 'username' })
  field!: string;

  @ApiProperty({ example: ['username must be 3 to 150 characters long'] })
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
