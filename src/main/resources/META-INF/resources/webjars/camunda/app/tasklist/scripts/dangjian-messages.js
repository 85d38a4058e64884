// dangjian-flow: a Tasklist plugin script (config.js customScripts), loaded by Tasklist's plugin loader as an ES
// module. It changes nothing in the webjar's bundle; it watches the page and
//  - puts every refusal of a start or a task completion at the top of the form, next to its 启动/完成 button and
//    at each field at fault (the server's error body names them in `fields`), and clears each when it is fixed;
//  - speaks Chinese for form-js: its validation messages, "Select", "Search", and its calendar (flatpickr),
//    whose week starts on Monday and whose dates are typed as 2026-03-05, like every date the server shows;
//  - names the other webapps in the header in Chinese.
// Only what the clerk reads changes; nothing of what is submitted does.

const SUBMIT = /\/(task|process-definition)\/([^/?]+)\/submit-form(\?|$)/;

// ---- form-js's own messages (form-js 1.8 has no translation of its own)

/** What the form's patterns ask, in the clerk's words; any other pattern gets the generic message. */
const PATTERN_HINTS = {
  '^(1[3-9][0-9]{9})?$': '手机号码应为11位数字，以1开头，第二位为3至9',
  '^[0-9]{17}[0-9Xx]$': '居民身份证号码应为18位：前17位为数字，最后一位为数字或X',
  '^[0-9]{1,12}$': '应为数字（最多12位）',
  '^[a-zA-Z0-9_.-]+$': '只能包含英文字母、数字、下划线、点和连字符'
};

const FORM_JS_MESSAGES = [
  [/^Field is required\.?$/, () => '此项为必填项'],
  [/^Field must match pattern (.*)\.$/, m => PATTERN_HINTS[m[1]] || '格式不正确，请按说明填写'],
  [/^Field must have minimum value of (.*)\.$/, m => '不能小于' + m[1]],
  [/^Field must have maximum value of (.*)\.$/, m => '不能大于' + m[1]],
  [/^Field must have minimum length of (.*)\.$/, m => '至少填写' + m[1] + '个字'],
  [/^Field must have maximum length of (.*)\.$/, m => '最多填写' + m[1] + '个字'],
  [/^Field must be a valid email\.$/, () => '请填写有效的电子邮箱地址'],
  [/^Field must be a valid\s+international phone number.*$/, () => '请填写有效的电话号码（含国家代码，如 +8613800138000）'],
  [/^Value is not a number\.$/, () => '应为数字'],
  [/^Value is expected to be an integer\.$/, () => '应为整数'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, m => '最多' + m[1] + '位小数'],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    m => '数值无效，最接近的有效值为' + m[1] + '和' + m[2]]
];

/** Texts of form-js's controls (whole texts only, so that a form's own content is never touched). */
const CONTROL_TEXTS = {
  'Select': '请选择',
  'Search': '搜索',
  'No results': '无匹配项',
  'All values selected': '已全部选择',
  'Add new': '添加一行',
  'Remove': '删除'
};

/** The other webapps as the header's menu names them. */
const APP_NAMES = {
  'Welcome': '欢迎页',
  'Tasklist': '任务办理',
  'Cockpit': '流程监控',
  'Admin': '系统管理'
};

/**
 * Tasklist's relative times (angular-moment's am-time-ago: "in 25 days", "2 years ago"), which stay English where
 * the list was drawn before Tasklist gave moment its Chinese (zh.json dateLocales); worded as zh.json words them.
 */
const RELATIVE_TIMES = [
  [/^a few seconds$/, () => '几秒'],
  [/^a minute$/, () => '1 分钟'],
  [/^(\d+) minutes$/, m => m[1] + ' 分钟'],
  [/^an hour$/, () => '1 小时'],
  [/^(\d+) hours$/, m => m[1] + ' 小时'],
  [/^a day$/, () => '1 天'],
  [/^(\d+) days$/, m => m[1] + ' 天'],
  [/^a month$/, () => '1 个月'],
  [/^(\d+) months$/, m => m[1] + ' 个月'],
  [/^a year$/, () => '1 年'],
  [/^(\d+) years$/, m => m[1] + ' 年']
];

function translateRelativeTime(text) {
  const match = /^in (.+)$/.exec(text.trim()) || /^(.+) ago$/.exec(text.trim());
  if (!match) {
    return null;
  }
  for (const [pattern, chinese] of RELATIVE_TIMES) {
    const span = pattern.exec(match[1]);
    if (span) {
      return chinese(span) + (match[0].startsWith('in ') ? '后' : '前');
    }
  }
  return null;
}

