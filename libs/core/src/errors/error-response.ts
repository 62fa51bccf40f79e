import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorResponse {
  @ApiProperty({ example: 'username' })
  field!: string;

  @ApiProperty({ example: ['username must be 3 to 150 characters long'] })
  messages!: string[];
}

/** The shape of every error answer. */
export class ErrorResponse {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'LESSON_FULL' })
  code!: string;

  @ApiProperty({ example: 'The lesson is full' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorResponse], description: 'Only for VALIDATION_FAILED' })
  errors?: FieldErrorResponse[];
}
