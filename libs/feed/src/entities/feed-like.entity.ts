import { Entity } from '@mikro-orm/core';
import { FeedReaction } from './feed-reaction.entity';

/** A like. */
@Entity()
export class FeedLike extends FeedReaction {}
