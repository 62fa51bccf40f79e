import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ERROR_CODES, type ErrorCode } from './error-catalogue';

export class FieldErrorResponse {
  @ApiProperty({ example: 'username' })
  field!: string;

  @ApiProperty({ example: ['username must be 3 to 150 characters long'] })
  messages!: string[];
}

export class CsvLineErrorResponse {
  @ApiProperty({ type: 'integer', example: 3, description: "The file's line number (the header is line 1)" })
  line!: number;

  @ApiProperty({ type: String, nullable: true, example: 'count', description: 'The column; null when the whole line is wrong' })
  field!: string | null;

  @ApiProperty({ example: 'count must not be greater than 100000' })
  message!: string;
}

/** The shape of every error answer. */
@ApiExtraModels(FieldErrorResponse, CsvLineErrorResponse)
export class ErrorResponse {
  @ApiProperty({ type: 'integer', description: 'The HTTP status, the one the catalogue declares for the code', example: 404 })
  statusCode!: number;

  @ApiProperty({ enum: ERROR_CODES, enumName: 'ErrorCode', description: 'A code of the catalogue (docs/errors.md)', example: 'NOT_FOUND' })
  code!: ErrorCode;

  @ApiProperty({ example: 'Lesson 7 not found' })
  message!: string;

  @ApiPropertyOptional({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(FieldErrorResponse) }, { $ref: getSchemaPath(CsvLineErrorResponse) }] },
    description: 'Only for VALIDATION_FAILED (`FieldErrorResponse`) and INVALID_CSV (`CsvLineErrorResponse`, the first 100 problems)',
  })
  errors?: (FieldErrorResponse | CsvLineErrorResponse)[];
}
