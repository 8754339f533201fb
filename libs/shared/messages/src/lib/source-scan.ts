/**
 * Test-time helper (never imported by the library itself): finds the sentences the API can send to a user, so the
 * completeness spec can check that the catalogue words each of them. It reads TypeScript source with the compiler's
 * parser, not with regular expressions, so strings inside SQL, comments or logs are not mistaken for errors.
 *
 * What counts as a user-facing sentence:
 * - every string or template argument of `new XxxError(...)` (ForbiddenError, ValidationError, ConflictError,
 *   NotFoundError, RateLimitedError, UnauthenticatedError, AppError; RecurrenceError of @simashe/scheduling), including `details[].message`, and constants
 *   of the same file such an argument names; `new NotFoundError('The report')` gives both "The report" and
 *   "The report was not found";
 * - the `what` of `scope.require(action, resource, 'The meeting')` / `policy.require(auth, action, resource, what)`;
 * - every `message:` / `error:` property whose value is a string (zod options, `addIssue`, error details, socket
 *   acknowledgements);
 * - the message argument of zod checks (`.min(1, '...')`, `.regex(/…/, '...')`, `.refine(fn, '...')`…), in the contracts and
 *   in the API's own schemas;
 * - the values of the `REFUSALS` and `defaultName` tables of the access scope;
 * - what functions named `…Problem` / `…Message` / `…Reason` return (e.g. `fileProblem`), and the `what` given to a
 *   rate limiter (`windows.assertBelow(key, max, 'Too many …')`);
 * - socket acknowledgements (`fail(id, '…')`), handshake refusals (`requireSocketSession(…, '…')`,
 *   `authenticateSocket`);
 * - the field names given to contract helpers with a parameter `field` (`displayTextSchema('Title', …)`).
 * Templates keep their `${…}` parts as `{}` placeholders.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';

export interface FoundSentence {
  /** The sentence; `{}` where the source interpolates a value. */
  text: string;
  file: string;
  line: number;
}

const ERROR_CLASSES = /^(Forbidden|Validation|Conflict|NotFound|RateLimited|Unauthenticated|App|Recurrence)Error$/;
const ZOD_CHECKS = new Set(['min', 'max', 'length', 'regex', 'refine', 'email', 'url', 'uuid', 'int', 'positive', 'nonnegative', 'gte', 'lte', 'gt', 'lt', 'startsWith', 'endsWith', 'includes', 'nonempty', 'multipleOf', 'finite', 'array', 'nonoptional']);

function walkFiles(directory: string, accept: (path: string) => boolean, found: string[] = []): string[] {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'migrations') walkFiles(path, accept, found);
    } else if (accept(path)) found.push(path);
  }
  return found;
}

/** A sentence has letters and at least one space (or is a short capitalised phrase such as "Too long"). */
function isSentence(text: string): boolean {
  return /[A-Za-z]{2}/.test(text) && /\s/.test(text.trim());
}

export function scanSentences(repoRoot: string): FoundSentence[] {
  const notSpec = (path: string) => path.endsWith('.ts') && !path.endsWith('.spec.ts') && !path.endsWith('.d.ts');
  const files = [
    ...walkFiles(join(repoRoot, 'libs/api'), (path) => notSpec(path) && !path.includes(`${join('libs/api/testing')}`)),
    ...walkFiles(join(repoRoot, 'libs/shared/contracts/src/lib'), notSpec),
    // Recurrence rules are checked there; the API answers its RecurrenceError messages as they are.
    ...walkFiles(join(repoRoot, 'libs/shared/scheduling/src/lib'), notSpec),
  ];
  const found: FoundSentence[] = [];
  for (const file of files) found.push(...scanFile(file, repoRoot));
  return found;
}

