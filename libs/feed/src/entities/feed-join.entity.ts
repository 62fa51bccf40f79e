import { Entity } from '@mikro-orm/core';
import { FeedReaction } from './feed-reaction.entity';

/** A member taking part in a game or a team. */
@Entity()
export class FeedJoin extends FeedReaction {}
