/**
 * The ISO code lists the customer schemas check against, as plain data: ISO 3166-1 alpha-2 country
 * codes (the i18n-iso-countries package's list) and ISO 4217 currency codes (the currency-codes
 * package's list). Browser-safe and small: the wizard validates with these without loading the
 * packages (their names and data stay on the server, see reference-data.ts). code-lists.test.ts
 * checks that both are exactly the packages' lists, so an update of either package that changes a
 * list fails that test until this file is updated from it.
 */

/** Every ISO 3166-1 alpha-2 code i18n-iso-countries knows, sorted. */
export const ISO_COUNTRY_CODES: readonly string[] = [
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ",
  "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ",
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ",
  "DE DJ DK DM DO DZ",
  "EC EE EG EH ER ES ET",
  "FI FJ FK FM FO FR",
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY",
  "HK HM HN HR HT HU",
  "ID IE IL IM IN IO IQ IR IS IT",
  "JE JM JO JP",
  "KE KG KH KI KM KN KP KR KW KY KZ",
  "LA LB LC LI LK LR LS LT LU LV LY",
  "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ",
  "NA NC NE NF NG NI NL NO NP NR NU NZ",
  "OM",
  "PA PE PF PG PH PK PL PM PN PR PS PT PW PY",
  "QA",
  "RE RO RS RU RW",
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ",
  "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ",
  "UA UG UM US UY UZ",
  "VA VC VE VG VI VN VU",
  "WF WS",
  "XK",
  "YE YT",
  "ZA ZM ZW",
]
  .join(" ")
  .split(" ");

/** Every ISO 4217 code currency-codes knows (funds, metals and test codes too), sorted. */
export const ISO_CURRENCY_CODES: readonly string[] = [
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN",
  "BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD",
  "CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK",
  "DJF DKK DOP DZD",
  "EGP ERN ETB EUR",
  "FJD FKP",
  "GBP GEL GHS GIP GMD GNF GTQ GYD",
  "HKD HNL HTG HUF",
  "IDR ILS INR IQD IRR ISK",
  "JMD JOD JPY",
  "KES KGS KHR KMF KPW KRW KWD KYD KZT",
  "LAK LBP LKR LRD LSL LYD",
  "MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN",
  "NAD NGN NIO NOK NPR NZD",
  "OMR",
  "PAB PEN PGK PHP PKR PLN PYG",
  "QAR",
  "RON RSD RUB RWF",
  "SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL",
  "THB TJS TMT TND TOP TRY TTD TWD TZS",
  "UAH UGX USD USN UYI UYU UYW UZS",
  "VED VES VND VUV",
  "WST",
  "XAF XAG XAU XBA XBB XBC XBD XCD XDR XOF XPD XPF XPT XSU XTS XUA XXX",
  "YER",
  "ZAR ZMW ZWG",
]
  .join(" ")
  .split(" ");
