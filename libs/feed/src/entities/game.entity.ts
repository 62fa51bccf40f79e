import { Entity, Property } from '@mikro-orm/core';
import type { User } from '@app/identity';
import { Feed, FeedType } from './feed.entity';

@Entity({ discriminatorValue: FeedType.Game })
export class Game extends Feed {
  @Property({ length: 128, nullable: true })
  gameName: string;

  @Property({ length: 128, nullable: true })
  gameLocation: string;

  constructor(author: User, props: { gameName: string; gameLocation: string }) {
    super(author);
    this.gameName = props.gameName;
    this.gameLocation = props.gameLocation;
  }

  get joinable(): boolean {
    return true;
  }
}
