/** i18n keys (locales/report.json) for the rule and label-source codes the page model reports. */
export const STAR_RULE_KEYS: Readonly<Record<string, string>> = {
  'required-class': 'reportStarRequiredClass',
  'label-star': 'reportStarLabelStar',
  'star-element': 'reportStarElement',
  'pseudo-star': 'reportStarPseudo',
  'required-attr': 'reportStarRequiredAttr',
};

export const LABEL_SOURCE_KEYS: Readonly<Record<string, string>> = {
  'form-item': 'reportSourceFormItem',
  'label-for': 'reportSourceLabelFor',
  'aria-labelledby': 'reportSourceAriaLabelledby',
  'aria-label': 'reportSourceAriaLabel',
  'enclosing-label': 'reportSourceEnclosingLabel',
  'table-cell': 'reportSourceTableCell',
  'table-header': 'reportSourceTableHeader',
  'preceding-text': 'reportSourcePrecedingText',
  placeholder: 'reportSourcePlaceholder',
  title: 'reportSourceTitle',
  taught: 'reportSourceTaught',
};
