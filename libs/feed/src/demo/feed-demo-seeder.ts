import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SeededRandom } from '@app/core';
import { User } from '@app/identity';
import { Feed } from '../entities/feed.entity';
import { Game } from '../entities/game.entity';
import { Post } from '../entities/post.entity';
import { Team } from '../entities/team.entity';

export interface FeedSeedSummary {
  items: number;
  likes: number;
  joins: number;
}

const BATCH = 500;
const TITLES = [
  '오늘의 운동 기록',
  'Morning run by the Han river',
  '스쿼트 100kg 달성',
  'Yoga before work',
  '수영 1km 완주',
  'Leg day again',
  '주말 등산 후기',
  'New PR on deadlift',
];
const BODIES = [
  '생각보다 힘들었지만 뿌듯하다.',
  'Slow and steady, 5 km today.',
  '다음 주에는 110kg 도전!',
  'Felt great, see you tomorrow.',
  '물이 차가웠지만 좋았다.',
];
const GAMES: [string, string][] = [
  ['풋살 5 vs 5', '서울 마포'],
  ['3on3 농구', '부산 해운대'],
  ['배드민턴 복식', '서울 강남'],
  ['Tennis doubles', 'Seoul Jamsil'],
  ['볼링 내기', '부산 서면'],
];
const ROOMS = ['새벽 수영반', 'Crossfit crew', '주말 러닝 크루', 'Yoga lovers', '3대 500 도전방', 'Busan hikers'];

/**
 * A feed of a few thousand items by the demo members, with likes and joins. Items are inserted in
 * batches; reactions with multi-row inserts; the counters are then set from the reaction rows in
 * one statement each, so they are exact.
 */
@Injectable()
export class FeedDemoSeeder {
  constructor(private readonly em: EntityManager) {}

  /** Returns null, changing nothing, when the feed already has items or there are no authors. */
  async seed(options: { authorIds: number[]; items: number; seed: number }): Promise<FeedSeedSummary | null> {
    const em = this.em.fork();
    if (options.authorIds.length === 0 || (await em.count(Feed, {})) > 0) return null;
    const random = new SeededRandom(options.seed);
    const created: { id: number; joinable: boolean }[] = [];
    for (let first = 0; first < options.items; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, options.items - first) }, () =>
        this.newItem(em, random.pick(options.authorIds), random),
      );
      await em.persistAndFlush(batch);
      created.push(...batch.map((feed) => ({ id: feed.id, joinable: feed.joinable })));
      em.clear();
    }
    const likes = await this.react(em, 'feed_like', created, options.authorIds, random, 12);
    const joins = await this.react(
      em,
      'feed_join',
      created.filter((item) => item.joinable),
      options.authorIds,
      random,
      6,
    );
    await em.execute('update feed f set like_count = (select count(*) from feed_like l where l.feed_id = f.id)');
    await em.execute('update feed f set joined_count = (select count(*) from feed_join j where j.feed_id = f.id)');
    return { items: created.length, likes, joins };
  }

  private newItem(em: EntityManager, authorId: number, random: SeededRandom): Feed {
    const author = em.getReference(User, authorId);
    const roll = random.next();
    if (roll < 0.6) return new Post(author, { title: random.pick(TITLES), body: random.pick(BODIES) });
    if (roll < 0.8) {
      const [gameName, gameLocation] = random.pick(GAMES);
      return new Game(author, { gameName, gameLocation });
    }
    return new Team(author, { roomName: random.pick(ROOMS) });
  }

  /** Up to `most` distinct members react to each item; returns the rows written. */
  private async react(
    em: EntityManager,
    table: 'feed_like' | 'feed_join',
    items: { id: number }[],
    memberIds: number[],
    random: SeededRandom,
    most: number,
  ): Promise<number> {
    const rows: [number, number][] = [];
    for (const item of items) {
      const count = random.int(0, Math.min(most, memberIds.length));
      for (const userId of random.shuffle(memberIds).slice(0, count)) rows.push([item.id, userId]);
    }
    for (let first = 0; first < rows.length; first += 2 * BATCH) {
      const chunk = rows.slice(first, first + 2 * BATCH);
      await em.execute(`insert ignore into \`${table}\` (feed_id, user_id) values ${chunk.map(() => '(?, ?)').join(', ')}`, chunk.flat());
    }
    return rows.length;
  }
}
