import { DATA_ELEMENT_ID } from '../page-data';

/** The data the page was generated with. */
export function pageData<T>(): T {
  return JSON.parse(document.getElementById(DATA_ELEMENT_ID)?.textContent ?? 'null') as T;
}
