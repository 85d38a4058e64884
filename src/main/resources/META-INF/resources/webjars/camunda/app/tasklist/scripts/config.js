// dangjian-flow: this file replaces the webjar's config.js of Tasklist.
// Chinese for browsers asking for it (locales/zh.json), English otherwise.
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  // the task list's dates as dates and a search by name (scripts/task-cards.js)
  customScripts: ['scripts/task-cards'],
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
