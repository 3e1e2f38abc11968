// Outside apps the builder recognises, by brand name and its usual spellings in the tier-1 languages.
export const appAliases = {
  Shopify: ['shopify', 'ショッピファイ', 'شوبيفاي', 'شوبيفاى', 'شوبفاي'],
  Stripe: ['stripe', 'ストライプ', 'سترايب', 'ستريب'],
  WooCommerce: ['woocommerce', 'woo commerce', 'woo ', 'ووكومرس', 'ووكوميرس'],
  HubSpot: ['hubspot', 'hub spot', 'ハブスポット', 'هب سبوت', 'هابسبوت'],
  'Google Sheets': [
    'google sheet',
    'google sheets',
    'googlesheet',
    'gsheet',
    'google表格',
    'google 表格',
    '谷歌表格',
    'グーグルシート',
    'googleスプレッドシート',
    'google スプレッドシート',
    'جوجل شيت',
    'جداول جوجل',
    'جداول بيانات جوجل',
    'google spreadsheet',
    'planilha do google',
    'planilha google',
    'hoja de google',
    'feuille google',
    'foglio google',
    'google tabelle',
    'google-tabelle',
  ],
  Notion: ['notion', 'ノーション', 'نوشن'],
  Slack: ['slack', 'スラック', 'سلاك'],
  Telegram: ['telegram', 'テレグラム', '电报', 'تيليجرام', 'تلغرام', 'تليجرام', 'تيليغرام'],
  Airtable: ['airtable', 'エアテーブル', 'اير تيبل'],
  Typeform: ['typeform', 'タイプフォーム'],
  Zendesk: ['zendesk'],
  Freshdesk: ['freshdesk'],
  Plausible: ['plausible'],
  Calendar: ['google calendar', 'calendar', 'calendario', 'calendrier', 'kalender', 'カレンダー', '日历', 'تقويم'],
  Gmail: ['gmail'],
} as const;
export type AppName = keyof typeof appAliases;

/** Apps that are where a message goes, not where data comes from. */
export const channelApps: Partial<Record<AppName, 'slack' | 'telegram'>> = { Slack: 'slack', Telegram: 'telegram' };
