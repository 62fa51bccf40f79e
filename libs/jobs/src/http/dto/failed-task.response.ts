import { ApiProperty } from '@nestjs/swagger';
import { TaskStatusResponse } from './task-status.response';

export class FailedTaskResponse extends TaskStatusResponse {
  @ApiProperty({ example: 'send-email', description: 'The job name on its queue' }) name!: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'When its last attempt failed' }) failedAt!: Date;
}

export class FailedTaskPageResponse {
  @ApiProperty({ type: [FailedTaskResponse] }) items!: FailedTaskResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page; null on the last' })
  nextCursor!: string | null;
}
