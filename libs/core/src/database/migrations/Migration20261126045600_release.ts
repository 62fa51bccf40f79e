import { Migration } from '@mikro-orm/migrations';

export class Migration20261126045600_release extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`car\` (\`id\` int unsigned not null auto_increment primary key, \`car_number\` varchar(20) not null, \`type\` varchar(32) not null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`car\` add unique \`car_car_number_unique\`(\`car_number\`);`);

    this.addSql(
      `create table \`pallet\` (\`id\` int unsigned not null auto_increment primary key, \`car_id\` int unsigned not null, \`seq\` smallint unsigned not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`pallet\` add unique \`pallet_car_id_seq_unique\`(\`car_id\`, \`seq\`);`);

    this.addSql(
      `create table \`order_list\` (\`id\` int unsigned not null auto_increment primary key, \`ymd\` char(8) not null, \`code\` varchar(32) not null, \`code_name\` varchar(128) not null, \`location_name\` varchar(128) not null, \`count\` int unsigned not null, \`pallet_id\` int unsigned null, \`created_at\` datetime not null default CURRENT_TIMESTAMP) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`order_list\` add index \`order_list_pallet_id_index\`(\`pallet_id\`);`);
    this.addSql(`alter table \`order_list\` add index \`order_list_ymd_pallet_id_index\`(\`ymd\`, \`pallet_id\`);`);

    this.addSql(
      `alter table \`pallet\` add constraint \`pallet_car_id_foreign\` foreign key (\`car_id\`) references \`car\` (\`id\`) on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table \`order_list\` add constraint \`order_list_pallet_id_foreign\` foreign key (\`pallet_id\`) references \`pallet\` (\`id\`) on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table \`pallet\` drop foreign key \`pallet_car_id_foreign\`;`);

    this.addSql(`alter table \`order_list\` drop foreign key \`order_list_pallet_id_foreign\`;`);

    this.addSql(`drop table if exists \`order_list\`;`);

    this.addSql(`drop table if exists \`pallet\`;`);

    this.addSql(`drop table if exists \`car\`;`);
  }
}
