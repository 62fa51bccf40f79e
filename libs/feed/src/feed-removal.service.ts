import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/mysql';
import { DomainError, inTransaction, NotFoundError } from '@app/core';
import { AuditLog, StaffRights } from '@app/identity';
import { Feed } from './entities/feed.entity';
import { Game } from './entities/game.entity';
import { Post } from './entities/post.entity';
import { Team } from './entities/team.entity';

/** What a reader would call the item: a post's title, a game's name, a team's room. */
export function feedTitle(feed: Feed): string {
  if (feed instanceof Post) return feed.title;
  if (feed instanceof Game) return feed.gameName;
  if (feed instanceof Team) return feed.roomName;
  return '';
}

/**
 * Removing an item, by its author or by staff. The row is locked first, as likes and joins lock it
 * (`FeedReactionsService`): a like racing the removal waits, then finds no item (404) instead of
 * failing on the foreign key. Likes and joins go with the row (`ON DELETE CASCADE` on both tables).
 *
 * The audit log records the removal when the actor is staff, whoever wrote the item. A member
 * removing their own item is not recorded: the log is the record of staff changes, and an entry
 * would keep the title the member chose to take down.
 */
@Injectable()
export class FeedRemovalService {
  constructor(
    private readonly em: EntityManager,
    private readonly staffRights: StaffRights,
    private readonly audit: AuditLog,
  ) {}

  async remove(actorId: number, feedId: number): Promise<void> {
    // read before the transaction: the item's lock is then held for the delete alone
    const isStaff = await this.staffRights.isStaff(actorId);
    await inTransaction(this.em, async (em) => {
      const feed = await em.findOne(Feed, feedId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!feed) throw new NotFoundError('Feed', feedId);
      if (!isStaff && feed.author.id !== actorId) throw new DomainError('FORBIDDEN', 'Only the author or staff may remove this item');
      await em.nativeDelete(Feed, { id: feed.id });
      if (isStaff) {
        this.audit.record(em, actorId, {
          action: 'feed.delete',
          entity: 'feed',
          entityId: feed.id,
          before: { type: feed.dtype, title: feedTitle(feed), authorId: feed.author.id },
        });
        await em.flush();
      }
    });
  }
}
