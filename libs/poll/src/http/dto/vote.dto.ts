import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, ArrayUnique, IsArray, IsInt, Max, Min } from 'class-validator';

export class VoteDto {
  @ApiProperty({ type: 'integer', isArray: true, example: [1], description: 'Questions of this poll; one unless the poll allows several' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(30)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2_147_483_647, { each: true })
  questionIds!: number[];
}
