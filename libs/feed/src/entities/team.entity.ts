import { Entity, Property } from '@mikro-orm/core';
import type { User } from '@app/identity';
import { Feed, FeedType } from './feed.entity';

@Entity({ discriminatorValue: FeedType.Team })
export class Team extends Feed {
  @Property({ length: 128, nullable: true })
  roomName: string;

  constructor(author: User, props: { roomName: string }) {
    super(author);
    this.roomName = props.roomName;
  }

  get joinable(): boolean {
    return true;
  }
}