export function scanFile(file: string, repoRoot: string): FoundSentence[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: FoundSentence[] = [];
  const constants = new Map<string, ts.Expression>();
  const collectConstants = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) constants.set(node.name.text, node.initializer);
    ts.forEachChild(node, collectConstants);
  };
  collectConstants(source);
  /** Functions of this file that build an error from their arguments (`badLink(message)`). */
  const factories = new Set<string>();
  const collectFactories = (node: ts.Node) => {
    if (ts.isFunctionDeclaration(node) && node.name && node.body && /new (\w+)Error\(/.test(node.body.getText(source))) factories.add(node.name.text);
    ts.forEachChild(node, collectFactories);
  };
  collectFactories(source);

  /** Helpers with a parameter `field`, the field's name worded into their messages (`${field} is required`): its position. */
  const fieldHelpers = new Map<string, number>([['displayTextSchema', 0]]);
  const collectHelpers = (node: ts.Node) => {
    const fn = ts.isFunctionDeclaration(node) ? node : ts.isVariableDeclaration(node) && node.initializer && ts.isArrowFunction(node.initializer) ? node.initializer : undefined;
    const index = fn?.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === 'field') ?? -1;
    if (fn && index >= 0 && (ts.isFunctionDeclaration(node) || ts.isVariableDeclaration(node)) && node.name && ts.isIdentifier(node.name)) fieldHelpers.set(node.name.text, index);
    ts.forEachChild(node, collectHelpers);
  };
  collectHelpers(source);

  const add = (text: string, node: ts.Node, name = false) => {
    if (!name && !isSentence(text)) return;
    found.push({ text, file: relative(repoRoot, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  };
  /** The strings an expression can be: both branches of `?:` and `??`, templates with `{}` for their holes. */
  const leaves = (node: ts.Expression, seen = new Set<string>()): { text: string; node: ts.Node }[] => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [{ text: node.text, node }];
    if (ts.isTemplateExpression(node)) {
      return [{ text: node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join(''), node }];
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return leaves(node.expression, seen);
    if (ts.isArrowFunction(node) && !ts.isBlock(node.body)) return leaves(node.body, seen);
    // Already translated where it is written: what is translated is the sentence.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'translateMessage' && node.arguments[0]) return leaves(node.arguments[0], seen);
    if (ts.isConditionalExpression(node)) return [...leaves(node.whenTrue, seen), ...leaves(node.whenFalse, seen)];
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
      return [...leaves(node.left, seen), ...leaves(node.right, seen)];
    }
    if (ts.isIdentifier(node) && constants.has(node.text) && !seen.has(node.text)) {
      seen.add(node.text);
      return leaves(constants.get(node.text) as ts.Expression, seen);
    }
    return [];
  };
  /** Strings anywhere inside an error's arguments: direct leaves, and `message:` of detail objects. */
  const errorArgument = (node: ts.Expression) => {
    for (const leaf of leaves(node)) add(leaf.text, leaf.node);
    const visit = (child: ts.Node) => {
      if (ts.isPropertyAssignment(child) && propertyName(child) === 'message') for (const leaf of leaves(child.initializer)) add(leaf.text, leaf.node);
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
  };
  const returned = (body: ts.Node) => {
    const visit = (child: ts.Node) => {
      if (ts.isReturnStatement(child) && child.expression) for (const leaf of leaves(child.expression)) add(leaf.text, leaf.node);
      if (!ts.isFunctionLike(child)) ts.forEachChild(child, visit);
    };
    ts.forEachChild(body, visit);
  };

  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression)) {
      const name = node.expression.text;
      if (ERROR_CLASSES.test(name)) {
        for (const argument of node.arguments ?? []) errorArgument(argument);
        if (name === 'NotFoundError' && node.arguments?.[0] && !node.arguments[1]) {
          for (const leaf of leaves(node.arguments[0])) add(`${leaf.text} was not found`, leaf.node);
        }
      }
      if (name === 'WindowCounter') for (const argument of node.arguments ?? []) for (const leaf of leaves(argument)) add(leaf.text, leaf.node);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'require' || method === 'requireVisible') {
        const last = node.arguments[node.arguments.length - 1];
        if (node.arguments.length >= 3 && last) {
          for (const leaf of leaves(last).filter((found) => /^[A-Z]/.test(found.text))) {
            add(leaf.text, leaf.node);
            add(`${leaf.text} was not found`, leaf.node);
          }
        }
      }
      if (method === 'assertBelow' && node.arguments[2]) for (const leaf of leaves(node.arguments[2])) add(leaf.text, leaf.node);
      if (ZOD_CHECKS.has(method) && (file.includes('contracts') || !['includes', 'startsWith', 'endsWith', 'trim'].includes(method))) {
        for (const argument of node.arguments) if (!ts.isObjectLiteralExpression(argument)) for (const leaf of leaves(argument)) add(leaf.text, leaf.node);
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && fieldHelpers.has(node.expression.text)) {
      const argument = node.arguments[fieldHelpers.get(node.expression.text) as number];
      if (argument) for (const leaf of leaves(argument)) add(leaf.text, leaf.node, true);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'translateMessage' && node.arguments[0]) {
      for (const leaf of leaves(node.arguments[0])) add(leaf.text, leaf.node);
    }
    // Socket acknowledgements (`fail('forbidden', 'Join the document first')`) and handshake refusals.
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'fail' && node.arguments[1]) {
      for (const leaf of leaves(node.arguments[1])) add(leaf.text, leaf.node);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'requireSocketSession' && node.arguments[2]) {
      for (const leaf of leaves(node.arguments[2])) add(leaf.text, leaf.node);
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && factories.has(node.expression.text)) {
      for (const argument of node.arguments) for (const leaf of leaves(argument)) add(leaf.text, leaf.node);
    }
    // Default messages of the error classes themselves (`message = 'Sign in to continue'`).
    if (ts.isParameter(node) && node.initializer && ts.isConstructorDeclaration(node.parent) && ts.isClassDeclaration(node.parent.parent) && ERROR_CLASSES.test(node.parent.parent.name?.text ?? '')) {
      for (const leaf of leaves(node.initializer)) add(leaf.text, leaf.node);
      if (node.parent.parent.name?.text === 'NotFoundError') for (const leaf of leaves(node.initializer)) add(`${leaf.text} was not found`, leaf.node);
    }
    if (ts.isPropertyAssignment(node) && ['message', 'error'].includes(propertyName(node) ?? '')) {
      for (const leaf of leaves(node.initializer)) add(leaf.text, leaf.node);
    }
    // Tables of sentences: the access scope's refusals and default names, the control-character interceptor's
    // problems (whose `summary` follows the field's name: "{field} contains a control character…").
    const table = (ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node)) && node.name && ['REFUSALS', 'defaultName', 'MESSAGES'].includes(node.name.getText(source));
    if (table && (ts.isVariableDeclaration(node) ? node.initializer : node.body)) {
      const visitTable = (child: ts.Node) => {
        if (ts.isPropertyAssignment(child) && ts.isStringLiteralLike(child.initializer) || (ts.isPropertyAssignment(child) && ts.isTemplateExpression(child.initializer))) {
          for (const leaf of leaves(child.initializer)) add(propertyName(child) === 'summary' ? `{} ${leaf.text}` : leaf.text, leaf.node);
        }
        ts.forEachChild(child, visitTable);
      };
      visitTable((ts.isVariableDeclaration(node) ? node.initializer : node.body) as ts.Node);
    }
    if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && /(Problem|Message|Reason)$|^authenticateSocket$/.test(node.name.getText()) && node.body) returned(node.body);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function propertyName(node: ts.PropertyAssignment): string | undefined {
  return ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
}
