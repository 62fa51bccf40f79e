import { Injectable } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { DomainError, NotFoundError } from '@app/core';
import { User } from './entities/user.entity';
import { InvalidCredentialsError, UsernameTakenError } from './identity.errors';
import { PasswordHasher } from './password-hasher';
import { readUserFields, type UserFields } from './user-profile.query';

export interface RegisterUserInput {
  username: string;
  password: string;
  phoneNumber: string;
  email?: string;
  isStaff?: boolean;
}

export const DEFAULT_ADMIN_USERNAME = 'admin';

export interface OwnAccountChanges {
  phoneNumber?: string;
  email?: string | null;
  password?: string;
  currentPassword?: string;
}

@Injectable()
export class UserService {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Creates a member; a taken username is refused by the unique key, so racing sign-ups are safe. */
  async register(input: RegisterUserInput): Promise<User> {
    const user = new User({
      username: input.username,
      passwordHash: await this.hasher.hash(input.password),
      phoneNumber: input.phoneNumber,
      email: input.email,
      isStaff: input.isStaff,
    });
    try {
      await this.em.persistAndFlush(user);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new UsernameTakenError(input.username);
      throw error;
    }
    return user;
  }

  /**
   * Creates many members at once, all with the same already hashed password (hashing costs
   * ~100 ms each): one multi-row insert per flush batch. For seeding; a taken username fails
   * the whole batch.
   */
  async registerMany(inputs: Omit<RegisterUserInput, 'password'>[], passwordHash: string): Promise<User[]> {
    const users = inputs.map((input) => new User({ ...input, passwordHash }));
    await this.em.persistAndFlush(users);
    return users;
  }

  /** Ids of the users whose username starts with `prefix`, in id order (for seeding). */
  async idsByUsernamePrefix(prefix: string): Promise<number[]> {
    const users = await this.em.find(
      User,
      { username: { $like: `${prefix.replace(/[%_\\]/g, '\\$&')}%` } },
      { fields: ['id'], orderBy: { id: 'asc' } },
    );
    return users.map((user) => user.id);
  }

  /** The user with their image, in one statement. */
  async getById(id: number): Promise<User> {
    const user = await this.em.findOne(User, id, { populate: ['image'] });
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** A member may read their own account; staff may read anyone's. One prepared statement. */
  async getVisibleTo(viewer: { id: number; isStaff: boolean }, id: number): Promise<UserFields> {
    if (viewer.id !== id && !viewer.isStaff) throw new DomainError('FORBIDDEN', 'You may only read your own account');
    const user = await readUserFields(this.em, id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** The user whose password matches, or null; takes the same time for unknown usernames. */
  async authenticate(username: string, password: string): Promise<User | null> {
    const user = await this.em.findOne(User, { username }, { populate: ['passwordHash'] });
    if (!user) {
      await this.hasher.burn(password);
      return null;
    }
    return (await this.hasher.verify(password, user.passwordHash)) ? user : null;
  }

  /**
   * Changes a member's own phone number, email or password. A new password needs the current one
   * (401 INVALID_CREDENTIALS otherwise), checked before anything is written.
   */
  async updateOwn(userId: number, changes: OwnAccountChanges): Promise<User> {
    const user = await this.em.findOne(User, userId, {
      populate: ['image', ...(changes.password === undefined ? [] : ['passwordHash' as const])],
    });
    if (!user) throw new NotFoundError('User', userId);
    if (changes.password !== undefined) {
      const current = changes.currentPassword ?? '';
      // no password is longer than 128 characters: a longer one is wrong without hashing it
      const matches = current.length <= 128 && (await this.hasher.verify(current, user.passwordHash));
      if (!matches) throw new InvalidCredentialsError('The current password is wrong');
      user.passwordHash = await this.hasher.hash(changes.password);
    }
    if (changes.phoneNumber !== undefined) user.phoneNumber = changes.phoneNumber;
    if (changes.email !== undefined) user.email = changes.email;
    await this.em.flush();
    return user;
  }

  async setImage(userId: number, imageUrl: string): Promise<User> {
    const user = await this.getById(userId);
    user.setImage(imageUrl);
    await this.em.flush();
    return user;
  }

  /**
   * Makes sure the staff user `admin` exists. Idempotent: an existing admin keeps its password.
   * Returns true when it was created now.
   */
  async ensureDefaultAdmin(password: string): Promise<boolean> {
    const existing = await this.em.findOne(User, { username: DEFAULT_ADMIN_USERNAME });
    if (existing) {
      if (!existing.isStaff) {
        existing.isStaff = true;
        await this.em.flush();
      }
      return false;
    }
    try {
      await this.register({ username: DEFAULT_ADMIN_USERNAME, password, phoneNumber: '000-0000-0000', isStaff: true });
      return true;
    } catch (error) {
      if (error instanceof UsernameTakenError) return false;
      throw error;
    }
  }
}
