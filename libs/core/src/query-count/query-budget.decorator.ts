import { applyDecorators } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const QUERY_BUDGET_EXTENSION = 'x-query-budget';

/**
 * The most SQL statements the route may run, whatever the data size. Published in the OpenAPI
 * document (`x-query-budget`), where the query-budget test reads it for every GET route.
 */
export const QueryBudget = (statements: number): MethodDecorator => applyDecorators(ApiExtension(QUERY_BUDGET_EXTENSION, statements));
