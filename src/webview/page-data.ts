// The element that carries a webview page's first data, shared by the page generator and the page scripts.
export const DATA_ELEMENT_ID = 'swb-data';
