import { ApiProperty } from '@nestjs/swagger';
import { LessonResponse } from './lesson.response';

export class LessonPageResponse {
  @ApiProperty({ type: [LessonResponse] }) items!: LessonResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
