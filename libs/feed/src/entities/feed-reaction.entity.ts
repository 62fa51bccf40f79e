import { Entity, ManyToOne, type Opt, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { storedInstant } from '@app/core';
import { User } from '@app/identity';
import { Feed } from './feed.entity';

/** A member's reaction to an item, at most one of a kind: the composite primary key is the rule. */
@Entity({ abstract: true })
export abstract class FeedReaction {
  @ManyToOne(() => Feed, { primary: true, deleteRule: 'cascade' })
  feed!: Feed;

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  [PrimaryKeyProp]?: ['feed', 'user'];

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = storedInstant();
}
