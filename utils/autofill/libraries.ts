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
  // layui 2 (issue 15): the skin drawn after the hidden native <select>; its title input (a typing box with
  // lay-search) is part of the select, not a field of its own. laydate marks the inputs it runs.
  { kind: 'custom-select', library: 'layui', selector: '.layui-form-select' },
  { kind: 'date', library: 'layui', selector: 'input[lay-laydate-id], input[lay-key]' },
  { kind: 'radio-group', library: 'element', selector: '.el-radio-group' },
  { kind: 'radio-group', library: 'ant', selector: '.ant-radio-group' },
  { kind: 'radio-group', library: 'iview', selector: '.ivu-radio-group' },
  { kind: 'radio-group', library: 'native', selector: '[role="radiogroup"]' },
];

export const WIDGET_SELECTOR = WIDGETS.map((w) => w.selector).join(', ');

/**
 * Form items per library: the item (a label + its control), its label, the classes that mark it required and
 * where it shows its own validation message. The page model reads labels and stars with these; the autofill's
 * verify looks for the page's message inside the field's item. A new family is a new entry.
 */
export interface FormItemDef {
  library: string;
  item: string;
  label: string;
  /** Classes on the item or label that mark it required. */
  required?: readonly string[];
  /** The item's validation message (text a person reads), inside the item. */
  error?: string;
}

export const FORM_ITEMS: readonly FormItemDef[] = [
  { library: 'element', item: '.el-form-item', label: '.el-form-item__label', required: ['is-required'], error: '.el-form-item__error' },
  { library: 'ant', item: '.ant-form-item', label: '.ant-form-item-label', required: ['ant-form-item-required'], error: '.ant-form-item-explain-error' },
  { library: 'iview', item: '.ivu-form-item', label: '.ivu-form-item-label', required: ['ivu-form-item-required'], error: '.ivu-form-item-error-tip' },
  // layui marks a failed control `layui-form-danger` and says why in a layer tip near it (not inside the item);
  // pages that print the message in the item use a red aux text
  { library: 'layui', item: '.layui-form-item', label: '.layui-form-label', error: '.layui-form-mid.layui-font-red, .layui-form-mid .layui-font-red' },
  { library: 'vant', item: '.van-field', label: '.van-field__label', error: '.van-field__error-message' },
  { library: 'weui', item: '.weui-cell', label: '.weui-label' },
  { library: 'bootstrap', item: '.form-group', label: '.control-label', error: '.help-block.with-errors, .has-error .help-block, .invalid-feedback' },
  { library: 'bootstrap', item: '.control-group', label: '.control-label, .col-form-label, .form-label', error: '.error-msg, .err-msg' },
  { library: 'native', item: '.form-item', label: 'label', required: ['is-required', 'required', 'is-required-label', 'must'], error: '.error-msg, .err-msg' },
];

const unique = (xs: string[]) => [...new Set(xs.flatMap((x) => x.split(',').map((p) => p.trim())).filter(Boolean))];

/** Form items (a label + its control) of component libraries and common CSS frameworks. */
export const FORM_ITEM_SELECTOR = unique(FORM_ITEMS.map((f) => f.item)).join(', ');

/** The label inside a form item. */
export const ITEM_LABEL_SELECTOR = unique(FORM_ITEMS.map((f) => f.label)).join(', ');

/** A whole form of any family (where a choice's consequences show: the rows 委托 reveals …). */
export const FORM_SCOPE_SELECTOR = 'form, [role="form"], .el-form, .ant-form, .ivu-form, .layui-form';

/** Classes that mark a required item or label. */
export const REQUIRED_CLASSES: readonly string[] = [...new Set(FORM_ITEMS.flatMap((f) => f.required ?? []))];

/** Where pages show a validation message for a form item (every family's, plus common plain-page classes). */
export const ERROR_SELECTOR = unique(FORM_ITEMS.flatMap((f) => (f.error ? [f.error] : []))).join(', ');

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
  '.ivu-divider-inner-text',
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
    library: 'layui',
    root: '.layui-form-select',
    trigger: '.layui-select-title',
    openEvents: ['mousedown', 'mouseup', 'click'],
    dropdown: '.layui-form-selected > dl, .layui-select-panel-wrap',
    item: 'dd[lay-value]:not(.layui-select-tips)',
    disabledItem: '.layui-disabled, .layui-hide',
    display: '.layui-select-title input',
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


/** A radio / checkbox skin that shows its option as chosen (the skin a person sees, over the native input). */
export const CHECKED_SKIN_SELECTOR = '.is-checked, [aria-checked="true"], .ant-radio-wrapper-checked, .ant-checkbox-wrapper-checked, .ivu-radio-wrapper-checked, .layui-form-radioed';

// ---------------------------------------------------------------------------------------------
// Skins (issue 15): widgets a library draws over (or instead of) a native control. For each: where the
// visible state is and where the value the page submits is, so a driver can read back BOTH (what a person
// sees and what is sent must agree). Read by `widget-families.ts` and the family drivers in `drivers/`.

