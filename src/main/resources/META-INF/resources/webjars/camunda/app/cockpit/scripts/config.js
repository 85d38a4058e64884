// dangjian-flow: this file replaces the webjar's config.js of this app.
// Chinese for browsers asking for it (locales/zh.json), English otherwise.
export default {
  // the header and the page title: "党建工作流 流程监控"
  app: {
    name: '流程监控',
    vendor: '党建工作流'
  },
  customScripts: ['scripts/dangjian-texts', 'scripts/read-only', 'scripts/supervision'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
