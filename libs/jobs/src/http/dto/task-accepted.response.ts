import { ApiProperty } from '@nestjs/swagger';

export class TaskAcceptedResponse {
  @ApiProperty({ example: 'email-1b4e28ba-2fa1-11d2-883f-0016d3cca427' }) taskId!: string;
}