export const LAYUI = {
  /** layui draws its skins only inside a `.layui-form` (form.render). */
  form: '.layui-form',
  item: '.layui-form-item',
  label: '.layui-form-label',
  select: {
    skin: '.layui-form-select',
    title: '.layui-select-title',
    input: '.layui-select-title input',
    /** The option list: inside the skin, or moved to <body> (`lay-append-to`) in a panel wrap. */
    panel: 'dl',
    panelWrap: '.layui-select-panel-wrap',
    option: 'dd[lay-value]',
    placeholderOption: '.layui-select-tips',
    chosen: 'dd.layui-this',
    /** On the skin while the list is open. */
    openClass: 'layui-form-selected',
    disabledClass: 'layui-select-disabled',
    hiddenOption: '.layui-hide, .layui-disabled',
  },
  radio: { skin: '.layui-form-radio', checkedClass: 'layui-form-radioed', disabledClass: 'layui-radio-disabled' },
  checkbox: { skin: '.layui-form-checkbox, .layui-form-switch', checkedClass: ['layui-form-checked', 'layui-form-onswitch'] },
  laydate: {
    input: 'input[lay-laydate-id], input[lay-key]',
    popup: '.layui-laydate',
    day: 'td[lay-ymd]',
    disabledDay: 'laydate-disabled',
    chosenDay: 'td.layui-this',
    prevYear: '.laydate-prev-y',
    nextYear: '.laydate-next-y',
    prevMonth: '.laydate-prev-m',
    nextMonth: '.laydate-next-m',
    confirm: '.laydate-btns-confirm',
  },
} as const;

export const ANT = {
  select: {
    root: '.ant-select:not(.ant-cascader)',
    selector: '.ant-select-selector',
    search: '.ant-select-selection-search-input',
    item: '.ant-select-selection-item',
    placeholder: '.ant-select-selection-placeholder',
    dropdown: '.ant-select-dropdown',
    hiddenDropdownClass: 'ant-select-dropdown-hidden',
    option: '.ant-select-item-option',
    optionContent: '.ant-select-item-option-content',
    selectedOption: '.ant-select-item-option-selected',
    disabledOption: '.ant-select-item-option-disabled',
    /** The scrolling box of the virtual list (only the rows near its scroll position are in the DOM). */
    virtualHolder: '.rc-virtual-list-holder',
  },
  radio: { group: '.ant-radio-group', wrapper: '.ant-radio-wrapper, .ant-radio-button-wrapper', checkedClass: ['ant-radio-wrapper-checked', 'ant-radio-button-wrapper-checked'] },
  date: {
    root: '.ant-picker:not(.ant-picker-range)',
    input: '.ant-picker-input input',
    dropdown: '.ant-picker-dropdown',
    hiddenDropdownClass: 'ant-picker-dropdown-hidden',
    /** Day cells carry the date as `title` (YYYY-MM-DD). */
    cell: 'td.ant-picker-cell',
    inView: 'ant-picker-cell-in-view',
    selectedCell: 'td.ant-picker-cell-selected',
    disabledCell: 'ant-picker-cell-disabled',
    cellInner: '.ant-picker-cell-inner',
    prevMonth: '.ant-picker-header-prev-btn',
    nextMonth: '.ant-picker-header-next-btn',
    prevYear: '.ant-picker-header-super-prev-btn',
    nextYear: '.ant-picker-header-super-next-btn',
  },
  cascader: { root: '.ant-cascader', activeItem: '.ant-cascader-menu-item-active', display: '.ant-select-selection-item' },
} as const;

export const IVIEW = {
  select: {
    root: '.ivu-select',
    /** iView keeps the chosen value (not its label) in a hidden input. */
    hidden: 'input[type="hidden"]',
    filterInput: 'input.ivu-select-input',
    shown: '.ivu-select-selected-value',
    dropdown: '.ivu-select-dropdown',
    option: 'li.ivu-select-item',
    selectedOption: 'li.ivu-select-item-selected',
    disabledOption: '.ivu-select-item-disabled',
  },
  radio: { group: '.ivu-radio-group', wrapper: '.ivu-radio-wrapper', checkedClass: ['ivu-radio-wrapper-checked'] },
  date: {
    root: '.ivu-date-picker',
    input: '.ivu-date-picker-rel input, input.ivu-input',
    panel: '.ivu-picker-panel-body-wrapper',
    selectedCell: '.ivu-date-picker-cells-cell-selected',
    headerLabel: '.ivu-date-picker-header-label',
  },
  cascader: {
    root: '.ivu-cascader',
    hidden: 'input[type="hidden"]',
    input: '.ivu-cascader-rel input.ivu-input',
    activeItem: '.ivu-cascader-menu-item-active',
  },
} as const;

/**
 * Radio skins: what a person sees for each option of a radio group, over (layui: after) the native radio the
 * page submits. For these the read-back needs both: the native radio checked AND its skin showing it chosen.
 * `sibling`: the skin is the radio's next element (layui); otherwise it wraps the radio.
 */
export interface RadioSkinDef {
  library: string;
  skin: string;
  sibling?: boolean;
  checkedClass: readonly string[];
}

export const RADIO_SKINS: readonly RadioSkinDef[] = [
  { library: 'layui', skin: LAYUI.radio.skin, sibling: true, checkedClass: [LAYUI.radio.checkedClass] },
  { library: 'ant', skin: ANT.radio.wrapper, checkedClass: ANT.radio.checkedClass },
  { library: 'iview', skin: IVIEW.radio.wrapper, checkedClass: IVIEW.radio.checkedClass },
  { library: 'element', skin: '.el-radio, .el-radio-button', checkedClass: ['is-checked', 'is-active'] },
];

/**
 * A real page search (header, site search): never a field of the application, never starred, never in the
 * "fill by hand" list. A control is one when it sits outside every form item and either in a search landmark /
 * page header, or says "search" (type, placeholder, name, the button beside it). A select that lets you type to
 * search is a select (its typing box is part of it: `isSkinPart`), not a page search.
 */
export const PAGE_SEARCH = {
  /** Landmarks and headers a site search lives in. */
  region: '[role="search"], search, header, [role="banner"], .header, .site-head, .site-header, .page-header, .top-bar, .topbar, .navbar, .nav-search, .search-box, .searchbox, .search-bar',
  /** Words of a search box's type / placeholder / name / aria-label / its button. */
  words: ['搜索', '检索', '查询', '关键字', '关键词', 'search', 'keyword', 'query'],
} as const;
