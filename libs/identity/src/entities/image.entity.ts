import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A picture of a member (a URL; the file lives elsewhere). */
@Entity()
export class Image {
  @PrimaryKey()
  id!: number;

  @Property({ length: 512 })
  imageUrl: string;

  constructor(imageUrl: string) {
    this.imageUrl = imageUrl;
  }
}
