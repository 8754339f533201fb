import { z } from 'zod';

export const WHO_REGION_CODES = ['AFRO', 'AMRO', 'SEARO', 'EURO', 'EMRO', 'WPRO'] as const;
export const RegionCodeSchema = z.enum(WHO_REGION_CODES, {
  error: () => `Region must be one of: ${WHO_REGION_CODES.join(', ')}`,
});
export type RegionCode = z.infer<typeof RegionCodeSchema>;

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
