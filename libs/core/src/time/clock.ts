import { Injectable } from '@nestjs/common';

/** The current instant. Injected so tests can stand on a chosen day. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
