/** The report's figures, handed in at build time by the integration in astro.report.config.mjs. */
declare module 'virtual:klachtenregeling/report' {
  /** The figures; `pdf` when `npm run report -- --pdf` also prints each year page to jaar/JJJJ.pdf. */
  export const report: import('../lib/analytics/report.ts').Report & { pdf?: boolean };
}
