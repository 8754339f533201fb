import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, ZodResponse } from '@simashe/api-core';
import {
  DirectorySchema,
  UpdateOrganisationRequestSchema,
  ChangeRoleRequestSchema,
  CreateInvitationRequestSchema,
  CreateOrganisationRequestSchema,
  GrantPartnerRequestSchema,
  IdParamSchema,
  InvitationCreatedSchema,
  ListOrganisationsQuerySchema,
  MemberParamsSchema,
  OrganisationDetailSchema,
  OrganisationListSchema,
  OrganisationSchema,
  PartnerDirectorySchema,
  PartnerParamsSchema,
  RegionListSchema,
  SetRepresentativeRequestSchema,
  UuidSchema,
  type InvitationCreated,
  type Organisation,
  type OrganisationDetail,
  type OrganisationList,
} from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { InvitationsService } from './invitations.service';
import { OrganisationsService } from './organisations.service';

type DirectoryList = z.infer<typeof DirectorySchema>;

class IdParams extends createZodDto(IdParamSchema) {}
class MemberParams extends createZodDto(MemberParamsSchema) {}
class PartnerParams extends createZodDto(PartnerParamsSchema) {}
class InvitationParams extends createZodDto(z.strictObject({ id: UuidSchema, invitationId: UuidSchema })) {}
class ListOrganisationsQueryDto extends createZodDto(ListOrganisationsQuerySchema) {}
class ChangeRoleRequestDto extends createZodDto(ChangeRoleRequestSchema) {}
class CreateInvitationRequestDto extends createZodDto(CreateInvitationRequestSchema) {}
class CreateOrganisationRequestDto extends createZodDto(CreateOrganisationRequestSchema) {}
class UpdateOrganisationRequestDto extends createZodDto(UpdateOrganisationRequestSchema) {}
class GrantPartnerRequestDto extends createZodDto(GrantPartnerRequestSchema) {}
class SetRepresentativeRequestDto extends createZodDto(SetRepresentativeRequestSchema) {}
class OrganisationListDto extends createZodDto(OrganisationListSchema) {}
class OrganisationDto extends createZodDto(OrganisationSchema) {}
class OrganisationDetailDto extends createZodDto(OrganisationDetailSchema) {}
class InvitationCreatedDto extends createZodDto(InvitationCreatedSchema) {}
class DirectoryDto extends createZodDto(DirectorySchema) {}
class PartnerDirectoryDto extends createZodDto(PartnerDirectorySchema) {}
class RegionListDto extends createZodDto(RegionListSchema) {}

@ApiTags('organisations')
@Controller()
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('organisations')
  @ZodResponse({ type: OrganisationListDto })
  async list(@CurrentAuth() auth: AuthContext, @Query() query: ListOrganisationsQueryDto): Promise<OrganisationList> {
    return { items: await this.organisations.list(auth, query) };
  }

  @Post('organisations')
  @ZodResponse({ status: 201, type: OrganisationDto })
  create(@CurrentAuth() auth: AuthContext, @Body() body: CreateOrganisationRequestDto): Promise<Organisation> {
    return this.organisations.create(auth, body);
  }

  @Get('organisations/:id')
  @ZodResponse({ type: OrganisationDetailDto })
  detail(@CurrentAuth() auth: AuthContext, @Param() params: IdParams): Promise<OrganisationDetail> {
    return this.organisations.detail(auth, params.id);
  }

  @Patch('organisations/:id')
  @ZodResponse({ type: OrganisationDetailDto })
  update(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: UpdateOrganisationRequestDto): Promise<OrganisationDetail> {
    return this.organisations.update(auth, params.id, body);
  }

  @Patch('organisations/:id/members/:userId')
  @HttpCode(204)
  changeRole(@CurrentAuth() auth: AuthContext, @Param() params: MemberParams, @Body() body: ChangeRoleRequestDto): Promise<void> {
    return this.organisations.changeRole(auth, params.id, params.userId, body.role);
  }

  @Patch('organisations/:id/members/:userId/representative')
  @HttpCode(204)
  setRepresentative(@CurrentAuth() auth: AuthContext, @Param() params: MemberParams, @Body() body: SetRepresentativeRequestDto): Promise<void> {
    return this.organisations.setRepresentative(auth, params.id, params.userId, body.representative);
  }

  @Delete('organisations/:id/members/:userId')
  @HttpCode(204)
  removeMember(@CurrentAuth() auth: AuthContext, @Param() params: MemberParams): Promise<void> {
    return this.organisations.removeMember(auth, params.id, params.userId);
  }

  @Post('organisations/:id/invitations')
  @ZodResponse({ status: 201, type: InvitationCreatedDto })
  invite(
    @CurrentAuth() auth: AuthContext,
    @Param() params: IdParams,
    @Body() body: CreateInvitationRequestDto,
  ): Promise<InvitationCreated> {
    return this.invitations.create(auth, params.id, body);
  }

  @Delete('organisations/:id/invitations/:invitationId')
  @HttpCode(204)
  revokeInvitation(@CurrentAuth() auth: AuthContext, @Param() params: InvitationParams): Promise<void> {
    return this.invitations.revoke(auth, params.id, params.invitationId);
  }

  @Post('organisations/:id/partners')
  @HttpCode(204)
  grantPartner(@CurrentAuth() auth: AuthContext, @Param() params: IdParams, @Body() body: GrantPartnerRequestDto): Promise<void> {
    return this.organisations.grantPartner(auth, params.id, body.partnerOrganisationId);
  }

  @Delete('organisations/:id/partners/:partnerId')
  @HttpCode(204)
  revokePartner(@CurrentAuth() auth: AuthContext, @Param() params: PartnerParams): Promise<void> {
    return this.organisations.revokePartner(auth, params.id, params.partnerId);
  }

  @Get('directory')
  @ZodResponse({ type: DirectoryDto })
  async directory(): Promise<DirectoryList> {
    return { items: await this.organisations.directory() };
  }

  @Get('partners')
  @ZodResponse({ type: PartnerDirectoryDto })
  async partners(): Promise<z.infer<typeof PartnerDirectorySchema>> {
    return { items: await this.organisations.partnerDirectory() };
  }

  @Get('regions')
  @ZodResponse({ type: RegionListDto })
  async regions(): Promise<z.infer<typeof RegionListSchema>> {
    return { items: await this.organisations.regions() };
  }
}
