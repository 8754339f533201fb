import { Injectable } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { ValidationError } from '@simashe/api-core';
import { mentionsIn, withMentionNames } from '@simashe/contracts';
import { OrganisationsService } from './organisations.service';

/**
 * Mentions as stored (discussion posts, report comments): each labelled with the name its id has, so a writer cannot
 * show a made-up name on a real person or organisation; a mention of an id that names nobody becomes plain text.
 */
@Injectable()
export class MentionNames {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** `body` with its mentions so labelled; 400 when the names written out make it longer than `max` characters. */
  async label(body: string, max: number): Promise<string> {
    const mentioned = mentionsIn(body);
    const [users, organisations] = await Promise.all([this.users.names(mentioned.users), this.organisations.names(mentioned.organisations)]);
    const labelled = withMentionNames(body, { users, organisations });
    if (labelled.length > max) throw new ValidationError('With the names of those mentioned written out, the text is too long; shorten it');
    return labelled;
  }
}
