// Stylesheets imported by webview entry points: esbuild writes them beside the script bundle.
declare module '*.css';
