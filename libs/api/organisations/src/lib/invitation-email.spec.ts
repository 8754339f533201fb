import { bootTestApp, createOrganisation, signedInMember, startTestSmtpServer, type TestApp } from '@simashe/api-testing';
import { OrganisationsModule } from './organisations.module';

describe('invitation email through the SMTP adapter', () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    t = await bootTestApp([OrganisationsModule], { smtpUrl: smtp.url, publicUrl: 'http://workspace.test' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends the one-time link to the invitee when SMTP is configured', async () => {
    const ghana = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'GHA', name: 'Ghana pathfinder' });
    const admin = await signedInMember(t, ghana.id, 'admin');
    const created = await admin.post(`/api/organisations/${ghana.id}/invitations`, { email: 'ama@example.org', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(created.body.emailSent).toBe(true);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['ama@example.org']);
    expect(mail.raw).toMatch(/Subject: You are invited to Ghana pathfinder/);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(created.body.acceptUrl);
  });

  it('still creates the invitation, with the link shown, when the mail server is down', async () => {
    const down = await bootTestApp([OrganisationsModule], { smtpUrl: 'smtp://127.0.0.1:9' });
    try {
      const org = await createOrganisation(down.db, { kind: 'core_partner' });
      const admin = await signedInMember(down, org.id, 'admin');
      const created = await admin.post(`/api/organisations/${org.id}/invitations`, { email: 'kofi@example.org', role: 'editor' });
      expect(created.status).toBe(201);
      expect(created.body.emailSent).toBe(false);
      expect(created.body.acceptUrl).toMatch(/\/invitations\//);
    } finally {
      await down.close();
    }
  });
});
