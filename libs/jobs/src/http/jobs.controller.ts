import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Endpoint, QueryBudget } from '@app/core';
import { type AuthenticatedUser, CurrentUser, StaffOnly } from '@app/identity';
import { StaffMailingService } from '../email/staff-mailing.service';
import { FailedTaskReader } from '../tasks/failed-task.reader';
import { TaskService } from '../tasks/task.service';
import { FailedTaskPageResponse } from './dto/failed-task.response';
import { TaskListQueryDto } from './dto/task-list-query.dto';
import { SendEmailDto } from './dto/send-email.dto';
import { TaskAcceptedResponse } from './dto/task-accepted.response';
import { TaskStatusResponse } from './dto/task-status.response';

@ApiTags('jobs')
@StaffOnly()
@Controller()
export class JobsController {
  constructor(
    private readonly mailings: StaffMailingService,
    private readonly tasks: TaskService,
    private readonly failedTasks: FailedTaskReader,
  ) {}

  @Post('emails')
  @HttpCode(202)
  @Endpoint({
    summary: 'Send an email to many recipients (staff)',
    description: 'Answers at once with a task id; the worker sends. Poll GET /tasks/{id}. Recorded in the audit log (`mailing.send`).',
    errors: ['FORBIDDEN', 'QUEUE_UNAVAILABLE'],
    idempotent: true,
  })
  @ApiAcceptedResponse({ type: TaskAcceptedResponse })
  async send(@CurrentUser() me: AuthenticatedUser, @Body() dto: SendEmailDto): Promise<TaskAcceptedResponse> {
    return { taskId: await this.mailings.send(me.id, dto) };
  }

  @Get('tasks')
  @QueryBudget(1) // the caller's staff rights (StaffGuard); the jobs are read from Redis
  @Endpoint({
    summary: 'Failed background tasks (staff)',
    description:
      'The failed jobs of every queue, newest failure first, each as GET /tasks/{id} shows it plus its job name and when it failed. Keyset-paginated (`limit` 1 to 100, default 20; `cursor` from the previous page); read from Redis a page at a time. Only `state=failed` is supported.',
    errors: ['FORBIDDEN', 'QUEUE_UNAVAILABLE'],
  })
  @ApiOkResponse({ type: FailedTaskPageResponse })
  async list(@Query() query: TaskListQueryDto): Promise<FailedTaskPageResponse> {
    return this.failedTasks.page(query);
  }

  @Get('tasks/:id')
  @QueryBudget(1) // the caller's staff rights (StaffGuard); the task itself is read from Redis
  @Endpoint({
    summary: 'A background task (staff)',
    description: 'State, progress, attempts, result or error of a job.',
    errors: ['FORBIDDEN', 'NOT_FOUND'],
  })
  @ApiOkResponse({ type: TaskStatusResponse })
  async task(@Param('id') id: string): Promise<TaskStatusResponse> {
    return this.tasks.get(id);
  }
}
