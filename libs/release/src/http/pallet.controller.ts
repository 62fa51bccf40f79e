import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe } from '@app/core';
import { type AuthenticatedUser, CurrentUser, StaffOnly } from '@app/identity';
import { PalletLoadService } from '../pallet-load.service';
import { LoadPalletDto } from './dto/load-pallet.dto';
import { OrderListResponse, toOrderListResponse } from './dto/order-list.response';

@ApiTags('release: pallets')
@StaffOnly()
@Controller('pallets')
export class PalletController {
  constructor(private readonly loads: PalletLoadService) {}

  @Put(':id/orders')
  @Endpoint({
    summary: "Set a pallet's load for a day (staff)",
    description:
      "That day's load of the pallet becomes exactly these order lines (lines on another pallet move here; the pallet's other lines of that day are unloaded), in one transaction. Unknown lines or lines of another day: 400 INVALID_ORDER_LIST, nothing changes.",
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'INVALID_ORDER_LIST', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: [OrderListResponse], description: 'The pallet’s load of that day, by id' })
  async load(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: LoadPalletDto,
  ): Promise<OrderListResponse[]> {
    return (await this.loads.load(id, dto.ymd, dto.orderListIds, me.id)).map(toOrderListResponse);
  }
}
