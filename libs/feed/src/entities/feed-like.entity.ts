import { Entity, ManyToOne, type Opt, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { User } from '@app/identity';
import { Feed } from './feed.entity';

/** One like per member and item: the composite primary key is the rule. */
@Entity()
export class FeedLike {
  @ManyToOne(() => Feed, { primary: true, deleteRule: 'cascade' })
  feed!: Feed;

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  [PrimaryKeyProp]?: ['feed', 'user'];

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = new Date();
}
