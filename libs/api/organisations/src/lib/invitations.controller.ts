import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthenticatedRequest, Public, requestOrigin, ZodResponse } from '@simashe/api-core';
import {
  AcceptInvitationRequestSchema,
  InvitationPreviewSchema,
  InvitationTokenParamsSchema,
  type InvitationPreview,
} from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { InvitationsService } from './invitations.service';

class InvitationTokenParams extends createZodDto(InvitationTokenParamsSchema) {}
class AcceptInvitationRequestDto extends createZodDto(AcceptInvitationRequestSchema) {}
class InvitationPreviewDto extends createZodDto(InvitationPreviewSchema) {}
const AcceptedSchema = z.object({ organisationId: z.uuid(), email: z.string() });
class AcceptedDto extends createZodDto(AcceptedSchema) {}

/** Reached from the one-time link, usually before the person has an account: public, the token is the secret. */
@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Public()
  @Get(':token')
  @ZodResponse({ type: InvitationPreviewDto })
  preview(@Param() params: InvitationTokenParams): Promise<InvitationPreview> {
    return this.invitations.preview(params.token);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  @ZodResponse({ type: AcceptedDto })
  accept(
    @Param() params: InvitationTokenParams,
    @Body() body: AcceptInvitationRequestDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<z.infer<typeof AcceptedSchema>> {
    return this.invitations.accept(params.token, body, request.auth, requestOrigin(request));
  }
}
