// /{locale}/staff itself: the same header as every other staff page.
export { default } from './[...rest]/page';
