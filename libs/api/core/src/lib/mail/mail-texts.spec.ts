import { SUPPORTED_LANGUAGES } from '@simashe/contracts';
import { MAIL_TEXTS, mailLanguage, mailTime } from './mail-texts';

describe('email texts', () => {
  it('exist in every interface language, each naming what it is about', () => {
    for (const language of SUPPORTED_LANGUAGES) {
      const invitation = MAIL_TEXTS.invitation(language, { organisation: 'Ghana pathfinder', role: 'editor', url: 'http://w.test/i/1', expires: 'soon' });
      const reset = MAIL_TEXTS.passwordReset(language, { email: 'ama@example.org', url: 'http://w.test/r/1', expires: 'soon' });
      const reminder = MAIL_TEXTS.meetingReminder(language, { meeting: 'AFRO exchange', when: 'then', conferencing: 'https://meet.test/x', url: 'http://w.test/m/1' });
      expect(invitation.subject).toContain('Ghana pathfinder');
      expect(invitation.text).toContain('http://w.test/i/1');
      expect(reset.text).toContain('ama@example.org');
      expect(reminder.subject).toContain('AFRO exchange');
      expect(reminder.text).toContain('https://meet.test/x');
    }
    expect(MAIL_TEXTS.meetingReminder('fr', { meeting: 'Échange', when: 'mardi', conferencing: null, url: 'u' }).subject).toBe('Rappel : Échange');
  });

  it('writes times in the reader’s zone and language, with the offset', () => {
    expect(mailTime('2027-03-02T11:00:00.000Z', 'fr', 'Africa/Nairobi')).toBe('mardi 2 mars 2027, 14:00 (UTC+3)');
    expect(mailTime('2027-03-02T11:00:00.000Z', 'en', 'UTC')).toBe('Tuesday 2 March 2027, 11:00 (UTC)');
    expect(mailLanguage('ar')).toBe('ar');
    expect(mailLanguage('de')).toBe('en');
    expect(mailLanguage(null)).toBe('en');
  });
});
