import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ArrayBodyPipe, ErrorResponse, QueryBudget } from '@app/core';
import { StaffOnly } from '@app/identity';
import { OrderListService } from '../order-list.service';
import { CreateOrderListDto, MAX_ORDER_LISTS_PER_REQUEST } from './dto/create-order-list.dto';
import { OrderListQueryDto } from './dto/order-list-query.dto';
import { OrderListResponse, toOrderListResponse } from './dto/order-list.response';

@ApiTags('release: order lists')
@ApiBearerAuth()
@StaffOnly()
@Controller('order-lists')
export class OrderListController {
  constructor(private readonly orders: OrderListService) {}

  @Post()
  @ApiOperation({
    summary: 'Record order lines (staff)',
    description: `1 to ${MAX_ORDER_LISTS_PER_REQUEST} lines, on no pallet yet; each element is validated and errors name it (\`0.count\`). One insert.`,
  })
  @ApiBody({ type: [CreateOrderListDto] })
  @ApiCreatedResponse({ type: [OrderListResponse] })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  async create(
    @Body(new ArrayBodyPipe(CreateOrderListDto, { maxItems: MAX_ORDER_LISTS_PER_REQUEST })) body: CreateOrderListDto[],
  ): Promise<OrderListResponse[]> {
    return (await this.orders.create(body)).map(toOrderListResponse);
  }

  @Get()
  @QueryBudget(1)
  @ApiOperation({
    summary: "A day's order lines (staff)",
    description: 'In the order entered; ?palletId= for one pallet, ?unloaded=true for those on no pallet.',
  })
  @ApiOkResponse({ type: [OrderListResponse] })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED' })
  async list(@Query() query: OrderListQueryDto): Promise<OrderListResponse[]> {
    return (await this.orders.list(query)).map(toOrderListResponse);
  }
}
