/** A product that can be ordered, with its unit price. */
export interface Product {
  name: string
  priceUsd: number
}

/**
 * Products in affinity groups: a customer mostly buys inside one group, so
 * "customers who bought X also bought Y" has a real answer (mostly Y in X's group).
 */
export const PRODUCT_GROUPS: Readonly<Record<string, readonly Product[]>> = {
  analytics: [
    { name: 'Analytics Pro', priceUsd: 240 },
    { name: 'Dashboard Builder', priceUsd: 120 },
    { name: 'Report Scheduler', priceUsd: 60 },
    { name: 'Data Warehouse Connector', priceUsd: 300 }
  ],
  security: [
    { name: 'SSO Add-on', priceUsd: 150 },
    { name: 'Audit Log', priceUsd: 90 },
    { name: 'Advanced Permissions', priceUsd: 110 },
    { name: 'Data Residency', priceUsd: 400 }
  ],
  collaboration: [
    { name: 'Team Seats Pack', priceUsd: 80 },
    { name: 'Shared Workspaces', priceUsd: 70 },
    { name: 'Guest Access', priceUsd: 40 },
    { name: 'Slack Integration', priceUsd: 30 }
  ],
  services: [
    { name: 'Priority Support', priceUsd: 500 },
    { name: 'Onboarding Package', priceUsd: 900 },
    { name: 'Training Workshop', priceUsd: 650 },
    { name: 'Success Manager', priceUsd: 1200 }
  ],
  platform: [
    { name: 'API Rate Boost', priceUsd: 200 },
    { name: 'Extra Storage 1TB', priceUsd: 50 },
    { name: 'Backup & Restore', priceUsd: 95 },
    { name: 'Sandbox Environment', priceUsd: 180 }
  ]
}

/** Every product, flattened. */
export const PRODUCTS: readonly Product[] = Object.values(PRODUCT_GROUPS).flat()

/** Affinity group names. */
export const PRODUCT_GROUP_NAMES: readonly string[] = Object.keys(PRODUCT_GROUPS)

/** Which affinity group an industry leans to, so interests differ between segments. */
export const INDUSTRY_GROUP: Readonly<Record<string, string>> = {
  software: 'platform',
  retail: 'analytics',
  healthcare: 'security',
  finance: 'security',
  logistics: 'analytics',
  education: 'collaboration',
  manufacturing: 'services',
  media: 'collaboration'
}
