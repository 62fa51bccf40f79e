import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, QueryBudget } from '@app/core';
import { StaffOnly } from '@app/identity';
import { DirectoryPageResponse, toDirectoryMemberResponse } from './dto/directory-member.response';
import { MemberDirectoryQueryDto } from './dto/member-directory-query.dto';
import { MemberDirectoryReader } from './member-directory.reader';

@ApiTags('staff: users')
@Controller('users')
export class MemberDirectoryController {
  constructor(private readonly directory: MemberDirectoryReader) {}

  @Get()
  @StaffOnly()
  @QueryBudget(3)
  @Endpoint({
    summary: 'The member directory (staff)',
    description:
      'Every account by username, with its status and credit balance; search by a prefix of the username or of the phone number, filter by staff and by status. Keyset-paginated.',
    errors: ['FORBIDDEN'],
  })
  @ApiOkResponse({ type: DirectoryPageResponse })
  async list(@Query() query: MemberDirectoryQueryDto): Promise<DirectoryPageResponse> {
    const page = await this.directory.page(query);
    return { items: page.items.map(toDirectoryMemberResponse), nextCursor: page.nextCursor };
  }
}
