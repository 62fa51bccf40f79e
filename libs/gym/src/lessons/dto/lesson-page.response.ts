import { ApiProperty } from '@nestjs/swagger';
import { LessonListedResponse } from './lesson-listed.response';

export class LessonPageResponse {
  @ApiProperty({ type: [LessonListedResponse] }) items!: LessonListedResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
