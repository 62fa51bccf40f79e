import { Module } from '@nestjs/common';
import { CarController } from './http/car.controller';
import { OrderListController } from './http/order-list.controller';
import { PalletController } from './http/pallet.controller';
import { ReleaseReportController } from './http/release-report.controller';
import { ReleaseModule } from './release.module';

@Module({ imports: [ReleaseModule], controllers: [CarController, OrderListController, PalletController, ReleaseReportController] })
export class ReleaseApiModule {}
