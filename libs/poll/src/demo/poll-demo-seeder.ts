import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/mysql';
import { SeededRandom } from '@app/core';
import { User } from '@app/identity';
import { PollVote } from '../entities/poll-vote.entity';
import { Poll } from '../entities/poll.entity';

export interface PollSeedSummary {
  polls: number;
  votes: number;
}

const BATCH = 50;
const TOPICS: [string, string[]][] = [
  ['목요일 회식 가능??', ['네', '아니오']],
  ['다음 단체 수업 종목은?', ['크로스핏', '요가', '수영', '웨이트']],
  ['Best time for group runs?', ['06:00', '12:00', '19:00', '21:00']],
  ['주말 등산 어디로 갈까요?', ['북한산', '관악산', '금정산']],
  ['New class schedule, good?', ['Yes', 'No', "Don't mind"]],
  ['단백질 쉐이크 맛 추천', ['초코', '바닐라', '딸기', '쿠키앤크림', '녹차']],
];

/** A few hundred polls by the demo members, with votes that follow each poll's rules. */
@Injectable()
export class PollDemoSeeder {
  constructor(private readonly em: EntityManager) {}

  /** Returns null, changing nothing, when polls exist already or there are no members. */
  async seed(options: { memberIds: number[]; polls: number; seed: number }): Promise<PollSeedSummary | null> {
    const em = this.em.fork();
    if (options.memberIds.length === 0 || (await em.count(Poll, {})) > 0) return null;
    const random = new SeededRandom(options.seed);
    let votes = 0;
    for (let first = 0; first < options.polls; first += BATCH) {
      for (let i = first; i < Math.min(first + BATCH, options.polls); i++) {
        const [head, questions] = random.pick(TOPICS);
        const poll = new Poll(
          em.getReference(User, random.pick(options.memberIds)),
          { head, message: 'Vote by Friday', endTime: null, isAnonymousVote: random.chance(0.3), isMultipleVote: random.chance(0.3) },
          questions,
        );
        em.persist(poll);
        const choices = poll.questions.getItems();
        for (const voterId of random.shuffle(options.memberIds).slice(0, random.int(0, 25))) {
          const picked = poll.isMultipleVote ? random.shuffle(choices).slice(0, random.int(1, choices.length)) : [random.pick(choices)];
          for (const question of picked) em.persist(new PollVote(poll, question, em.getReference(User, voterId)));
          votes += picked.length;
        }
      }
      await em.flush();
      em.clear();
    }
    return { polls: options.polls, votes };
  }
}
