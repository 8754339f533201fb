import { Injectable, type OnModuleInit } from '@nestjs/common';
import { UsersService } from '@simashe/api-accounts';
import { EventBus } from '@simashe/api-core';
import type { DomainEvents } from '@simashe/contracts';
import { NotificationsService } from './notifications.service';

/** Tells people of what the network decides about them: an appointment to the steering committee. */
@Injectable()
export class NetworkNotices implements OnModuleInit {
  constructor(
    private readonly users: UsersService,
    private readonly events: EventBus,
    private readonly notifications: NotificationsService,
  ) {
    events.requireSubscriber('network.steering_appointed', 'NetworkNotices');
  }

  onModuleInit(): void {
    this.events.on('network.steering_appointed', (event) => this.appointed(event));
  }

  async appointed({ actor, userId }: DomainEvents['network.steering_appointed']): Promise<void> {
    const name = (await this.users.name(actor.userId)) ?? 'The secretariat';
    await this.notifications.notify(userId, {
      kind: 'network',
      title: `${name} appointed you to the HIM Network steering committee`,
      body: 'You can now read the calls for member institutions and score their applications.',
      link: '/network/calls',
      message: { key: 'steeringAppointed', params: { name } },
    });
  }
}