function translateFormJsMessage(text) {
  const trimmed = text.trim();
  for (const [pattern, chinese] of FORM_JS_MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return chinese(match);
    }
  }
  return null;
}

/**
 * Rewrites the text nodes of an element in place: form-js (preact) keeps references to its text nodes, and a node
 * replaced under it would come back beside ours at its next drawing.
 */
function translateTexts(element, translate) {
  for (const node of element.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const chinese = translate(node.data);
      if (chinese && chinese !== node.data) {
        node.data = chinese;
      }
    }
  }
}

function translateFormJs(root) {
  for (const item of root.querySelectorAll('.fjs-form-field-error li')) {
    translateTexts(item, translateFormJsMessage);
  }
  for (const element of root.querySelectorAll('.fjs-select-display, .fjs-dropdownlist-empty, .fjs-repeat-render-add, .fjs-repeat-row-remove')) {
    translateTexts(element, text => CONTROL_TEXTS[text.trim()]);
  }
  for (const input of root.querySelectorAll('.fjs-form input[placeholder]')) {
    const chinese = CONTROL_TEXTS[input.getAttribute('placeholder')];
    if (chinese) {
      input.setAttribute('placeholder', chinese);
    }
  }
  for (const time of root.querySelectorAll('[am-time-ago]')) {
    translateTexts(time, translateRelativeTime);
  }
  for (const link of root.querySelectorAll('[cam-widget-header] a')) {
    translateTexts(link, text => APP_NAMES[text.trim()]);
  }
}

// ---- the calendar (flatpickr inside form-js)

