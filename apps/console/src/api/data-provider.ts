import type { DataProvider, GetListParams, GetListResult, Identifier, RaRecord } from 'react-admin';
import { CursorPages } from './cursor-pages';
import { api, type Query } from './http';

type Page<T> = { items: T[]; nextCursor: string | null };
type Row = RaRecord & Record<string, unknown>;

/** Every cursor-paginated list the console shows, and the path and filters it reads. */
const CURSOR_LISTS: Record<string, { path: (filter: Query) => string; filters: string[] }> = {
  members: { path: () => '/users', filters: ['search', 'isStaff', 'isActive'] },
  'member-bookings': { path: (filter) => `/users/${filter.userId}/bookings`, filters: ['status'] },
  lessons: { path: () => '/lessons', filters: ['from', 'to', 'gym', 'type'] },
  feeds: { path: () => '/feeds', filters: ['type'] },
  polls: { path: () => '/polls', filters: [] },
  audit: { path: () => '/audit', filters: ['actorId', 'entity', 'entityId'] },
  'failed-tasks': { path: () => '/tasks', filters: ['state'] },
};

/** Lists the API answers whole (small by nature: a member's ledger, a day's order lines). */
const ARRAY_LISTS: Record<string, { path: (filter: Query) => string; filters: string[] }> = {
  credits: { path: () => '/credits', filters: ['userId'] },
  'price-policies': { path: () => '/price-policies', filters: [] },
  cars: { path: () => '/cars', filters: [] },
  pallets: { path: (filter) => `/cars/${filter.carId}/pallets`, filters: ['ymd'] },
  'order-lists': { path: () => '/order-lists', filters: ['ymd', 'palletId', 'unloaded'] },
};

/** The fields each resource's PATCH accepts; an edit sends only those that changed. */
const EDITABLE: Record<string, string[]> = {
  members: ['isStaff', 'isActive'],
  lessons: ['maxCapacity', 'startTime', 'endTime'],
  'price-policies': ['name', 'isActive'],
};

const CREATE_PATHS: Record<string, string> = {
  lessons: '/lessons',
  'price-policies': '/price-policies',
  grants: '/credits/grants',
  cars: '/cars',
};

function pick(filter: Record<string, unknown>, names: string[]): Query {
  return Object.fromEntries(names.filter((name) => filter[name] !== undefined).map((name) => [name, filter[name] as Query[string]]));
}

function compare(field: string, order: string) {
  const direction = order === 'DESC' ? -1 : 1;
  return (a: Row, b: Row) => {
    const [left, right] = [a[field], b[field]] as [never, never];
    return left === right ? 0 : left > right ? direction : -direction;
  };
}

const pages = new CursorPages();

async function cursorList(resource: string, params: GetListParams): Promise<GetListResult> {
  const list = CURSOR_LISTS[resource];
  const filter = (params.filter ?? {}) as Query;
  const perPage = params.pagination?.perPage ?? 20;
  const query = { ...pick(filter, list.filters), limit: perPage };
  const key = `${resource}|${JSON.stringify(filter)}|${perPage}`;
  const page = await pages.page<Row>(key, params.pagination?.page ?? 1, (cursor) =>
    api<Page<Row>>(list.path(filter), { query: { ...query, cursor } }),
  );
  const pageNumber = params.pagination?.page ?? 1;
  // on the last page the count is known: react-admin then says "21-25 of 25", not "of more than"
  const total = page.hasNextPage ? undefined : (pageNumber - 1) * perPage + page.items.length;
  return { data: page.items, total, pageInfo: { hasNextPage: page.hasNextPage, hasPreviousPage: pageNumber > 1 } };
}

/**
 * Every pallet of every car with its car's number, for a day (`{ id: palletId, carNumber, seq }`):
 * the order lines name only a pallet id. One request for the fleet and one per car, all small.
 */
async function palletLabels(filter: Query): Promise<GetListResult> {
  const cars = await api<Array<{ id: number; carNumber: string }>>('/cars');
  const perCar = await Promise.all(
    cars.map(async (car) =>
      (await api<Array<{ id: number; seq: number }>>(`/cars/${car.id}/pallets`, { query: { ymd: filter.ymd } })).map((pallet) => ({
        id: pallet.id,
        carNumber: car.carNumber,
        seq: pallet.seq,
      })),
    ),
  );
  const data = perCar.flat();
  return { data, total: data.length };
}

async function arrayList(resource: string, params: GetListParams): Promise<GetListResult> {
  const list = ARRAY_LISTS[resource];
  const filter = (params.filter ?? {}) as Query;
  let rows = await api<Row[]>(list.path(filter), { query: pick(filter, list.filters) });
  if (params.sort?.field) rows = [...rows].sort(compare(params.sort.field, params.sort.order));
  const { page = 1, perPage = rows.length } = params.pagination ?? {};
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
}

