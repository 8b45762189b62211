export const headerFrame = () => 'TODO';
export const render = () => 'TODO';
export const errorPage = (m) => m;
export const successPage = (no) => no;
export const normalize = (f) => f;
