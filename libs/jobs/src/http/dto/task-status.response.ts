import { ApiProperty } from '@nestjs/swagger';

export class TaskStatusResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'email' }) queue!: string;
  @ApiProperty({ enum: ['waiting', 'active', 'delayed', 'completed', 'failed'] }) state!: string;
  @ApiProperty({ description: '0 to 100' }) progress!: number;
  @ApiProperty({ type: 'integer', description: 'Attempts made so far' }) attempts!: number;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: true,
    description: 'For email: { sent, rejected: [{ recipient, error }], unconfirmed: [recipient] }',
  })
  result!: unknown;
  @ApiProperty({ type: String, nullable: true, description: 'The last failure' }) error!: string | null;
}
