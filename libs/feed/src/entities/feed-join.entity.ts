import { Entity, ManyToOne, type Opt, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { User } from '@app/identity';
import { Feed } from './feed.entity';

/** A member taking part in a game or a team, once: the composite primary key is the rule. */
@Entity()
export class FeedJoin {
  @ManyToOne(() => Feed, { primary: true, deleteRule: 'cascade' })
  feed!: Feed;

  @ManyToOne(() => User, { primary: true, deleteRule: 'cascade' })
  user!: User;

  [PrimaryKeyProp]?: ['feed', 'user'];

  @Property({ type: 'datetime', defaultRaw: 'CURRENT_TIMESTAMP' })
  createdAt: Date & Opt = new Date();
}
