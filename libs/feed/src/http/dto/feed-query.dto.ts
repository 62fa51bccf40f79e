import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional } from 'class-validator';
import { PageQueryDto } from '@app/core';
import { FeedType } from '../../entities/feed.entity';

export class FeedQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: FeedType, description: 'Only items of this type' })
  @IsOptional()
  @IsEnum(FeedType)
  type?: FeedType;
}
