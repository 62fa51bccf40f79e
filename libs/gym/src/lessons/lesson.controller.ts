import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
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

@ApiTags('gym: lessons')
@Controller('lessons')
export class LessonController {
  constructor(
    private readonly lessons: LessonService,
    private readonly bookings: BookingService,
  ) {}

  @Get()
  @QueryBudget(1)
  @Endpoint({
    summary: 'The schedule',
    description:
      "By start date and time from today (the gym's), cursor-paginated, filtered by dates, gym and type. Each lesson with its free seats and waitlist length; with a token, also the caller's booking and place in the waitlist.",
    public: 'token optional',
  })
  @ApiOkResponse({ type: LessonPageResponse })
  async list(@OptionalUser() reader: AuthenticatedUser | null, @Query() query: LessonQueryDto): Promise<LessonPageResponse> {
    const page = await this.lessons.list(query, reader);
    return { items: page.items.map(toLessonListedResponse), nextCursor: page.nextCursor };
  }

  @StaffOnly()
  @Post()
  @Endpoint({ summary: 'Schedule a lesson (staff)', errors: ['FORBIDDEN', 'VALIDATION_FAILED', 'INVALID_END_TIME'] })
  @ApiCreatedResponse({ type: LessonResponse })
  async create(@Body() dto: CreateLessonDto): Promise<LessonResponse> {
    return toLessonResponse(await this.lessons.create(dto));
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
      'Refusals in this order: LESSON_FULL, LESSON_CLOSED, ALREADY_REGISTERED, NOT_ENOUGH_CREDIT. Spends from the purchases ending soonest.',
    errors: ['NOT_FOUND', 'LESSON_FULL', 'LESSON_CLOSED', 'ALREADY_REGISTERED', 'NOT_ENOUGH_CREDIT'],
    idempotent: true,
  })
  @ApiCreatedResponse({ type: BookingResponse })
  async book(@CurrentUser() me: AuthenticatedUser, @Param('id', IdParamPipe) id: number): Promise<BookingResponse> {
    return toBookingResponse(await this.bookings.book(me.id, id));
  }
}
