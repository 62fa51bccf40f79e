import { PageQueryDto } from '@app/core';

export class PollQueryDto extends PageQueryDto {}
