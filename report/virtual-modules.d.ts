/** The report's figures, handed in at build time by the integration in astro.report.config.mjs. */
declare module 'virtual:klachtenregeling/report' {
  export const report: import('../lib/analytics/report.ts').Report;
}
