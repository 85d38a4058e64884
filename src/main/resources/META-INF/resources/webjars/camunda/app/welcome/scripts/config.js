// dangjian-flow: this file replaces the webjar's config.js of this app.
// Chinese for browsers asking for it (locales/zh.json), English otherwise.
export default {
  // the header and the page title: "党建工作流 欢迎"
  app: {
    name: '欢迎',
    vendor: '党建工作流'
  },
  // each user sees only the links of ours they may use (scripts/our-pages, asking GET /api/pages)
  customScripts: ['scripts/our-pages'],
  // our own pages beside the webapps; they take this login (reads only)
  links: [
    {label: '全程纪实查询', href: '/records.html', description: '审计与督导：案件的全程纪实、PDF 与 Excel 导出、违规记录'},
    {label: '发展党员逾期待办', href: '/overdue.html', description: '党委与支部：已过期限尚未办理的步骤'},
    {label: '发展党员台账', href: '/register.html', description: '党委与支部：全部案件一案一行，阶段、当前步骤、办理人、关键日期，可导出 Excel'},
    {label: '发展党员案件撤回与转接', href: '/development-cases.html', description: '党务工作者：撤回、终止或转接发展党员案件'},
    {label: '驻村帮包督导', href: '/village-help.html', description: '工委：帮包任务、走访期限、帮办事项'},
    {label: '三会一课', href: '/branch-meetings.html', description: '党委与工委：各党支部每月、每季度应开与已开的会议、出勤率、违规记录和季审结果，可导出电子表格'},
    {label: '管理：组织、人员与党员名册', href: '/admin.html', description: '系统管理员与工委组织部门：组织树、人员岗位、党员名册、节假日与规则、变更记录'},
    {label: '通知设置', href: '/notifications.html', description: '每个人：新待办、提醒、督办和每日待办汇总是否发到本人邮箱'}
  ],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'en'
  },
  dateFormat: {
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY年M月D日 HH:mm:ss'
  }
};
