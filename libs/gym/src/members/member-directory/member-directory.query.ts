import type { EntityManager } from '@mikro-orm/mysql';
import { Cursor, executePrepared, fromStoredDatetime, type Page, toPage } from '@app/core';
import type { UserFields } from '@app/identity';

export interface MemberDirectoryFilter {
  /** A prefix of the username or of the phone number. */
  search?: string;
  isStaff?: boolean;
  isActive?: boolean;
  limit: number;
  cursor?: string;
}

export interface DirectoryUser extends UserFields {
  isActive: boolean;
  createdAt: Date;
}

interface DirectoryRow {
  id: number;
  username: string;
  phoneNumber: string;
  email: string | null;
  isStaff: number;
  isActive: number;
  createdAt: string;
  imageId: number | null;
  imageUrl: string | null;
}

const COLUMNS = `u.id, u.username, u.phone_number as phoneNumber, u.email, u.is_staff as isStaff, u.is_active as isActive,
       u.created_at as createdAt, i.id as imageId, i.image_url as imageUrl`;

/** `LIKE` matches these three characters literally only when escaped. */
const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, '\\$&')}%`;

/**
 * One page of users by username (a keyset on the unique username), in one statement. Without a
 * search it walks `user_username_unique` in order and stops after `limit + 1` rows. A search is a
 * union of two branches, each served by its own index (`EXPLAIN` in docs/performance.md): the
 * username prefix is a range of `user_username_unique`, already in order; the phone prefix a range
 * of `user_phone_number_index`, sorted by username after (as many rows as the prefix matches). A
 * single `username like ? or phone_number like ?` would use neither index.
 */
export async function readMemberDirectory(em: EntityManager, filter: MemberDirectoryFilter): Promise<Page<DirectoryUser>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.isStaff !== undefined) {
    conditions.push('u.is_staff = ?');
    params.push(filter.isStaff ? 1 : 0);
  }
  if (filter.isActive !== undefined) {
    conditions.push('u.is_active = ?');
    params.push(filter.isActive ? 1 : 0);
  }
  if (filter.cursor) {
    const [username] = Cursor.decode<[string]>(filter.cursor, ['string']);
    conditions.push('u.username > ?');
    params.push(username);
  }
  const branch = (match: string | null): string =>
    `select ${COLUMNS}
       from \`user\` u
       left join image i on i.id = u.image_id
      ${[...(match ? [match] : []), ...conditions].map((c, n) => `${n === 0 ? 'where' : 'and'} ${c}`).join(' ')}
      order by u.username
      limit ?`;
  let sql: string;
  let allParams: unknown[];
  if (filter.search === undefined) {
    sql = branch(null);
    allParams = [...params, filter.limit + 1];
  } else {
    const prefix = likePrefix(filter.search);
    sql = `select * from ((${branch('u.username like ?')}) union (${branch('u.phone_number like ?')})) m order by m.username limit ?`;
    allParams = [prefix, ...params, filter.limit + 1, prefix, ...params, filter.limit + 1, filter.limit + 1];
  }
  const rows = await executePrepared<DirectoryRow>(em, sql, allParams);
  return toPage(
    rows,
    filter.limit,
    (row) => [row.username],
    (row) => ({
      id: row.id,
      username: row.username,
      phoneNumber: row.phoneNumber,
      email: row.email,
      isStaff: row.isStaff === 1,
      isActive: row.isActive === 1,
      createdAt: fromStoredDatetime(row.createdAt),
      image: row.imageId === null || row.imageUrl === null ? null : { id: row.imageId, imageUrl: row.imageUrl },
    }),
  );
}
