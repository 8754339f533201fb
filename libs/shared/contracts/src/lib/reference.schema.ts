import { z } from 'zod';

import { WHO_REGION_CODES } from './constants';

export const RegionCodeSchema = z.enum(WHO_REGION_CODES, {
  error: () => `Region must be one of: ${WHO_REGION_CODES.join(', ')}`,
});

export const RegionSchema = z.object({
  code: RegionCodeSchema,
  name: z.string(),
  officeName: z.string(),
});
export type Region = z.infer<typeof RegionSchema>;

export const CountrySchema = z.object({
  iso3: z.string().length(3),
  iso2: z.string().length(2),
  name: z.string(),
  regionCode: RegionCodeSchema,
});
export type Country = z.infer<typeof CountrySchema>;

export const RegionWithCountriesSchema = RegionSchema.extend({ countries: z.array(CountrySchema) });
export type RegionWithCountries = z.infer<typeof RegionWithCountriesSchema>;
export const RegionListSchema = z.object({ items: z.array(RegionWithCountriesSchema) });
