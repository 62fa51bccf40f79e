import { ApiProperty } from '@nestjs/swagger';
import { IsYmd } from '../../release-day';

export class YmdQueryDto {
  @ApiProperty({ example: '20261201', description: 'The day, YYYYMMDD' })
  @IsYmd()
  ymd!: string;
}
