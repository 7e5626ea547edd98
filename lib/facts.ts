// The regional figures that make the case for English, as the agency's texts give them
// (shared/seeds/training-initiatives.txt and california-delegation.txt). A figure's year is the one the
// text states; where the text states none (the delegation article, the call-center market ranking) the page
// attributes the figure to its source and shows no year rather than guess one.
export const regionalFacts = {
  /** Invest Pacific's estimate for bilingual BPO contact centers in Valle del Cauca. */
  jobsForecast: { jobs: 8000, byYear: 2023 },
  /** Ministry of Commerce, Industry and Tourism: growth over the previous year and foreign sales. */
  bpoGrowth: { percent: 17, year: 2021, foreignSalesUsdMillions: 353.4 },
  /** Colombia's place among Latin America's call-center markets. */
  callCenterMarket: { rank: 3 },
  /** Invest Pacific data on US investment in southwestern Colombia; each figure is a floor ("more than"). */
  usInvestment: { projects: 124, companies: 77, moreThanUsdMillions: 700, moreThanJobs: 9000 },
  employers: {
    /** California-based, with operations already established in Cali. */
    california: ['TaskUs', 'Alorica'],
    /** Other tech and services companies with significant investments in the region. */
    others: ['Globant', 'TSO Mobile', 'Moove it', 'Foundever', 'Encora'],
  },
} as const;