const CALENDAR = {
  weekdays: {
    shorthand: ['日', '一', '二', '三', '四', '五', '六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  // 《数据元和交换格式 信息交换 日期和时间表示法》(GB/T 7408) counts the week from Monday
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换',
  amPM: ['上午', '下午'],
  yearAriaLabel: '年',
  monthAriaLabel: '月',
  hourAriaLabel: '时',
  minuteAriaLabel: '分',
  time_24hr: true,
  ordinal: () => ''
};
/** Typed and shown as the server writes dates (and as its messages quote them). */
const DATE_FORMAT = 'Y-m-d';
const DATE_PLACEHOLDER = '如 2026-03-05';

let calendarLocalized = false;

function localizeCalendars(root) {
  if (!calendarLocalized && window.flatpickr && window.flatpickr.localize) {
    // calendars made from now on start in Chinese
    window.flatpickr.localize(CALENDAR);
    calendarLocalized = true;
  }
  for (const input of root.querySelectorAll('.fjs-datepicker input')) {
    const picker = input._flatpickr;
    if (!picker || picker.dangjianLocalized) {
      continue;
    }
    picker.dangjianLocalized = true;
    picker.set({locale: CALENDAR, dateFormat: DATE_FORMAT, ariaDateFormat: 'Y年n月j日'});
    // flatpickr builds the month list once; it is rebuilt only when the year changes
    if (picker.monthsDropdownContainer) {
      for (const option of picker.monthsDropdownContainer.options) {
        option.textContent = CALENDAR.months.longhand[Number(option.value)];
      }
    }
    input.setAttribute('placeholder', DATE_PLACEHOLDER);
  }
}

// ---- refusals
//
// The list at the top of the form is drawn once per submission and then only marks what was fixed (struck
// through): lines coming and going above the fields would move a radio button away between the clerk's press and
// release of the mouse, and the click would be lost. Beside the button and at the fields the messages are live.

/** The clerk's wording: no "办理未通过校验：" before each item, no variable names ("（talkDate）"). */
function clerkText(problem) {
  return String(problem).replace(/^办理未通过校验：/, '').replace(/（[A-Za-z][A-Za-z0-9_.]*）/g, '').trim();
}

/** What the top of a form lists since its last submission: the server's refusal or form-js's errors. */
const states = new WeakMap();

/** Where a submission's form is: the start dialog, or the task's details. */
function regionOf(kind) {
  const selector = kind === 'process-definition' ? '.modal-dialog' : '.task-details';
  return Array.from(document.querySelectorAll(selector)).find(region => region.querySelector('form.fjs-form'));
}

function labelOf(field) {
  const label = field.querySelector('.fjs-form-field-label');
  if (!label) {
    return '';
  }
  // the label's own text, without the asterisk of a required field
  return Array.from(label.childNodes).filter(node => node.nodeType === Node.TEXT_NODE)
    .map(node => node.data).join('').trim();
}

/** The form-js field (".fjs-form-field") of a form component id, by the ids form-js gives its inputs and labels. */
function fieldElement(region, componentId) {
  const suffix = '-' + componentId;
  for (const element of region.querySelectorAll('form.fjs-form [id], form.fjs-form label[for]')) {
    const id = element.getAttribute('for') || element.id;
    if (id.endsWith(suffix) || id.endsWith(suffix + '-0') || id.endsWith(suffix + '-date')) {
      const field = element.closest('.fjs-form-field');
      if (field) {
        return field;
      }
    }
  }
  return null;
}

/** What a field holds now, to notice that the clerk changed it. */
function valueOf(field) {
  const parts = [];
  for (const input of field.querySelectorAll('input, textarea, select')) {
    parts.push(input.type === 'checkbox' || input.type === 'radio' ? String(input.checked) : input.value);
  }
  const display = field.querySelector('.fjs-select-display');
  if (display) {
    parts.push(display.textContent);
  }
  return parts.join('\u0001');
}

/** Component ids by field key, from the form the engine deployed (what Tasklist rendered). */
async function componentIds(engineBase, kind, id) {
  const url = engineBase + (kind === 'task' ? '/task/' + id + '/deployed-form'
    : '/process-definition/' + id + '/deployed-start-form');
  const ids = {};
  try {
    const answer = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    const walk = components => (components || []).forEach(component => {
      if (component.key && component.id) {
        ids[component.key] = component.id;
      }
      walk(component.components);
    });
    walk((await answer.json()).components);
  } catch (unreadable) {
    // the form's own naming (Field_<key>) below
  }
  return ids;
}

/** form-js's own errors now shown, field by field. */
function formErrors(region) {
  const errors = [];
  for (const error of region.querySelectorAll('form.fjs-form .fjs-form-field-error')) {
    const field = error.closest('.fjs-form-field');
    const text = Array.from(error.querySelectorAll('li')).map(li => li.textContent.trim()).join('；');
    if (field && text) {
      errors.push({field, label: labelOf(field), text});
    }
  }
  return errors;
}

/** The server's refusal of a submission: every problem, each with the fields its text names. */
async function refused(kind, id, engineBase, error) {
  const region = regionOf(kind);
  if (!region) {
    return;
  }
  const problems = (Array.isArray(error.problems) && error.problems.length ? error.problems : [error.message])
    .map(clerkText).filter(Boolean);
  const ids = await componentIds(engineBase, kind, id);
  const fields = [];
  for (const key of Array.isArray(error.fields) ? error.fields : []) {
    const field = fieldElement(region, ids[key] || 'Field_' + key);
    if (field) {
      fields.push({field, label: labelOf(field), value: valueOf(field)});
    }
  }
  const items = problems.map(text => ({
    text,
    fields: fields.filter(f => f.label && text.includes(f.label))
  }));
  // one problem with fields that its text does not name: it is theirs
  if (items.length === 1 && fields.length && !items[0].fields.length) {
    items[0].fields = fields;
  }
  states.set(region, {server: true, items, fields});
  draw(region);
  dismissTasklistNotice(error.message);
  const first = fields[0] ? fields[0].field : region.querySelector('.dj-refusal');
  if (first) {
    first.scrollIntoView({block: 'center'});
  }
}

/** A submission form-js stopped itself (a required radio left empty): its errors listed, the first brought to the eye. */
function stoppedByTheForm(region) {
  const errors = formErrors(region);
  if (!errors.length) {
    return;
  }
  states.set(region, {server: false, fields: [], items: errors.map(e => ({
    text: (e.label ? e.label + '：' : '') + e.text, client: e.field
  }))});
  draw(region);
  // Tasklist's "提交任务表单时出错" without a word of what: the form's top and its fields say it
  dismissTasklistNotice('', ['提交任务表单时出错', '流程启动失败', 'An error happened while submitting',
    'The process could not be started']);
  errors[0].field.scrollIntoView({block: 'center'});
}

/**
 * Tasklist's own notice of the same refusal (a toast over the 完成 button) says nothing the form does not. Tasklist
 * may draw it after our answer handler ran (its digest is asynchronous), so it is looked for again a little later.
 */
function dismissTasklistNotice(message, also) {
  removeTasklistNotice(message, also);
  for (const delay of [100, 400, 1000, 2500]) {
    setTimeout(() => removeTasklistNotice(message, also), delay);
  }
}

function removeTasklistNotice(message, also) {
  const wanted = clerkText(message || '');
  for (const alert of document.querySelectorAll('.notifications .alert')) {
    const text = alert.textContent || '';
    if (text.includes('办理未通过校验') || (wanted && clerkText(text).includes(wanted.slice(0, 20)))
      || (also || []).some(notice => text.includes(notice))) {
      // Tasklist's own close button (the alert's other one is hidden and does nothing)
      const close = alert.querySelector('button.close[ng-click^="removeNotification"]');
      if (close) {
        close.click();
      }
    }
  }
}

/**
 * Whether an item of the list was fixed, as far as the form can tell (the server checks again at the next
 * submission): a problem of the server once one of its fields changed (a date against another: either), an error
 * of form-js once form-js no longer shows it. A problem naming no field stands until the next submission.
 */
function fixed(item) {
  if (item.client) {
    return !item.client.isConnected || !item.client.querySelector('.fjs-form-field-error');
  }
  return item.fields.length > 0 && item.fields.some(f => f.changed);
}

function element(tag, className, text) {
  const made = document.createElement(tag);
  made.className = className;
  if (text) {
    made.textContent = text;
  }
  return made;
}

/** Draws the list at the top, the hint beside the button and the marks at the fields. */
function draw(region) {
  const state = states.get(region);
  if (state) {
    for (const f of state.fields) {
      if (!f.changed && (!f.field.isConnected || valueOf(f.field) !== f.value)) {
        f.changed = true;
      }
    }
  }
  const open = state ? state.items.filter(item => !fixed(item)) : [];

  // at each field at fault: the server's problems that name it
  for (const mark of region.querySelectorAll('.dj-field-refusal')) {
    mark.remove();
  }
  for (const faulty of region.querySelectorAll('.dj-field-refused')) {
    faulty.classList.remove('dj-field-refused');
  }
  for (const f of state ? state.fields : []) {
    const own = open.filter(item => item.fields && item.fields.includes(f));
    if (!own.length || !f.field.isConnected) {
      continue;
    }
    f.field.classList.add('dj-field-refused');
    const mark = element('div', 'dj-field-refusal');
    mark.setAttribute('role', 'alert');
    own.forEach(item => mark.appendChild(element('div', '', item.text)));
    f.field.appendChild(mark);
  }

  // at the top of the form: what the last submission found, struck through once fixed
  const form = region.querySelector('form.fjs-form');
  const container = form && form.closest('[cam-tasklist-form-camunda]');
  let top = region.querySelector('.dj-refusal');
  if (!state) {
    if (top) {
      top.remove();
    }
  } else if (container) {
    if (!top) {
      top = element('div', 'dj-refusal alert alert-danger');
      top.setAttribute('role', 'alert');
      top.appendChild(element('strong', 'dj-refusal-title'));
      const list = element('ul', 'dj-refusal-items');
      state.items.forEach(item => list.appendChild(element('li', '', item.text)));
      top.appendChild(list);
      container.parentNode.insertBefore(top, container);
    }
    const errorsNow = formErrors(region).length > 0;
    top.classList.toggle('dj-refusal-done', !open.length && !errorsNow);
    top.querySelector('.dj-refusal-title').textContent = open.length
      ? (state.server ? '办理未通过校验，请修改后再提交：' : '请先修改以下各项：')
      : errorsNow ? '以下各项已修改，表单中还有标红的项：' : '已按以下各项修改，请再次提交：';
    top.querySelectorAll('li').forEach((li, i) => li.classList.toggle('dj-fixed', fixed(state.items[i])));
  }

  // beside the button the clerk is looking at: what is still wrong, now
  const errors = formErrors(region);
  const names = [...new Set([...open.flatMap(item => (item.fields || []).map(f => f.label)),
    ...errors.map(e => e.label)].filter(Boolean))];
  const unnamed = open.some(item => !item.client && !item.fields.length);
  const actions = region.querySelector('.modal-footer') || region.querySelector('.form-actions');
  let hint = region.querySelector('.dj-refusal-hint');
  if (!names.length && !unnamed) {
    if (hint) {
      hint.remove();
    }
  } else if (actions) {
    const button = actions.querySelector('button.btn-primary');
    if (!hint && button) {
      hint = element('span', 'dj-refusal-hint');
      hint.setAttribute('role', 'alert');
      // before the buttons beside it (关闭 启动, 保存 完成), so that the buttons stay together
      button.parentNode.insertBefore(hint, button.parentNode.querySelector('button'));
    }
    if (hint) {
      const refusedByServer = open.some(item => !item.client);
      // one line beside the button: the first few fields, and how many in all
      const shown = names.length > 3 ? names.slice(0, 3).join('、') + '等' + names.length + '项' : names.join('、');
      hint.textContent = (refusedByServer ? '未通过校验' : '表单有误') + (names.length
        ? '，请修改：' + shown : '，见表单上方的说明');
    }
  }
}

/** The last day of a deadline: one "within the day" is stored as the next day's 00:00 (BusinessCalendar.endOf). */
function lastDay(iso) {
  const day = iso.substring(0, 10);
  if (iso.substring(11, 19) !== '00:00:00') {
    return day;
  }
  const before = new Date(Date.UTC(Number(day.substring(0, 4)), Number(day.substring(5, 7)) - 1,
    Number(day.substring(8, 10)) - 1));
  return before.toISOString().substring(0, 10);
}

/**
 * After a start, the clerk sees what was created and what comes next: the case number the server gave it and the
 * case's open steps with their due dates (Tasklist itself only says that a process was started). Stays until
 * closed, so it can be copied onto the paper application.
 */
async function confirmStart(engineBase, responseText) {
  let started;
  try {
    started = JSON.parse(responseText);
  } catch (notJson) {
    return;
  }
  if (!started || !started.id) {
    return;
  }
  let next = [];
  try {
    const answer = await fetch(engineBase + '/task?processInstanceId=' + encodeURIComponent(started.id)
      + '&firstResult=0&maxResults=10',
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (answer.ok) {
      next = await answer.json();
    }
  } catch (unreachable) {
    // the confirmation still names the case (the engine refuses an unpaged list: hence maxResults)
  }
  document.querySelectorAll('.dj-started').forEach(old => old.remove());
  const box = element('div', 'dj-started', '');
  box.setAttribute('role', 'status');
  const steps = next.map(t => t.name + (t.due ? '（应于 ' + lastDay(String(t.due)) + ' 前完成）' : ''));
  box.appendChild(element('span', 'dj-started-text', (started.businessKey
    ? '已受理，案件编号 ' + started.businessKey : '已启动') + '。'
    + (steps.length > 0 ? '下一步：' + steps.join('；') + '，见“本组待办”。' : '')));
  const close = element('button', 'dj-started-close', '关闭');
  close.type = 'button';
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);
  document.body.appendChild(box);
}

const json = url => fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then(answer => answer.ok ? answer.json() : null).catch(() => null);

/** The case of each task being completed, asked for when 完成 is clicked (once completed, the task is gone). */
const casesOfTasks = new Map();

/**
 * After a completion, the next step of the same case when the clerk (or their group) holds it: only the tasks the
 * engine shows this user (candidateUser with includeAssignedTasks, and assignee), so nothing is offered that they
 * may not open; a colleague's is named.
 */
async function offerNextStep(engineBase, taskId) {
  const task = await casesOfTasks.get(taskId);
  casesOfTasks.delete(taskId);
  const me = await json(engineBase.replace(/\/engine\/engine\/[^/]+$/, '') + '/admin/auth/user/default');
  if (!task || !task.processInstanceId || !me || !me.userId) {
    return;
  }
  const base = engineBase + '/task?processInstanceId=' + encodeURIComponent(task.processInstanceId)
    + '&firstResult=0&maxResults=10&';
  const lists = await Promise.all([
    json(base + 'candidateUser=' + encodeURIComponent(me.userId) + '&includeAssignedTasks=true'),
    json(base + 'assignee=' + encodeURIComponent(me.userId))]);
  const tasks = new Map();
  lists.filter(Boolean).flat().filter(t => t.id !== taskId).forEach(t => tasks.set(t.id, t));
  if (!tasks.size) {
    return;
  }
  document.querySelectorAll('.dj-started').forEach(old => old.remove());
  const box = element('div', 'dj-started dj-next', '');
  box.setAttribute('role', 'status');
  box.appendChild(element('span', 'dj-started-text', '已完成。本案下一步：'));
  for (const next of tasks.values()) {
    const link = element('a', 'dj-next-step', next.name);
    const filter = /[?&]filter=([^&]+)/.exec(location.hash);
    link.href = '#/?' + (filter ? 'filter=' + filter[1] + '&' : '') + 'task=' + encodeURIComponent(next.id);
    box.appendChild(link);
    if (next.assignee && next.assignee !== me.userId) {
      const profile = await json(engineBase + '/user/' + encodeURIComponent(next.assignee) + '/profile');
      const name = profile ? ((profile.lastName || '') + (profile.firstName || '')) || next.assignee : next.assignee;
      box.appendChild(element('span', 'dj-started-text', '（由 ' + name + ' 办理）'));
    }
    box.appendChild(element('span', 'dj-started-text', ' '));
  }
  const close = element('button', 'dj-started-close', '关闭');
  close.type = 'button';
  close.addEventListener('click', () => box.remove());
  box.appendChild(close);
  box.querySelectorAll('a.dj-next-step').forEach(a => a.addEventListener('click', () => setTimeout(() => box.remove(), 0)));
  document.body.appendChild(box);
}

document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest('button[ng-click="complete()"]');
  const taskId = button && (/[?&]task=([^&#]+)/.exec(location.hash) || [])[1];
  if (taskId) {
    casesOfTasks.set(decodeURIComponent(taskId),
      json('/camunda/api/engine/engine/default/task/' + encodeURIComponent(decodeURIComponent(taskId))));
  }
}, true);

// the answers of the webapps' engine API to a form submission (Tasklist submits through XMLHttpRequest)
const xhrOpen = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url) {
  this.dangjianUrl = String(url);
  return xhrOpen.apply(this, arguments);
};
const xhrSend = XMLHttpRequest.prototype.send;
XMLHttpRequest.prototype.send = function () {
  const submission = SUBMIT.exec(this.dangjianUrl || '');
  if (submission) {
    const engineBase = this.dangjianUrl.slice(0, submission.index);
    const kind = submission[1];
    const id = decodeURIComponent(submission[2]);
    this.addEventListener('loadend', () => {
      if (kind === 'process-definition' && this.status >= 200 && this.status < 300) {
        confirmStart(engineBase, this.responseText);
        return;
      }
      if (kind === 'task' && this.status >= 200 && this.status < 300) {
        offerNextStep(engineBase, id);
        return;
      }
      if (this.status !== 400) {
        return;
      }
      let error;
      try {
        error = JSON.parse(this.responseText);
      } catch (notJson) {
        return;
      }
      if (error && error.message) {
        refused(kind, id, engineBase, error);
      }
    });
  }
  return xhrSend.apply(this, arguments);
};

// a new submission: what the last one found no longer stands; what form-js finds now is shown once it has drawn
document.addEventListener('click', event => {
  const button = event.target.closest && event.target.closest(
    'button[ng-click="complete()"], button[ng-click="startProcessInstance()"]');
  const region = button && button.closest('.modal-dialog, .task-details');
  if (!region) {
    return;
  }
  states.delete(region);
  draw(region);
  setTimeout(() => {
    if (!states.has(region)) {
      stoppedByTheForm(region);
    }
  }, 300);
}, true);

// ---- watching the page

let scheduled = false;

/** Chinese for a browser asking for it first, as Tasklist chooses its language (English otherwise). */
const CHINESE = /^zh/i.test((navigator.languages && navigator.languages[0]) || navigator.language || '');

function update() {
  scheduled = false;
  if (CHINESE) {
    translateFormJs(document);
    localizeCalendars(document);
  }
  for (const region of document.querySelectorAll('.modal-dialog, .task-details')) {
    if (states.has(region) || region.querySelector('.fjs-form-field-error, .dj-refusal-hint')) {
      draw(region);
    }
  }
}

function schedule() {
  if (!scheduled) {
    scheduled = true;
    // after form-js has drawn, and once per batch of changes (our own changes come back here once, and change nothing)
    requestAnimationFrame(update);
  }
}

const ours = node => node.nodeType === Node.ELEMENT_NODE
  && (node.matches('.dj-refusal, .dj-refusal-hint, .dj-field-refusal') || node.closest('.dj-refusal, .dj-field-refusal'));

/** A change of the page other than our own drawing. */
function relevant(mutation) {
  const target = mutation.target.nodeType === Node.ELEMENT_NODE ? mutation.target : mutation.target.parentNode;
  if (target && ours(target)) {
    return false;
  }
  const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
  return !nodes.length || !nodes.every(ours);
}

new MutationObserver(mutations => {
  if (mutations.some(relevant)) {
    schedule();
  }
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
for (const type of ['input', 'change', 'click', 'keyup']) {
  document.addEventListener(type, schedule, true);
}
schedule();

// a plugin script without plugins of its own: it only watches the page
export default [];
