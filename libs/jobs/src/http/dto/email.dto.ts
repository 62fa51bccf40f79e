import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsEmail, IsString, Length } from 'class-validator';

export class SendEmailDto {
  @ApiProperty({ example: ['kim@example.com', 'lee@example.com'], maxItems: 10000 })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10_000)
  @IsEmail({}, { each: true })
  recipients!: string[];

  @ApiProperty({ example: 'December timetable', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  subject!: string;

  @ApiProperty({ example: 'New yoga classes start on Monday.', maxLength: 100000 })
  @IsString()
  @Length(1, 100_000)
  body!: string;
}

export class TaskAcceptedResponse {
  @ApiProperty({ example: 'email-1b4e28ba-2fa1-11d2-883f-0016d3cca427' }) taskId!: string;
}

export class TaskStatusResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'email' }) queue!: string;
  @ApiProperty({ enum: ['waiting', 'active', 'delayed', 'completed', 'failed'] }) state!: string;
  @ApiProperty({ description: '0 to 100' }) progress!: number;
  @ApiProperty({ description: 'Attempts made so far' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'For email: { sent, rejected: [{ recipient, error }] }',
  })
  result!: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'The last failure' }) error!: string | null;
}
