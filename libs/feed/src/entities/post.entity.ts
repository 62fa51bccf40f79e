import { Entity, Property } from '@mikro-orm/core';
import type { User } from '@app/identity';
import { Feed, FeedType } from './feed.entity';

@Entity({ discriminatorValue: FeedType.Post })
export class Post extends Feed {
  @Property({ length: 128, nullable: true })
  title: string;

  @Property({ type: 'text', nullable: true })
  body: string;

  constructor(author: User, props: { title: string; body: string }) {
    super(author);
    this.title = props.title;
    this.body = props.body;
  }

  get joinable(): boolean {
    return false;
  }
}
