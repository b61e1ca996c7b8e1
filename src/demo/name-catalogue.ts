/** First names used for customers. */
export const FIRST_NAMES: readonly string[] = [
  'Alice', 'Bob', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas',
  'Kemi', 'Liam', 'Maya', 'Nikolai', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sanjay', 'Tara',
  'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Amara', 'Bruno', 'Chloe', 'Diego'
]

/** Last names used for customers. */
export const LAST_NAMES: readonly string[] = [
  'Anders', 'Baker', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
  'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Usman',
  'Varga', 'Weber', 'Xu', 'Yilmaz', 'Zhang', 'Novak', 'Silva', 'Kim', 'Murphy', 'Nguyen'
]

/** First halves of company names. */
export const COMPANY_PREFIXES: readonly string[] = [
  'Acme', 'Blue', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper',
  'Kite', 'Lumen', 'Maple', 'Nova', 'Orbit', 'Pine', 'Quartz', 'River', 'Summit', 'Tidal'
]

/** Second halves of company names. */
export const COMPANY_SUFFIXES: readonly string[] = [
  'Labs', 'Systems', 'Works', 'Analytics', 'Logistics', 'Health', 'Retail', 'Capital', 'Foods', 'Studio'
]

/** Industries an account can be in. */
export const INDUSTRIES: readonly string[] = [
  'software', 'retail', 'healthcare', 'finance', 'logistics', 'education', 'manufacturing', 'media'
]

/** Lower-case e-mail-safe form of a name. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '')
}
