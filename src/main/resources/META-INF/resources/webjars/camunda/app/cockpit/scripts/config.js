// dangjian-flow: this file replaces the webjar's config.js of this app.
// Chinese for browsers asking for it (locales/zh.json), English otherwise.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
