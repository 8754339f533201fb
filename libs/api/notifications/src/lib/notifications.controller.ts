import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import {
  ListNotificationsQuerySchema,
  NotificationListSchema,
  NotificationParamsSchema,
  NotificationPreferencesSchema,
  NotificationSchema,
  UpdateNotificationPreferencesSchema,
  type Notification,
  type NotificationPreferences,
  type NotificationList,
} from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { NotificationsService } from './notifications.service';

class ListNotificationsQueryDto extends createZodDto(ListNotificationsQuerySchema) {}
class NotificationParams extends createZodDto(NotificationParamsSchema) {}
class NotificationListDto extends createZodDto(NotificationListSchema) {}
class NotificationDto extends createZodDto(NotificationSchema) {}
class NotificationPreferencesDto extends createZodDto(NotificationPreferencesSchema) {}
class UpdateNotificationPreferencesDto extends createZodDto(UpdateNotificationPreferencesSchema) {}

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ZodResponse({ type: NotificationListDto })
  list(@CurrentAuth() auth: AuthContext, @Query() query: ListNotificationsQueryDto): Promise<NotificationList> {
    return this.notifications.list(auth, query);
  }

  @Get('preferences')
  @ZodResponse({ type: NotificationPreferencesDto })
  preferences(@CurrentAuth() auth: AuthContext): Promise<NotificationPreferences> {
    return this.notifications.preferences(auth.userId);
  }

  @Put('preferences')
  @ZodResponse({ type: NotificationPreferencesDto })
  updatePreferences(@CurrentAuth() auth: AuthContext, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferences> {
    return this.notifications.updatePreferences(auth, body);
  }

  @Post('read-all')
  @HttpCode(204)
  readAll(@CurrentAuth() auth: AuthContext): Promise<void> {
    return this.notifications.markAllRead(auth);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ZodResponse({ type: NotificationDto })
  read(@CurrentAuth() auth: AuthContext, @Param() params: NotificationParams): Promise<Notification> {
    return this.notifications.markRead(auth, params.id);
  }
}
