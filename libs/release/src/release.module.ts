import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { TimeModule } from '@app/core';
import { IdentityModule } from '@app/identity';
import { CarService } from './car.service';
import { Car } from './entities/car.entity';
import { OrderList } from './entities/order-list.entity';
import { Pallet } from './entities/pallet.entity';
import { OrderListImportService } from './import/order-list-import.service';
import { OrderListService } from './order-list.service';
import { PalletLoadService } from './pallet-load.service';
import { ReleaseSheetService } from './release-sheet.service';

const services = [CarService, OrderListService, OrderListImportService, PalletLoadService, ReleaseSheetService];

/** Cars, their pallets, the day's order lines and release sheets. No HTTP. */
@Module({
  imports: [MikroOrmModule.forFeature([Car, Pallet, OrderList]), TimeModule, IdentityModule],
  providers: services,
  exports: services,
})
export class ReleaseModule {}
