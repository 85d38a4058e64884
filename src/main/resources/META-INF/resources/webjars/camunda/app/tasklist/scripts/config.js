// dangjian-flow: this file replaces the webjar's config.js of Tasklist.
// Chinese for browsers asking for it (locales/zh.json), English otherwise.
export default {
  // the header and the page title read "党建工作流 任务办理" (vendor, then name)
  app: {
    name: '任务办理',
    vendor: '党建工作流'
  },
  // loaded by Tasklist's plugin loader from this folder (ES modules, so the nonce policy lets them run):
  // refusals at the top of the form, next to the button and at each field, form-js and its calendar in Chinese
  // (dangjian-messages); the task list's dates as dates and a search by name (task-cards); drafts of typed values kept
  // and put back, Esc in a calendar closing only the calendar, a question before a dialog with typed values closes (keep-input)
  customScripts: ['scripts/dangjian-messages', 'scripts/task-cards', 'scripts/keep-input'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  },
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: '认领当前选中的任务'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: '将焦点移到第一个过滤器'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: '将焦点移到任务列表的第一个任务'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: '将焦点移到任务表单的第一个输入框'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: '打开“启动流程”对话框'
    }
  }
};
