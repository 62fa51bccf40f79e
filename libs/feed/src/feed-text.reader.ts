import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { Feed } from './entities/feed.entity';
import { Game } from './entities/game.entity';
import { Post } from './entities/post.entity';
import { Team } from './entities/team.entity';

/** What an item says, for text processing (search, recommendations). */
export interface FeedText {
  id: number;
  text: string;
}

/** The words of an item: title and body of a post, name and place of a game, a team's room name. */
export function feedText(feed: Feed): string {
  if (feed instanceof Post) return [feed.title, feed.body].filter(Boolean).join('\n');
  if (feed instanceof Game) return [feed.gameName, feed.gameLocation].filter(Boolean).join('\n');
  if (feed instanceof Team) return feed.roomName ?? '';
  return '';
}

/**
 * Reads the whole feed in id order, a batch at a time: a keyset range (`id > last`) per batch on a
 * fresh EntityManager, so memory stays bounded by one batch however large the table is.
 */
@Injectable()
export class FeedTextReader {
  constructor(private readonly em: EntityManager) {}

  async *batches(batchSize = 1000): AsyncGenerator<FeedText[]> {
    let after = 0;
    for (;;) {
      const rows = await this.em.fork().find(Feed, { id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: batchSize });
      if (rows.length === 0) return;
      yield rows.map((feed) => ({ id: feed.id, text: feedText(feed) }));
      after = rows[rows.length - 1].id;
      if (rows.length < batchSize) return;
    }
  }
}
