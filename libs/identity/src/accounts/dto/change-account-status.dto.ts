import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, ValidateIf } from 'class-validator';

// left out keeps the value; null is no value for these columns, so it is refused, not skipped (IsOptional would let it through)
const present = (_dto: object, value: unknown): boolean => value !== undefined;

/** `PATCH /users/:id`: any of these; a field left out keeps its value. */
export class ChangeAccountStatusDto {
  @ApiPropertyOptional({ description: 'Staff rights: run the gym, read every member' })
  @ValidateIf(present)
  @IsBoolean()
  isStaff?: boolean;

  @ApiPropertyOptional({ description: 'false deactivates the account: it cannot log in, and its tokens stop working at once' })
  @ValidateIf(present)
  @IsBoolean()
  isActive?: boolean;
}
