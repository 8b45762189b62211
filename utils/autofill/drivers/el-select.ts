/** Element UI / Element Plus `el-select`: the generic component-select driver with Element's data (libraries.ts). */
export { selectDriver as elSelectDriver } from './select';
