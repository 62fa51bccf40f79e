import { Body, Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ArrayBodyPipe, Endpoint, QueryBudget, streamedBody } from '@app/core';
import { type AuthenticatedUser, CurrentUser, StaffOnly } from '@app/identity';
import { ORDER_LIST_CSV_COLUMNS, MAX_IMPORTED_ORDER_LINES } from '../import/order-list-csv.reader';
import { OrderListImportService } from '../import/order-list-import.service';
import { OrderListService } from '../order-list.service';
import { CreateOrderListDto, MAX_ORDER_LISTS_PER_REQUEST } from './dto/create-order-list.dto';
import { OrderListQueryDto } from './dto/order-list-query.dto';
import { OrderListImportResponse, toOrderListImportResponse } from './dto/order-list-import.response';
import { OrderListResponse, toOrderListResponse } from './dto/order-list.response';

/**
 * The import's body limit, above the API's 1 MB for JSON: a day of 10,000 lines with Korean product
 * and location names (3 bytes a character in UTF-8) runs to 2 MB, so 4 MB leaves room for long names.
 */
export const CSV_IMPORT_LIMIT_BYTES = 4 * 1024 * 1024;

@ApiTags('release: order lists')
@StaffOnly()
@Controller('order-lists')
export class OrderListController {
  constructor(
    private readonly orders: OrderListService,
    private readonly imports: OrderListImportService,
  ) {}

  @Post('import')
  @Endpoint({
    summary: 'Import order lines from a CSV file (staff)',
    description:
      `A \`text/csv\` body (UTF-8, a BOM and CRLF line ends accepted, quoted fields may hold commas) whose first line is the header ` +
      `\`${ORDER_LIST_CSV_COLUMNS.join(',')}\`, then one order line per line, each with the rules of \`POST /order-lists\`. ` +
      `All or nothing: when any line is bad, 400 INVALID_CSV lists the problems (the first 100, each with the file's line number, ` +
      `the header being line 1, and the column, null when the whole line is wrong) and nothing is written; otherwise every ` +
      `line is inserted in one transaction and the import is recorded in the audit log (\`order-list.import\`). ` +
      `At most ${MAX_IMPORTED_ORDER_LINES} lines and ${CSV_IMPORT_LIMIT_BYTES / 1024 / 1024} MB (413 PAYLOAD_TOO_LARGE).`,
    errors: ['FORBIDDEN', 'INVALID_CSV', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'],
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'ymd,code,codeName,locationName,count\r\n20261201,A-1001,"생수 2L, 6개",강남점,12\r\n' },
  })
  @ApiCreatedResponse({ type: OrderListImportResponse })
  async import(@CurrentUser() me: AuthenticatedUser, @Req() request: Request): Promise<OrderListImportResponse> {
    const csv = streamedBody(request, { mediaType: 'text/csv', limitBytes: CSV_IMPORT_LIMIT_BYTES });
    return toOrderListImportResponse(await this.imports.import(me.id, csv));
  }

  @Post()
  @Endpoint({
    summary: 'Record order lines (staff)',
    description: `1 to ${MAX_ORDER_LISTS_PER_REQUEST} lines, on no pallet yet; each element is validated and errors name it (\`0.count\`). One insert.`,
    errors: ['FORBIDDEN', 'VALIDATION_FAILED'],
  })
  @ApiBody({ type: [CreateOrderListDto] })
  @ApiCreatedResponse({ type: [OrderListResponse] })
  async create(
    @CurrentUser() me: AuthenticatedUser,
    @Body(new ArrayBodyPipe(CreateOrderListDto, { maxItems: MAX_ORDER_LISTS_PER_REQUEST })) body: CreateOrderListDto[],
  ): Promise<OrderListResponse[]> {
    return (await this.orders.create(body, me.id)).map(toOrderListResponse);
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
