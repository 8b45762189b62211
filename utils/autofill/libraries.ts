/**
 * What component libraries' DOM looks like — data read by collect and the drivers.
 * Order matters: the first entry whose selector matches an element decides its kind.
 */
import type { WidgetKind } from './types';

export interface WidgetDef {
  kind: WidgetKind;
  library: string;
  selector: string;
}

export const WIDGETS: readonly WidgetDef[] = [
  { kind: 'daterange', library: 'element', selector: '.el-date-editor--daterange, .el-date-editor--datetimerange, .el-date-editor--monthrange, .el-range-editor' },
  { kind: 'daterange', library: 'ant', selector: '.ant-picker-range' },
  { kind: 'date', library: 'element', selector: '.el-date-editor' },
  { kind: 'date', library: 'ant', selector: '.ant-picker' },
  { kind: 'date', library: 'iview', selector: '.ivu-date-picker' },
  { kind: 'cascader', library: 'element', selector: '.el-cascader' },
  { kind: 'cascader', library: 'ant', selector: '.ant-cascader' },
  { kind: 'cascader', library: 'iview', selector: '.ivu-cascader' },
  { kind: 'custom-select', library: 'element', selector: '.el-select' },
  { kind: 'custom-select', library: 'ant', selector: '.ant-select' },
  { kind: 'custom-select', library: 'iview', selector: '.ivu-select' },
  { kind: 'radio-group', library: 'element', selector: '.el-radio-group' },
  { kind: 'radio-group', library: 'ant', selector: '.ant-radio-group' },
  { kind: 'radio-group', library: 'iview', selector: '.ivu-radio-group' },
  { kind: 'radio-group', library: 'native', selector: '[role="radiogroup"]' },
];

export const WIDGET_SELECTOR = WIDGETS.map((w) => w.selector).join(', ');

/** Form items (a label + its control) of component libraries and common CSS frameworks, most specific first. */
export const FORM_ITEM_SELECTOR = [
  '.el-form-item',
  '.ant-form-item',
  '.ivu-form-item',
  '.layui-form-item',
  '.van-field',
  '.weui-cell',
  '.form-group',
  '.form-item',
  '.control-group',
].join(', ');

/** The label inside a form item. */
export const ITEM_LABEL_SELECTOR = [
  '.el-form-item__label',
  '.ant-form-item-label',
  '.ivu-form-item-label',
  '.layui-form-label',
  '.van-field__label',
  '.weui-label',
  '.control-label',
  '.form-label',
  '.col-form-label',
  'label',
].join(', ');

/** Classes that mark a required item or label. */
export const REQUIRED_CLASSES = ['is-required', 'ant-form-item-required', 'ivu-form-item-required', 'required', 'is-required-label', 'must'];

/** Headings of sections (委托人信息 …). */
export const HEADING_SELECTOR = [
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'legend',
  'caption',
  '.el-card__header',
  '.el-divider__text',
  '.el-collapse-item__header',
  '.panel-heading',
  '.panel-title',
  '.card-header',
  '.ant-card-head-title',
  '.ant-divider-inner-text',
  '.ivu-card-head',
  '[class*="title"]',
  '[class*="heading"]',
  '[class*="header"]',
].join(', ');

export interface DropdownDef {
  library: string;
  /** The widget root. */
  root: string;
  /** Element to press to open it (relative to the root; '' = the root). */
  trigger: string;
  /** Events a user's press produces, in order. */
  openEvents: string[];
  /** The popup (anywhere in the document: libraries move it to <body>). */
  dropdown: string;
  item: string;
  disabledItem: string;
  /** Where the chosen text shows after a choice. */
  display: string;
}

export const SELECTS: readonly DropdownDef[] = [
  {
    library: 'element-plus',
    root: '.el-select',
    trigger: '.el-select__wrapper',
    openEvents: ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'],
    dropdown: '.el-select-dropdown',
    item: '.el-select-dropdown__item',
    disabledItem: '.is-disabled',
    display: '.el-select__placeholder:not(.is-transparent), .el-select__selected-item:not(.el-select__placeholder):not(.is-hidden):not(.is-transparent)',
  },
  {
    library: 'element',
    root: '.el-select',
    trigger: '',
    openEvents: ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'],
    dropdown: '.el-select-dropdown',
    item: '.el-select-dropdown__item',
    disabledItem: '.is-disabled',
    display: '',
  },
  {
    library: 'ant',
    root: '.ant-select',
    trigger: '.ant-select-selector',
    openEvents: ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'],
    dropdown: '.ant-select-dropdown',
    item: '.ant-select-item-option',
    disabledItem: '.ant-select-item-option-disabled',
    display: '.ant-select-selection-item',
  },
  {
    library: 'iview',
    root: '.ivu-select',
    trigger: '.ivu-select-selection',
    openEvents: ['mousedown', 'mouseup', 'click'],
    dropdown: '.ivu-select-dropdown',
    item: '.ivu-select-item',
    disabledItem: '.ivu-select-item-disabled',
    display: '.ivu-select-selected-value',
  },
];

export interface CascaderDef {
  library: string;
  root: string;
  trigger: string;
  dropdown: string;
  menu: string;
  node: string;
  nodeLabel: string;
  /** Present inside a node that opens a sub-menu (the arrow); a node without it is a leaf. */
  expandable: string;
  display: string;
}

export const CASCADERS: readonly CascaderDef[] = [
  {
    library: 'element',
    root: '.el-cascader',
    trigger: '',
    dropdown: '.el-cascader__dropdown, .el-cascader-panel',
    menu: '.el-cascader-menu',
    node: '.el-cascader-node',
    nodeLabel: '.el-cascader-node__label',
    expandable: '.el-cascader-node__postfix, .el-icon-arrow-right',
    display: '.el-cascader__label',
  },
  {
    library: 'ant',
    root: '.ant-cascader',
    trigger: '.ant-select-selector',
    dropdown: '.ant-cascader-dropdown, .ant-select-dropdown',
    menu: '.ant-cascader-menu',
    node: '.ant-cascader-menu-item',
    nodeLabel: '.ant-cascader-menu-item-content',
    expandable: '.ant-cascader-menu-item-expand-icon',
    display: '.ant-select-selection-item',
  },
  {
    library: 'iview',
    root: '.ivu-cascader',
    trigger: '.ivu-cascader-rel',
    dropdown: '.ivu-select-dropdown',
    menu: '.ivu-cascader-menu',
    node: '.ivu-cascader-menu-item',
    nodeLabel: '',
    expandable: '.ivu-icon-ios-arrow-forward, .ivu-icon-ios-arrow-right',
    display: '',
  },
];

/** Date picker popups (closed after typing a date). */
export const DATE_PANEL_SELECTOR = '.el-picker-panel, .ant-picker-dropdown, .ivu-picker-panel-body-wrapper';

/** Where pages show a validation message for a form item. */
export const ERROR_SELECTOR = '.el-form-item__error, .ant-form-item-explain-error, .ivu-form-item-error-tip, .help-block.with-errors, .has-error .help-block, .invalid-feedback, .error-msg, .err-msg, .layui-form-danger';

/** A radio / checkbox skin that shows its option as chosen (the skin a person sees, over the native input). */
export const CHECKED_SKIN_SELECTOR = '.is-checked, [aria-checked="true"], .ant-radio-wrapper-checked, .ant-checkbox-wrapper-checked, .ivu-radio-wrapper-checked, .layui-form-radioed';
