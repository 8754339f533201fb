import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, Public, ZodResponse } from '@simashe/api-core';
import {
  AddSteeringCommitteeMemberRequestSchema,
  PublicMembersSchema,
  SteeringCommitteeParamsSchema,
  SteeringCommitteeSchema,
  type PublicMembers,
  type SteeringCommittee,
} from '@simashe/contracts';
import { createZodDto } from 'nestjs-zod';
import { NetworkService } from './network.service';

class PublicMembersDto extends createZodDto(PublicMembersSchema) {}
class SteeringCommitteeDto extends createZodDto(SteeringCommitteeSchema) {}
class AddSteeringCommitteeMemberRequestDto extends createZodDto(AddSteeringCommitteeMemberRequestSchema) {}
class SteeringCommitteeParams extends createZodDto(SteeringCommitteeParamsSchema) {}

@ApiTags('network')
@Controller()
export class NetworkController {
  constructor(private readonly network: NetworkService) {}

  /** The public members page: no sign-in needed. */
  @Public()
  @Get('public/members')
  @ZodResponse({ type: PublicMembersDto })
  publicMembers(): Promise<PublicMembers> {
    return this.network.publicMembers();
  }

  @Get('network/steering-committee')
  @ZodResponse({ type: SteeringCommitteeDto })
  steeringCommittee(@CurrentAuth() auth: AuthContext): Promise<SteeringCommittee> {
    return this.network.steeringCommittee(auth);
  }

  @Post('network/steering-committee')
  @ZodResponse({ status: 201, type: SteeringCommitteeDto })
  appoint(@CurrentAuth() auth: AuthContext, @Body() body: AddSteeringCommitteeMemberRequestDto): Promise<SteeringCommittee> {
    return this.network.appoint(auth, body.email);
  }

  @Delete('network/steering-committee/:userId')
  @HttpCode(204)
  remove(@CurrentAuth() auth: AuthContext, @Param() params: SteeringCommitteeParams): Promise<void> {
    return this.network.remove(auth, params.userId);
  }
}
