import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '@app/core';

/** `GET /tasks`: only failed jobs are listed for now (the console's dashboard of what went wrong). */
export class TaskListQueryDto extends PageQueryDto {
  @ApiProperty({ enum: ['failed'], description: 'Which jobs to list; only failed for now' })
  @IsIn(['failed'])
  state!: 'failed';
}
