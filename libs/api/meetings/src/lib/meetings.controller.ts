import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import {
  CancelOccurrenceRequestSchema,
  CreateMeetingRequestSchema,
  ListMeetingsQuerySchema,
  MeetingOccurrenceListSchema,
  MeetingParamsSchema,
  MeetingSchema,
  MoveOccurrenceRequestSchema,
  OccurrenceParamsSchema,
  RsvpRequestSchema,
  SeriesRsvpRequestSchema,
  GuestListSchema,
  RsvpReminderSchema,
  type GuestList,
  type RsvpReminder,
  AttendanceRatesQuerySchema,
  AttendanceRatesSchema,
  RecordAttendanceRequestSchema,
  ActionItemListSchema,
  AgendaSchema,
  ChangeFollowingRequestSchema,
  MeetingPeopleSchema,
  MinutesSchema,
  ReplaceAgendaRequestSchema,
  type ActionItem,
  type Agenda,
  type MeetingPerson,
  type Minutes,
  type AttendanceRate,
  type Meeting,
  type MeetingOccurrence,
} from '@simashe/contracts';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import { AgendaService } from './agenda.service';
import { MeetingsService } from './meetings.service';
import { MinutesService } from './minutes.service';

class CreateMeetingRequestDto extends createZodDto(CreateMeetingRequestSchema) {}
class ListMeetingsQueryDto extends createZodDto(ListMeetingsQuerySchema) {}
class MeetingParams extends createZodDto(MeetingParamsSchema) {}
class OccurrenceParams extends createZodDto(OccurrenceParamsSchema) {}
class CancelOccurrenceRequestDto extends createZodDto(CancelOccurrenceRequestSchema) {}
class MoveOccurrenceRequestDto extends createZodDto(MoveOccurrenceRequestSchema) {}
class RsvpRequestDto extends createZodDto(RsvpRequestSchema) {}
class SeriesRsvpRequestDto extends createZodDto(SeriesRsvpRequestSchema) {}
class GuestListDto extends createZodDto(GuestListSchema) {}
class RsvpReminderDto extends createZodDto(RsvpReminderSchema) {}
class RecordAttendanceRequestDto extends createZodDto(RecordAttendanceRequestSchema) {}
class AttendanceRatesQueryDto extends createZodDto(AttendanceRatesQuerySchema) {}
class AttendanceRatesDto extends createZodDto(AttendanceRatesSchema) {}
class ChangeFollowingRequestDto extends createZodDto(ChangeFollowingRequestSchema) {}
class ReplaceAgendaRequestDto extends createZodDto(ReplaceAgendaRequestSchema) {}
class AgendaDto extends createZodDto(AgendaSchema) {}
class MinutesDto extends createZodDto(MinutesSchema) {}
class ActionItemListDto extends createZodDto(ActionItemListSchema) {}
class MeetingPeopleDto extends createZodDto(MeetingPeopleSchema) {}
class MeetingDto extends createZodDto(MeetingSchema) {}
class MeetingOccurrenceListDto extends createZodDto(MeetingOccurrenceListSchema) {}

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly minutes: MinutesService,
  ) {}

  @Get()
  @ZodResponse({ type: MeetingOccurrenceListDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListMeetingsQueryDto): Promise<{ items: MeetingOccurrence[] }> {
    return { items: await this.meetings.list(auth, query.from, query.to) };
  }

  @Get('attendance-rates')
  @ZodResponse({ type: AttendanceRatesDto })
  async rates(@CurrentAuth() auth: AuthContext, @Query() query: AttendanceRatesQueryDto): Promise<{ items: AttendanceRate[] }> {
    return { items: await this.meetings.attendanceRates(auth, query.organisationId) };
  }

  @Post()
  @ZodResponse({ status: 201, type: MeetingDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateMeetingRequestDto): Promise<Meeting> {
    return this.meetings.create(auth, body);
  }

  @Get(':id')
  @ZodResponse({ type: MeetingDto })
  get(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<Meeting> {
    return this.meetings.get(auth, params.id);
  }

  @Delete(':id')
  @HttpCode(204)
  cancel(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<void> {
    return this.meetings.cancel(auth, params.id);
  }

  @Post(':id/registration')
  @HttpCode(200)
  @ZodResponse({ type: MeetingDto })
  register(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<Meeting> {
    return this.meetings.register(auth, params.id);
  }

  @Delete(':id/registration')
  @HttpCode(200)
  @ZodResponse({ type: MeetingDto })
  unregister(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<Meeting> {
    return this.meetings.unregister(auth, params.id);
  }

  @Get(':id/ics')
  async ics(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams, @Res({ passthrough: true }) response: Response): Promise<string> {
    const body = await this.meetings.ics(auth, params.id);
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="meeting-${params.id}.ics"`);
    return body;
  }

  @Post(':id/occurrences/:occurrence/cancel')
  @HttpCode(200)
  @ZodResponse({ type: MeetingDto })
  cancelOccurrence(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams, @Body() body: CancelOccurrenceRequestDto): Promise<Meeting> {
    return this.meetings.cancelOccurrence(auth, params.id, params.occurrence, body.scope);
  }

  @Put(':id/occurrences/:occurrence')
  @ZodResponse({ type: MeetingDto })
  move(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams, @Body() body: MoveOccurrenceRequestDto): Promise<Meeting> {
    return this.meetings.moveOccurrence(auth, params.id, params.occurrence, body.localStart, body.localEnd);
  }

  @Put(':id/occurrences/:occurrence/following')
  @ZodResponse({ type: MeetingDto })
  changeFollowing(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams, @Body() body: ChangeFollowingRequestDto): Promise<Meeting> {
    return this.meetings.changeFollowing(auth, params.id, params.occurrence, body);
  }

  @Get(':id/agenda')
  @ZodResponse({ type: AgendaDto })
  getAgenda(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<Agenda> {
    return this.agenda.get(auth, params.id);
  }

  @Put(':id/agenda')
  @ZodResponse({ type: AgendaDto })
  replaceAgenda(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams, @Body() body: ReplaceAgendaRequestDto): Promise<Agenda> {
    return this.agenda.replace(auth, params.id, body);
  }

  @Get(':id/people')
  @ZodResponse({ type: MeetingPeopleDto })
  async people(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<{ items: MeetingPerson[] }> {
    return { items: await this.meetings.people(auth, params.id) };
  }

  @Get(':id/action-items')
  @ZodResponse({ type: ActionItemListDto })
  async actionItems(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams): Promise<{ items: ActionItem[] }> {
    return { items: await this.minutes.actionItems(auth, params.id) };
  }

  @Get(':id/occurrences/:occurrence/minutes')
  @ZodResponse({ type: MinutesDto })
  getMinutes(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams): Promise<Minutes> {
    return this.minutes.get(auth, params.id, params.occurrence);
  }

  @Post(':id/occurrences/:occurrence/minutes')
  @HttpCode(200)
  @ZodResponse({ type: MinutesDto })
  openMinutes(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams): Promise<Minutes> {
    return this.minutes.open(auth, params.id, params.occurrence);
  }

  @Post(':id/occurrences/:occurrence/attendance')
  @HttpCode(200)
  @ZodResponse({ type: MeetingDto })
  recordAttendance(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams, @Body() body: RecordAttendanceRequestDto): Promise<Meeting> {
    return this.meetings.recordAttendance(auth, params.id, params.occurrence, body.userIds);
  }

  @Post(':id/occurrences/:occurrence/check-in')
  @HttpCode(200)
  @ZodResponse({ type: MeetingDto })
  checkIn(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams): Promise<Meeting> {
    return this.meetings.checkIn(auth, params.id, params.occurrence);
  }

  @Put(':id/occurrences/:occurrence/rsvp')
  @ZodResponse({ type: MeetingDto })
  rsvp(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams, @Body() body: RsvpRequestDto): Promise<Meeting> {
    return this.meetings.rsvp(auth, params.id, params.occurrence, body.response);
  }

  /** The same answer for every session still to come. */
  @Put(':id/rsvp')
  @ZodResponse({ type: MeetingDto })
  rsvpSeries(@CurrentAuth() auth: AuthContext, @Param() params: MeetingParams, @Body() body: SeriesRsvpRequestDto): Promise<Meeting> {
    return this.meetings.rsvpSeries(auth, params.id, body.response);
  }

  @Get(':id/occurrences/:occurrence/guests')
  @ZodResponse({ type: GuestListDto })
  guests(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams): Promise<GuestList> {
    return this.meetings.guests(auth, params.id, params.occurrence);
  }

  /** Inbox reminders to those who have not answered; once per session and day (a repeat says when it went). */
  @Post(':id/occurrences/:occurrence/rsvp-reminders')
  @HttpCode(200)
  @ZodResponse({ type: RsvpReminderDto })
  remind(@CurrentAuth() auth: AuthContext, @Param() params: OccurrenceParams): Promise<RsvpReminder> {
    return this.meetings.remindGuests(auth, params.id, params.occurrence);
  }
}
