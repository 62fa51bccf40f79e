import { Command, CommandRunner } from 'nest-commander';
import { MikroORM } from '@mikro-orm/core';
import { FeedIndexBuilder } from '@app/recommend';
import { describeIndexBuild } from './index-summary';

@Command({
  name: 'rebuild-index',
  description: 'Rebuild the recommendation index file from the feed; a running API swaps to it without a restart',
})
export class RebuildIndexCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly builder: FeedIndexBuilder,
  ) {
    super();
  }

  async run(): Promise<void> {
    if (!(await this.orm.isConnected())) await this.orm.connect();
    console.log(describeIndexBuild(await this.builder.rebuild()));
  }
}
