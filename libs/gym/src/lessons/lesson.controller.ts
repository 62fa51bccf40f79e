import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, IdParamPipe, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, OptionalUser, StaffOnly } from '@app/identity';
import { BookingService } from '../bookings/booking.service';
import { LessonService } from './lesson.service';
import { CreateLessonDto } from './dto/create-lesson.dto';
import { LessonPageResponse } from './dto/lesson-page.response';
import { toLessonListedResponse } from './dto/lesson-listed.response';
import { LessonQueryDto } from './dto/lesson-query.dto';
import { LessonResponse, toLessonResponse } from './dto/lesson.response';
import { BookingResponse, toBookingResponse } from '../bookings/dto/booking.response';
import { LessonDetailResponse, toLessonDetailResponse } from './dto/lesson-detail.response';
import { LessonListedResponse } from './dto/lesson-listed.response';
import { UpdateLessonDto } from './dto/update-lesson.dto';
import { CancelLessonDto } from './dto/cancel-lesson.dto';
import { CanceledLessonResponse, toCanceledLessonResponse } from './dto/canceled-lesson.response';
import { LessonUpdateService } from './lesson-update.service';
import { LessonCancellationService } from './lesson-cancellation.service';
import { LessonCancellationMailer } from './lesson-cancellation-mailer';
import { PromotionMailer } from '../waitlist/promotion-mailer';

@ApiTags('gym: lessons')
@Controller('lessons')
export class LessonController {
  constructor(
    private readonly lessons: LessonService,
    private readonly bookings: BookingService,
    private readonly updates: LessonUpdateService,
    private readonly cancellations: LessonCancellationService,
    private readonly promotionMailer: PromotionMailer,
    private readonly cancellationMailer: LessonCancellationMailer,
  ) {}

  @Get()
  @QueryBudget(1)
  @Endpoint({
    summary: 'The schedule',
    description:
      "By start date and time from today (the gym's), cursor-paginated, filtered by dates, gym and type. Each lesson with its free seats, waitlist length and `canceledAt` (null unless the gym cancelled it); with a token, also the caller's booking and place in the waitlist.",
    public: 'token optional',
  })
  @ApiOkResponse({ type: LessonPageResponse })
  async list(@OptionalUser() reader: AuthenticatedUser | null, @Query() query: LessonQueryDto): Promise<LessonPageResponse> {
    const page = await this.lessons.list(query, reader);
    return { items: page.items.map(toLessonListedResponse), nextCursor: page.nextCursor };
  }

  @StaffOnly()
  @Post()
  @Endpoint({
    summary: 'Schedule a lesson (staff)',
    description: 'Recorded in the audit log (`lesson.create`).',
    errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'INVALID_END_TIME'],
  })
  @ApiCreatedResponse({ type: LessonResponse })
  async create(@CurrentUser() me: AuthenticatedUser, @Body() dto: CreateLessonDto): Promise<LessonResponse> {
    return toLessonResponse(await this.lessons.create(dto, me.id));
  }

  @StaffOnly()
  @Patch(':id')
  @Endpoint({
    summary: 'Change a lesson’s capacity or times (staff)',
    description:
      'Only the fields given change. A larger capacity books members from the waitlist at once (charged as a booking, emailed after the commit). Recorded in the audit log (`lesson.update`, the changed fields before and after). Answers the lesson as the schedule lists it.',
    errors: ['FORBIDDEN', 'NOT_FOUND', 'INVALID_END_TIME', 'LESSON_ALREADY_CANCELED', 'CAPACITY_BELOW_BOOKED'],
  })
  @ApiOkResponse({ type: LessonListedResponse })
  async update(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: UpdateLessonDto,
  ): Promise<LessonListedResponse> {
    const { lesson, promotions } = await this.updates.update(me.id, id, dto);
    // committed: now the promoted members may hear of their seats
    await this.promotionMailer.announce(promotions);
    return toLessonListedResponse(lesson);
  }

  @StaffOnly()
  @Post(':id/cancel')
  @HttpCode(200)
  @Endpoint({
    summary: 'Cancel a lesson (staff)',
    description:
      'Every active booking is cancelled with a full refund to the purchases it was paid from, the waitlist closes (waiting entries expire with the reason LESSON_CANCELED), and every member concerned who has an email address is told why, after the commit. Afterwards booking or joining its waitlist answers LESSON_CLOSED. Recorded in the audit log (`lesson.cancel`, with the reason).',
    errors: ['FORBIDDEN', 'NOT_FOUND', 'LESSON_ALREADY_CANCELED'],
    idempotent: true,
  })
  @ApiOkResponse({ type: CanceledLessonResponse })
  async cancel(
    @CurrentUser() me: AuthenticatedUser,
    @Param('id', IdParamPipe) id: number,
    @Body() dto: CancelLessonDto,
  ): Promise<CanceledLessonResponse> {
    const cancellation = await this.cancellations.cancel(me.id, id, dto.reason);
    await this.cancellationMailer.announce(cancellation);
    return toCanceledLessonResponse(cancellation);
  }

  @Get(':id')
  @QueryBudget(2)
  @Endpoint({
    summary: 'A lesson with its reservations',
    description:
      "A member sees only their own reservation records; staff see every member's, with phone numbers, and the waitlist. One statement for a member; staff reading a lesson with a waitlist, two.",
    errors: ['NOT_FOUND'],
  })
  @ApiOkResponse({ type: LessonDetailResponse })
  async detail(@CurrentUser() viewer: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<LessonDetailResponse> {
    return toLessonDetailResponse(await this.lessons.getWithRoster(id, viewer), viewer.isStaff);
  }

  @Post(':id/reservations')
  @Endpoint({
    summary: 'Book a lesson',
    description:
      'Refusals in this order: LESSON_CLOSED when the gym cancelled it, then LESSON_FULL, LESSON_CLOSED (started), ALREADY_REGISTERED, NOT_ENOUGH_CREDIT. Spends from the purchases and grants ending soonest.',
    errors: ['NOT_FOUND', 'LESSON_FULL', 'LESSON_CLOSED', 'ALREADY_REGISTERED', 'NOT_ENOUGH_CREDIT'],
    idempotent: true,
  })
  @ApiCreatedResponse({ type: BookingResponse })
  async book(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<BookingResponse> {
    return toBookingResponse(await this.bookings.book(me.id, id));
  }
}
