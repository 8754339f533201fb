import { z } from 'zod';
import { ValidationError } from '../errors';
import { parseJsonField } from './json-field';

const Schema = z.strictObject({ title: z.string().min(1), tags: z.array(z.string()).optional() });

function refusal(raw: string): ValidationError {
  try {
    parseJsonField(Schema, raw, 'resource');
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('parseJsonField (a multipart form’s JSON part)', () => {
  it('parses the fields with their contract', () => {
    expect(parseJsonField(Schema, '{"title":"Guide 👩‍💻","tags":["a"]}', 'resource')).toEqual({ title: 'Guide 👩‍💻', tags: ['a'] });
  });

  it('refuses a NUL or another control character escaped inside the JSON, naming the field, as a JSON body would be', () => {
    const nul = refusal('{"title":"A\\u0000B"}');
    expect(nul.message).toBe('title contains a control character (such as NUL), which is not allowed');
    expect(refusal('{"title":"ok","tags":["x","\\u0007"]}').message).toMatch(/^tags\.1 contains a control character/);
  });

  it('names the form field when the part itself is a string holding one', () => {
    expect(refusal('"A\\u0000B"').message).toBe('resource contains a control character (such as NUL), which is not allowed');
  });

  it('refuses a lone surrogate rather than storing it as a replacement character', () => {
    expect(refusal('{"title":"Inst \\ud800 x"}').message).toBe('title contains a lone surrogate (text that is not valid Unicode), which is not allowed');
  });

  it('says so when the part is not JSON, and names wrong fields', () => {
    expect(refusal('{title').message).toBe('The form is not valid JSON');
    expect(refusal('{"title":""}').message).toBe('Check the form');
  });
});
