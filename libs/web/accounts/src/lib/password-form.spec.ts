import { checkNewPassword } from './password-form';

describe('checkNewPassword', () => {
  it('applies the server’s length rule and wants the same password twice', () => {
    expect(checkNewPassword('a-long-enough-password', 'a-long-enough-password')).toEqual({});
    expect(checkNewPassword('short', 'short')).toEqual({ newPassword: 'tooShort' });
    expect(checkNewPassword('x'.repeat(201), 'x'.repeat(201))).toEqual({ newPassword: 'tooLong' });
    expect(checkNewPassword('a-long-enough-password', 'a-long-enough-pasword')).toEqual({ confirmation: 'mismatch' });
    expect(checkNewPassword('', '')).toEqual({ newPassword: 'tooShort' });
  });
});