function changed(resource: string, data: Row, previous: Row | undefined): Record<string, unknown> {
  const fields = EDITABLE[resource] ?? [];
  return Object.fromEntries(
    fields.filter((field) => data[field] !== undefined && data[field] !== previous?.[field]).map((field) => [field, data[field]]),
  );
}

function readOne(resource: string, id: Identifier): Promise<Row> {
  switch (resource) {
    case 'members':
      return api<Row>(`/users/${id}`);
    case 'lessons':
      return api<Row>(`/lessons/${id}`);
    case 'balances':
      return api<Row>('/credits/balance', { query: { userId: id } }).then((balance) => ({ ...balance, id }));
    case 'gym':
      return api<Row>('/gym').then((gym) => ({ ...gym, id }));
    default:
      throw new Error(`The console cannot read one ${resource}`);
  }
}

/**
 * react-admin's view of the API. Every call goes through the API's own routes and rules (no table
 * editing), so each write is validated, audited and refused exactly as for any client.
 */
export const dataProvider: DataProvider & ConsoleActions = {
  async getList(resource, params) {
    if (resource in CURSOR_LISTS) return cursorList(resource, params);
    if (resource in ARRAY_LISTS) return arrayList(resource, params);
    if (resource === 'pallet-labels') return palletLabels((params.filter ?? {}) as Query);
    throw new Error(`The console cannot list ${resource}`);
  },
  async getOne(resource, params) {
    return { data: (await readOne(resource, params.id)) as never };
  },
  async getMany(resource, params) {
    if (resource === 'cars' || resource === 'price-policies') {
      const all = await arrayList(resource, { filter: {} } as GetListParams);
      return { data: all.data.filter((row) => params.ids.includes(row.id)) as never };
    }
    return { data: (await Promise.all(params.ids.map((id) => readOne(resource, id)))) as never };
  },
  async getManyReference() {
    throw new Error('The console does not use getManyReference');
  },
  async create(resource, params) {
    const path = CREATE_PATHS[resource];
    if (!path) throw new Error(`The console cannot create ${resource}`);
    const data = await api<Row>(path, { method: 'POST', body: params.data });
    pages.forget(resource);
    return { data: data as never };
  },
  async update(resource, params) {
    const body = changed(resource, params.data as Row, params.previousData as Row | undefined);
    const data =
      Object.keys(body).length > 0
        ? await api<Row>(`/${resourcePath(resource)}/${params.id}`, { method: 'PATCH', body })
        : params.previousData;
    pages.forget(resource);
    return { data: { ...(params.previousData as Row), ...(data as Row) } as never };
  },
  async updateMany() {
    throw new Error('The console does not update in bulk');
  },
  async delete(resource, params) {
    if (resource === 'reservations') {
      const booking = await api<Row>(`/reservations/${params.id}`, {
        method: 'DELETE',
        query: { refund: (params.meta as { refund?: string })?.refund },
      });
      return { data: booking as never };
    }
    if (resource !== 'feeds') throw new Error(`The console cannot delete ${resource}`);
    await api(`/feeds/${params.id}`, { method: 'DELETE' });
    pages.forget(resource);
    return { data: params.previousData as never };
  },
  async deleteMany() {
    throw new Error('The console does not delete in bulk');
  },

  async cancelLesson(id, reason) {
    pages.forget('lessons');
    return api<Row>(`/lessons/${id}/cancel`, { method: 'POST', body: { reason } });
  },
  async closePoll(id) {
    pages.forget('polls');
    return api<Row>(`/polls/${id}/close`, { method: 'POST' });
  },
  async importOrderLines(csv) {
    return api<{ created: number }>('/order-lists/import', { method: 'POST', body: csv, contentType: 'text/csv' });
  },
  async loadPallet(palletId, ymd, orderListIds) {
    return api<Row[]>(`/pallets/${palletId}/orders`, { method: 'PUT', body: { ymd, orderListIds } });
  },
};

function resourcePath(resource: string): string {
  return resource === 'members' ? 'users' : resource;
}

/** The API's actions that are not create, update or delete of a record. */
export interface ConsoleActions {
  cancelLesson(id: Identifier, reason: string): Promise<Row>;
  closePoll(id: Identifier): Promise<Row>;
  importOrderLines(csv: string): Promise<{ created: number }>;
  loadPallet(palletId: Identifier, ymd: string, orderListIds: Identifier[]): Promise<Row[]>;
}
