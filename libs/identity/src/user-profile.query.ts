import type { EntityManager } from '@mikro-orm/mysql';
import { executePrepared } from '@app/core';

/** A user as their account page shows them: a projection, not an entity. */
export interface UserFields {
  id: number;
  username: string;
  phoneNumber: string;
  email: string | null;
  isStaff: boolean;
  isActive: boolean;
  image: { id: number; imageUrl: string } | null;
}

/** The user and their picture by primary keys, one prepared statement. */
const USER_WITH_IMAGE = `select u.id, u.username, u.phone_number as phoneNumber, u.email, u.is_staff as isStaff, u.is_active as isActive, i.id as imageId, i.image_url as imageUrl
from \`user\` u
left join image i on i.id = u.image_id
where u.id = ?`;

interface UserWithImageRow {
  id: number;
  username: string;
  phoneNumber: string;
  email: string | null;
  isStaff: number;
  isActive: number;
  imageId: number | null;
  imageUrl: string | null;
}

/**
 * The user with their image, or null. `GET /users/me` reads it on every call: through `findOne`
 * with `populate`, building the query and hydrating the two entities was a fifth of that route's
 * CPU (docs/performance.md).
 */
export async function readUserFields(em: EntityManager, id: number): Promise<UserFields | null> {
  const [row] = await executePrepared<UserWithImageRow>(em, USER_WITH_IMAGE, [id]);
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    phoneNumber: row.phoneNumber,
    email: row.email,
    isStaff: row.isStaff === 1,
    isActive: row.isActive === 1,
    image: row.imageId === null || row.imageUrl === null ? null : { id: row.imageId, imageUrl: row.imageUrl },
  };
}
