import { Entity, OneToOne, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { Image } from './image.entity';

@Entity()
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

  setImage(imageUrl: string): void {
    if (this.image) this.image.imageUrl = imageUrl;
    else this.image = new Image(imageUrl);
  }
}
