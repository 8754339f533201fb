import type { Notification } from '@simashe/contracts';
import { catalogueFor } from '@simashe/web-i18n';
import i18next, { type i18n as I18n } from 'i18next';
import { notificationText } from './notification-text';

let i18n: I18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({
    lng: 'en',
    fallbackLng: 'en',
    resources: { en: { translation: await catalogueFor('en') }, fr: { translation: await catalogueFor('fr') }, ar: { translation: await catalogueFor('ar') } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
});

const text = (notification: Pick<Notification, 'title' | 'body' | 'message'>, language: string, timeZone = 'Africa/Nairobi') =>
  notificationText(notification, { t: (key, values) => i18n.getFixedT(language)(key, values), language, timeZone, rtl: language === 'ar' });

const invitation: Pick<Notification, 'title' | 'body' | 'message'> = {
  title: 'Invitation: AFRO exchange',
  body: 'WHO Regional Office for Africa · Tuesday 2 March 2027, 14:00 (EAT)',
  message: { key: 'meetingInvitation', params: { meeting: 'AFRO exchange', organiser: 'WHO Regional Office for Africa', start: '2027-03-02T11:00:00.000Z', repeats: 'yes' } },
};

describe('notification text', () => {
  it('writes an invitation in the reader’s language and time zone', () => {
    const en = text(invitation, 'en');
    expect(en.title).toBe('Invitation: AFRO exchange');
    expect(en.body).toMatch(/^WHO Regional Office for Africa · Tuesday.*2027.* · repeats$/);
    expect(en.body).toMatch(/2:00\s?PM|14:00/); // 11:00 UTC is 14:00 in Nairobi
    const fr = text(invitation, 'fr');
    expect(fr.title).toBe('Invitation : AFRO exchange');
    expect(fr.body).toContain('mardi');
    expect(fr.body).toContain('14:00');
    expect(fr.body).toMatch(/récurrente$/);
  });

  it('words mentions and replies in the reader’s language and keeps the excerpt as written', () => {
    const mention: Pick<Notification, 'title' | 'body' | 'message'> = {
      title: 'Otieno mentioned you in “Housing”',
      body: 'Can you check the figures, @Achieng?',
      message: { key: 'discussionMention', params: { name: 'Otieno', thread: 'Housing' } },
    };
    expect(text(mention, 'fr')).toEqual({ title: 'Otieno vous a mentionné dans « Housing »', body: 'Can you check the figures, @Achieng?' });
    const comment = { ...mention, message: { key: 'commentMention' as const, params: { name: 'Otieno', report: 'Q3' } } };
    expect(text(comment, 'ar').title).toBe('أشار إليك \u2068Otieno\u2069 في تعليق على «\u2068Q3\u2069»');
  });

  it('isolates people’s text in Arabic so names keep their direction', () => {
    expect(text(invitation, 'ar').title).toBe('دعوة: \u2068AFRO exchange\u2069');
  });

  it('formats report periods as dates of the reader’s locale', () => {
    const submitted = text(
      { title: 'Kenya submitted “Q1”', body: 'Period 2027-01-01 – 2027-06-30', message: { key: 'reportSubmitted', params: { organisation: 'Kenya', report: 'Q1', periodStart: '2027-01-01', periodEnd: '2027-06-30' } } },
      'fr',
    );
    expect(submitted.title).toBe('Kenya a soumis « Q1 »');
    expect(submitted.body).toMatch(/^Période du 1 janv\.? 2027 au 30 juin 2027$/);
  });

  it('adds the call link to a reminder when it has one', () => {
    const reminder = { title: 'Reminder: X', body: 'Starts …', message: { key: 'meetingReminder' as const, params: { meeting: 'X', start: '2027-03-02T11:00:00.000Z', link: 'https://meet.example.org/x' } } };
    expect(text(reminder, 'en').body).toMatch(/^Starts .* · https:\/\/meet\.example\.org\/x$/);
  });

  it('keeps the server’s text for older rows and for messages missing a value', () => {
    expect(text({ title: 'Old title', body: 'Old body', message: null }, 'fr')).toEqual({ title: 'Old title', body: 'Old body' });
    const broken = { ...invitation, message: { key: 'meetingInvitation' as const, params: { meeting: 'AFRO exchange' } } };
    expect(text(broken, 'fr')).toEqual({ title: invitation.title, body: invitation.body });
  });
});
