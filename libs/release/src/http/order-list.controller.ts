import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ArrayBodyPipe, Endpoint, QueryBudget } from '@app/core';
import { StaffOnly } from '@app/identity';
import { OrderListService } from '../order-list.service';
import { CreateOrderListDto, MAX_ORDER_LISTS_PER_REQUEST } from './dto/create-order-list.dto';
import { OrderListQueryDto } from './dto/order-list-query.dto';
import { OrderListResponse, toOrderListResponse } from './dto/order-list.response';

@ApiTags('release: order lists')
@StaffOnly()
@Controller('order-lists')
export class OrderListController {
  constructor(private readonly orders: OrderListService) {}

  @Post()
  @Endpoint({
    summary: 'Record order lines (staff)',
    description: `1 to ${MAX_ORDER_LISTS_PER_REQUEST} lines, on no pallet yet; each element is validated and errors name it (\`0.count\`). One insert.`,
    errors: ['FORBIDDEN', 'VALIDATION_FAILED'],
  })
  @ApiBody({ type: [CreateOrderListDto] })
  @ApiCreatedResponse({ type: [OrderListResponse] })
  async create(
    @Body(new ArrayBodyPipe(CreateOrderListDto, { maxItems: MAX_ORDER_LISTS_PER_REQUEST })) body: CreateOrderListDto[],
  ): Promise<OrderListResponse[]> {
    return (await this.orders.create(body)).map(toOrderListResponse);
  }

  @Get()
  @QueryBudget(2) // 1 reads the caller's staff rights (StaffGuard), 1 the lines
  @Endpoint({
    summary: "A day's order lines (staff)",
    description: 'In the order entered; ?palletId= for one pallet, ?unloaded=true for those on no pallet.',
    errors: ['FORBIDDEN', 'VALIDATION_FAILED'],
  })
  @ApiOkResponse({ type: [OrderListResponse] })
  async list(@Query() query: OrderListQueryDto): Promise<OrderListResponse[]> {
    return (await this.orders.list(query)).map(toOrderListResponse);
  }
}
