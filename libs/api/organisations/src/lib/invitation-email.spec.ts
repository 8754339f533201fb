import { bootTestApp, createOrganisation, signedInMember, startTestSmtpServer, type TestApp } from '@simashe/api-testing';
import { OrganisationsModule } from './organisations.module';

/** The text of a one-part email, whatever transfer encoding the mailer chose. */
function bodyText(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n').trim();
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8').replace(/\r\n/g, '\n');
  }
  return body.replace(/\r\n/g, '\n');
}

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

  it("writes the invitation in the inviting admin's language, with English after it", async () => {
    const senegal = await createOrganisation(t.db, { kind: 'country_pathfinder', countryIso3: 'SEN', name: 'Sénégal pionnier' });
    const admin = await signedInMember(t, senegal.id, 'admin');
    await t.db.query(`UPDATE users SET preferred_language = 'fr', time_zone = 'Africa/Dakar' WHERE id = $1`, [admin.userId]);
    const before = smtp.received.length;
    const created = await admin.post(`/api/organisations/${senegal.id}/invitations`, { email: 'awa@example.org', role: 'editor' });
    expect(created.status).toBe(201);
    const text = bodyText(smtp.received[before].raw);
    expect(text).toMatch(/^Vous êtes invité à rejoindre Sénégal pionnier en tant que rédacteur\./);
    // Dakar's time, in French.
    expect(text).toMatch(/expire le \p{L}+ \d+ \p{L}+ \d{4}, \d\d:\d\d \(UTC\+0\)\./u);
    expect(text).toContain('You have been invited to join Sénégal pionnier as editor.');
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
