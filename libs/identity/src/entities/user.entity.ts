import { Entity, Index, OneToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { Image } from './image.entity';

/** What staff may change of an account: its staff rights, and whether it may sign in at all. */
// a type, not an interface: the audit log's before/after take it as a plain record of fields
export type AccountStatusChanges = {
  isStaff?: boolean;
  isActive?: boolean;
};

/** The phone index serves the staff directory's prefix search; `(isStaff, isActive)` the last-staff lock. */
@Entity()
@Index({ name: 'user_phone_number_index', properties: ['phoneNumber'] })
@Index({ name: 'user_is_staff_is_active_index', properties: ['isStaff', 'isActive'] })
export class User {
  @PrimaryKey()
  id!: number;

  @Property({ length: 150 })
  @Unique()
  username: string;

  /** Lazy: read only where a password is checked, never with the users that lists and joins show. */
  @Property({ length: 255, hidden: true, lazy: true })
  passwordHash: string;

  @Property({ length: 32 })
  phoneNumber: string;

  /** Where notifications go; optional. */
  @Property({ length: 254, nullable: true })
  email: string | null;

  @Property({ default: false })
  isStaff: boolean & Opt = false;

  /** False once staff deactivate the account: it cannot log in and its tokens stop working. */
  @Property({ default: true })
  isActive: boolean & Opt = true;

  @OneToOne(() => Image, { nullable: true, owner: true, deleteRule: 'set null' })
  image: Image | null = null;

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();

  constructor(props: { username: string; passwordHash: string; phoneNumber: string; email?: string | null; isStaff?: boolean }) {
    this.username = props.username;
    this.passwordHash = props.passwordHash;
    this.phoneNumber = props.phoneNumber;
    this.email = props.email ?? null;
    this.isStaff = props.isStaff ?? false;
  }

  /** Whether the account can run the gym now: staff and not deactivated. */
  get isActiveStaff(): boolean {
    return this.isStaff && this.isActive;
  }

  /** Applies staff's change of the account's rights; answers the fields that changed, before and after. */
  changeStatus(changes: AccountStatusChanges): { before: AccountStatusChanges; after: AccountStatusChanges } {
    const before: AccountStatusChanges = {};
    const after: AccountStatusChanges = {};
    for (const field of ['isStaff', 'isActive'] as const) {
      const value = changes[field];
      if (value === undefined || value === this[field]) continue;
      before[field] = this[field];
      after[field] = value;
      this[field] = value;
    }
    return { before, after };
  }

  setImage(imageUrl: string): void {
    if (this.image) this.image.imageUrl = imageUrl;
    else this.image = new Image(imageUrl);
  }
}
