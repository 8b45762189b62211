/**
 * Element UI / Element Plus `el-input` (and textarea): a native input inside `.el-input`; Vue's v-model listens
 * to `input`, so the native driver's setter + events are what a user produces.
 */
import { nativeTextDriver } from './native';
export const elInputDriver = nativeTextDriver;
