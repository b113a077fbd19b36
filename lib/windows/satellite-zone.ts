// A satellite's time zone from where it is. One zone per country, except in countries that span several,
// where the longitude (and, for a few, the latitude) picks one. It is an approximation near zone borders:
// a window that must follow a particular clock names its zone instead of using the satellite's own.

/** Countries with one zone (or one zone for almost everyone); the rest of the world falls back to UTC. */
// prettier-ignore
const SINGLE: Record<string, string> = {
  AE: "Asia/Dubai", AR: "America/Argentina/Buenos_Aires", AT: "Europe/Vienna", BD: "Asia/Dhaka",
  BE: "Europe/Brussels", BG: "Europe/Sofia", CH: "Europe/Zurich", CL: "America/Santiago", CN: "Asia/Shanghai",
  CO: "America/Bogota", CY: "Asia/Nicosia", CZ: "Europe/Prague", DE: "Europe/Berlin", DK: "Europe/Copenhagen",
  EE: "Europe/Tallinn", EG: "Africa/Cairo", ES: "Europe/Madrid", FI: "Europe/Helsinki", FR: "Europe/Paris",
  GB: "Europe/London", GR: "Europe/Athens", HK: "Asia/Hong_Kong", HR: "Europe/Zagreb", HU: "Europe/Budapest",
  IE: "Europe/Dublin", IL: "Asia/Jerusalem", IN: "Asia/Kolkata", IS: "Atlantic/Reykjavik", IT: "Europe/Rome",
  JP: "Asia/Tokyo", KE: "Africa/Nairobi", KR: "Asia/Seoul", LT: "Europe/Vilnius", LU: "Europe/Luxembourg",
  LV: "Europe/Riga", MA: "Africa/Casablanca", MT: "Europe/Malta", MY: "Asia/Kuala_Lumpur", NG: "Africa/Lagos",
  NL: "Europe/Amsterdam", NO: "Europe/Oslo", NZ: "Pacific/Auckland", PE: "America/Lima", PH: "Asia/Manila",
  PK: "Asia/Karachi", PL: "Europe/Warsaw", PT: "Europe/Lisbon", QA: "Asia/Qatar", RO: "Europe/Bucharest",
  RS: "Europe/Belgrade", SA: "Asia/Riyadh", SE: "Europe/Stockholm", SG: "Asia/Singapore", SI: "Europe/Ljubljana",
  SK: "Europe/Bratislava", TH: "Asia/Bangkok", TR: "Europe/Istanbul", TW: "Asia/Taipei", UA: "Europe/Kyiv",
  VN: "Asia/Ho_Chi_Minh", ZA: "Africa/Johannesburg",
};

type Split = (lon: number, lat: number) => string;

/** Countries spanning zones: west to east by longitude, with the exceptions people notice. */
const SPLIT: Record<string, Split> = {
  US: (lon, lat) => {
    if (lat < 23 && lon < -150) return "Pacific/Honolulu";
    if (lat > 51 || lon < -141) return "America/Anchorage";
    if (lon < -114.5) return "America/Los_Angeles";
    if (lat < 37 && lon < -109) return "America/Phoenix"; // Arizona keeps standard time
    if (lon < -101) return "America/Denver";
    if (lon < -86.5) return "America/Chicago";
    return "America/New_York";
  },
  CA: (lon, lat) => {
    if (lon < -120) return "America/Vancouver";
    if (lon < -110) return "America/Edmonton";
    if (lon < -101.5) return lat < 60 ? "America/Regina" : "America/Edmonton";
    if (lon < -90) return "America/Winnipeg";
    if (lon < -64) return "America/Toronto";
    if (lon < -59 || lat < 47) return "America/Halifax";
    return "America/St_Johns";
  },
  MX: (lon) => (lon < -114.8 ? "America/Tijuana" : lon < -106 ? "America/Mazatlan" : "America/Mexico_City"),
  BR: (lon) => (lon < -67 ? "America/Rio_Branco" : lon < -54 ? "America/Manaus" : "America/Sao_Paulo"),
  AU: (lon, lat) => {
    if (lon < 129) return "Australia/Perth";
    if (lon < 138) return lat > -26 ? "Australia/Darwin" : "Australia/Adelaide";
    if (lat > -29) return "Australia/Brisbane"; // Queensland keeps standard time
    if (lat < -39.5) return "Australia/Hobart";
    return lon < 141 ? "Australia/Adelaide" : "Australia/Sydney";
  },
  RU: (lon) => {
    // prettier-ignore
    const bands: [number, string][] = [
      [22, "Europe/Kaliningrad"], [50, "Europe/Moscow"], [55, "Europe/Samara"], [68, "Asia/Yekaterinburg"],
      [78, "Asia/Omsk"], [98, "Asia/Novosibirsk"], [112, "Asia/Irkutsk"], [130, "Asia/Yakutsk"],
      [145, "Asia/Vladivostok"], [160, "Asia/Magadan"],
    ];
    return bands.find(([edge]) => lon < edge)?.[1] ?? "Asia/Kamchatka";
  },
  ID: (lon) => (lon < 114.5 ? "Asia/Jakarta" : lon < 127 ? "Asia/Makassar" : "Asia/Jayapura"),
  KZ: (lon) => (lon < 60 ? "Asia/Aqtobe" : "Asia/Almaty"),
};

export type Located = { country: string; lon: number; lat: number };

/** The IANA zone a satellite keeps its wall clock in, from its country and coordinates. */
export function zoneOfLocation({ country, lon, lat }: Located): string {
  const code = country.toUpperCase();
  const split = SPLIT[code];
  if (split) return split(lon, lat);
  return SINGLE[code] ?? "UTC";
}
