// A local ESLint rule: words a user reads must come from the i18n catalogues, not be written into JSX. It reports
// JSX text with any letter in it, string literals placed as JSX children, and string literals in the attributes a
// user reads or hears (aria-label, title, placeholder, alt, label). Text with no letter (punctuation, symbols,
// numbers: "·", "—", "→", "(", "%", "2") passes, as does anything in the rule's `allow` option.

const LETTER = /\p{L}/u;
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label']);

/** @type {import('eslint').Rule.RuleModule} */
const noLiteralJsxText = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow user-visible literal text in JSX; use t() from react-i18next.' },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: { literal: 'User-visible text "{{text}}" is not translated: put it in the i18n catalogue and use t().' },
  },
  create(context) {
    // Allowed names and codes are taken out before looking for letters, so "(UTC)" or "SIMASHE ·" pass.
    const allow = [...(context.options[0]?.allow ?? [])].sort((a, b) => b.length - a.length);
    const withoutAllowed = (text) => allow.reduce((rest, word) => rest.split(word).join(' '), text);
    const check = (node, text) => {
      const trimmed = text.replace(/\s+/g, ' ').trim();
      if (!trimmed || !LETTER.test(withoutAllowed(trimmed))) return;
      context.report({ node, messageId: 'literal', data: { text: trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed } });
    };
    // A literal, or the literal branches of `a ? 'Yes' : 'No'` and `busy && 'Saving'`.
    const literalText = (expression) => {
      if (expression.type === 'Literal' && typeof expression.value === 'string') return expression.value;
      if (expression.type === 'TemplateLiteral') return expression.quasis.map((q) => q.value.cooked ?? '').join(' ');
      if (expression.type === 'ConditionalExpression') {
        return [literalText(expression.consequent), literalText(expression.alternate)].filter((text) => text !== null).join(' ') || null;
      }
      if (expression.type === 'LogicalExpression') return literalText(expression.right);
      return null;
    };
    return {
      JSXText(node) {
        check(node, node.value);
      },
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent.type !== 'JSXElement' && parent.type !== 'JSXFragment') return;
        const text = literalText(node.expression);
        if (text !== null) check(node, text);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : null;
        if (!name || !VISIBLE_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal') check(node.value, String(node.value.value));
        else if (node.value.type === 'JSXExpressionContainer') {
          const text = literalText(node.value.expression);
          if (text !== null) check(node.value, text);
        }
      },
    };
  },
};

export default { meta: { name: 'simashe-i18n' }, rules: { 'no-literal-jsx-text': noLiteralJsxText } };
