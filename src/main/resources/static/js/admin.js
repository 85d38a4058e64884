// 管理: every choice of an organization or a person is a list of names filled from /api/admin; the server checks
// every rule again and answers a refusal with a Chinese message, shown as it is.
const KINDS = [['workingCommittee', '工委'], ['committee', '党委'], ['generalBranch', '党总支'], ['branch', '党支部'],
  ['helpUnit', '帮包单位'], ['village', '村']];
const STATUS = {active: '正常', closed: '已撤销'};
const DISCIPLINE = {none: '无', warning: '警告', seriousWarning: '严重警告', probationWithinParty: '留党察看'};
const GENDER = {male: '男', female: '女'};
const ENTITY = {organization: '组织', user: '人员', role: '岗位', member: '党员', calendar: '节假日', ruleSet: '规则',
  import: '导入'};
const ACTION = {create: '新建', rename: '改名', move: '移动', setKind: '修改类型', close: '撤销', reopen: '恢复',
  update: '修改',
  updateWithPassword: '修改（含重设密码）', grant: '任命', withdraw: '免去', import: '导入工作簿'};
const PAGE = 20;
// who seeded a global setting on the first start (GlobalSettings.SYSTEM)
const changedBy = userId => userId === 'system' ? '系统初始设置' : userId;
const changedAt = time => time.replace('T', ' ').substring(0, 19);
let organizations = [];
let people = [];
let editing = null;
let editingUser = null;
let editingMember = null;
let changesFirst = 0;

const $ = id => document.getElementById(id);
const text = value => value == null || value === '' ? '—' : String(value);

function say(message, ok) {
  $('message').textContent = message;
  $('message').className = ok ? 'ok' : 'error';
}

async function api(method, path, body) {
  const options = {method, headers: {'Accept': 'application/json'}};
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  const response = await fetch('/api/admin' + path, options);
  let answer = null;
  try { answer = await response.json(); } catch (ignored) { /* no JSON body */ }
  if (!response.ok) {
    throw new Error(answer && answer.message ? answer.message : '操作失败（HTTP ' + response.status + '）');
  }
  return answer;
}

function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = text(value);
  if (className) td.className = className;
  return td;
}

function button(parent, label, action, className) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  if (className) b.className = className;
  b.addEventListener('click', action);
  parent.appendChild(b);
  return b;
}

function options(select, items, blank) {
  const chosen = select.value;
  select.replaceChildren();
  if (blank) select.add(new Option(blank, ''));
  for (const [value, label] of items) select.add(new Option(label, value));
  if ([...select.options].some(o => o.value === chosen)) select.value = chosen;
}

const indent = o => '\u3000'.repeat(o.depth) + o.name;
const active = () => organizations.filter(o => o.status === 'active');
const nameOf = id => (organizations.find(o => o.id === id) || {name: id}).name;

// ---- 组织

async function loadOrganizations() {
  organizations = await api('GET', '/organizations');
  const body = $('organization-rows');
  body.replaceChildren();
  for (const o of organizations) {
    const row = body.insertRow();
    if (o.status === 'closed') row.className = 'closed';
    cell(row, o.name, 'tree-' + Math.min(o.depth, 5));
    cell(row, o.id);
    cell(row, o.kindTitle);
    cell(row, o.approvalPower ? '有' : '');
    cell(row, STATUS[o.status]);
    const actions = row.insertCell();
    if (o.status === 'active') button(actions, '修改', () => edit(o));
  }
  for (const select of document.querySelectorAll('select.kinds')) options(select, KINDS);
  for (const select of document.querySelectorAll('select.parents')) {
    options(select, active().map(o => [o.id, indent(o) + '（' + o.kindTitle + '）']), '（无上级：工委）');
  }
  options($('role-organization'), active().map(o => [o.id, indent(o)]));
  const branches = organizations.filter(o => o.kind === 'branch').map(o => [o.id, o.name + (o.status === 'closed' ? '（已撤销）' : '')]);
  options($('registry-branch'), branches);
  options($('member-branch'), organizations.filter(o => o.kind === 'branch' && o.status === 'active').map(o => [o.id, o.name]));
  fillRoles();
}

function edit(o) {
  editing = o;
  const form = $('organization-edit');
  form.hidden = false;
  $('edit-title').textContent = o.name;
  form.elements.name.value = o.name;
  form.elements.parentId.value = o.parentId || '';
  form.elements.kind.value = o.kind;
  form.elements.approvalPower.checked = o.approvalPower;
  $('close-organization').hidden = o.status === 'closed';
  $('reopen-organization').hidden = o.status !== 'closed';
}

async function act(work, done) {
  try {
    await work();
    say(done, true);
  } catch (e) {
    say(e.message, false);
  }
}

$('organization-create').addEventListener('submit', event => {
  event.preventDefault();
  const f = event.target.elements;
  act(async () => {
    await api('POST', '/organizations', {id: f.id.value.trim(), name: f.name.value.trim(), kind: f.kind.value,
      parentId: f.parentId.value || null, approvalPower: f.approvalPower.checked});
    event.target.reset();
    await loadOrganizations();
  }, '已新建组织' + f.name.value.trim());
});
$('rename').addEventListener('click', () => act(async () => {
  await api('PUT', '/organizations/' + encodeURIComponent(editing.id) + '/name',
    {name: $('organization-edit').elements.name.value.trim()});
  await loadOrganizations();
}, '已改名'));
$('move').addEventListener('click', () => act(async () => {
  const parentId = $('organization-edit').elements.parentId.value || null;
  await api('PUT', '/organizations/' + encodeURIComponent(editing.id) + '/parent', {parentId});
  await loadOrganizations();
}, '已将' + (editing ? editing.name : '') + '移到新的上级组织'));
$('set-kind').addEventListener('click', () => act(async () => {
  const f = $('organization-edit').elements;
  await api('PUT', '/organizations/' + encodeURIComponent(editing.id) + '/kind',
    {kind: f.kind.value, approvalPower: f.approvalPower.checked});
  await loadOrganizations();
}, '已保存组织类型'));
$('close-organization').addEventListener('click', () => {
  if (!confirm('确定撤销' + editing.name + '？撤销后不再受理新案件，编号不能给其他组织使用；误撤销的可以恢复。')) return;
  act(async () => {
    await api('POST', '/organizations/' + encodeURIComponent(editing.id) + '/close');
    $('organization-edit').hidden = true;
    await loadOrganizations();
  }, '已撤销' + editing.name);
});

$('reopen-organization').addEventListener('click', () => act(async () => {
  await api('POST', '/organizations/' + encodeURIComponent(editing.id) + '/reopen');
  $('organization-edit').hidden = true;
  await loadOrganizations();
}, '已恢复' + (editing ? editing.name : '')));

// ---- 人员与岗位

async function loadPeople() {
  // with a directory (LDAP) users and roles are the directory's: shown, not changed here
  const source = await api('GET', '/identity');
  $('directory-note').hidden = !source.directory;
  $('directory-note').textContent = source.note || '';
  $('person-form').hidden = source.directory;
  $('role-form').hidden = source.directory;
  people = await api('GET', '/users');
  const body = $('people-rows');
  body.replaceChildren();
  for (const p of people) {
    const row = body.insertRow();
    cell(row, p.name + (p.administrator ? '（拥有系统管理权限）' : ''));
    cell(row, p.userId);
    cell(row, p.phone);
    cell(row, p.email);
    const roles = row.insertCell();
    for (const r of p.roles) {
      const span = document.createElement('span');
      span.className = 'role';
      span.textContent = r.organizationName + ' ' + r.title + ' ';
      button(span, '免去', () => {
        if (!confirm('免去' + p.name + '的' + r.organizationName + r.title + '岗位？')) return;
        act(async () => {
          await api('DELETE', '/users/' + encodeURIComponent(p.userId) + '/roles/' + encodeURIComponent(r.organizationId)
            + '/' + encodeURIComponent(r.role));
          await loadPeople();
        }, '已免去' + p.name + '的' + r.organizationName + r.title + '岗位');
      });
      roles.appendChild(span);
    }
    button(row.insertCell(), '修改', () => editUser(p));
  }
  options($('role-user'), people.map(p => [p.userId, p.name + '（' + p.userId + '）']));
}

function fillRoles() {
  const o = organizations.find(x => x.id === $('role-organization').value);
  options($('role-role'), o ? o.roles.map(r => [r.role, r.title]) : []);
}
$('role-organization').addEventListener('change', fillRoles);

function editUser(p) {
  editingUser = p;
  const f = $('person-form').elements;
  f.userId.value = p.userId;
  f.userId.disabled = true;
  f.name.value = p.name;
  f.phone.value = p.phone || '';
  f.email.value = p.email || '';
  f.password.value = '';
  $('person-title').textContent = '修改人员：' + p.name;
  $('password-label').textContent = '重设密码（不改则留空）';
  $('person-submit').textContent = '保存';
  $('person-cancel').hidden = false;
}

function resetUser() {
  editingUser = null;
  $('person-form').reset();
  $('person-form').elements.userId.disabled = false;
  $('person-title').textContent = '新建人员';
  $('password-label').textContent = '初始密码';
  $('person-submit').textContent = '新建';
  $('person-cancel').hidden = true;
}
$('person-cancel').addEventListener('click', resetUser);

$('person-form').addEventListener('submit', event => {
  event.preventDefault();
  const f = event.target.elements;
  const body = {userId: f.userId.value.trim(), name: f.name.value.trim(), phone: f.phone.value.trim() || null,
    email: f.email.value.trim() || null, password: f.password.value || null};
  act(async () => {
    if (editingUser) {
      await api('PUT', '/users/' + encodeURIComponent(editingUser.userId), body);
    } else {
      await api('POST', '/users', body);
    }
    resetUser();
    await loadPeople();
  }, '已保存人员' + body.name);
});

$('role-form').addEventListener('submit', event => {
  event.preventDefault();
  const userId = $('role-user').value;
  const organizationId = $('role-organization').value;
  const role = $('role-role').value;
  act(async () => {
    await api('POST', '/users/' + encodeURIComponent(userId) + '/roles', {organizationId, role});
    await loadPeople();
  }, '已任命');
});

// ---- 党员名册

async function loadMembers() {
  const branchId = $('registry-branch').value;
  const body = $('member-rows');
  body.replaceChildren();
  if (!branchId) return;
  const members = await api('GET', '/members?branchId=' + encodeURIComponent(branchId));
  for (const m of members) {
    const row = body.insertRow();
    cell(row, m.memberNo);
    cell(row, m.name);
    cell(row, GENDER[m.gender]);
    cell(row, m.birthDate);
    cell(row, m.idNumber);
    cell(row, m.partyGroup);
    cell(row, m.statusTitle);
    cell(row, m.fullMembershipDate);
    cell(row, DISCIPLINE[m.disciplineStatus]);
    cell(row, m.caseNumber);
    const actions = row.insertCell();
    if (m.status !== 'ended') button(actions, '修改', () => editMember(m));
  }
}
$('registry-branch').addEventListener('change', () => act(loadMembers, ''));

function editMember(m) {
  editingMember = m;
  const f = $('member-form').elements;
  for (const key of ['name', 'gender', 'birthDate', 'idNumber', 'branchId', 'partyGroup', 'status',
    'fullMembershipDate', 'disciplineStatus']) {
    f[key].value = m[key] == null ? '' : m[key];
  }
  $('member-title').textContent = '修改党员：' + m.name + '（' + m.memberNo + '）';
  $('member-submit').textContent = '保存';
  $('member-cancel').hidden = false;
}

function resetMember() {
  editingMember = null;
  $('member-form').reset();
  $('member-form').elements.branchId.value = $('registry-branch').value;
  $('member-title').textContent = '登记党员';
  $('member-submit').textContent = '登记';
  $('member-cancel').hidden = true;
}
$('member-cancel').addEventListener('click', resetMember);

$('member-form').addEventListener('submit', event => {
  event.preventDefault();
  const f = event.target.elements;
  const body = {};
  for (const key of ['name', 'gender', 'birthDate', 'idNumber', 'branchId', 'partyGroup', 'status',
    'fullMembershipDate', 'disciplineStatus']) {
    body[key] = f[key].value.trim() || null;
  }
  act(async () => {
    if (editingMember) {
      await api('PUT', '/members/' + encodeURIComponent(editingMember.memberNo), body);
    } else {
      await api('POST', '/members', body);
    }
    $('registry-branch').value = body.branchId;
    resetMember();
    await loadMembers();
  }, '已保存党员' + body.name + '（' + nameOf(body.branchId) + '）');
});

// ---- 节假日

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const NAME_LENGTH = 20;
let calendarEditable = false;

function weekdayOf(date) {
  // noon UTC: the same calendar day in every time zone the browser may be in
  const d = new Date(date + 'T12:00:00Z');
  return isNaN(d) ? '' : WEEKDAYS[d.getUTCDay()];
}

function dayRow(body, day, year) {
  const row = body.insertRow();
  const date = document.createElement('input');
  date.type = 'date';
  date.required = true;
  date.min = year + '-01-01';
  date.max = year + '-12-31';
  date.value = day.date || '';
  date.className = 'day-date';
  row.insertCell().appendChild(date);
  const weekday = row.insertCell();
  weekday.className = 'weekday';
  weekday.textContent = weekdayOf(date.value);
  date.addEventListener('change', () => { weekday.textContent = weekdayOf(date.value); });
  const name = document.createElement('input');
  name.required = true;
  name.maxLength = NAME_LENGTH;
  name.value = day.name || '';
  name.className = 'day-name';
  name.placeholder = body.id === 'holiday-rows' ? '如 国庆节' : '如 国庆节调休上班';
  row.insertCell().appendChild(name);
  const remove = button(row.insertCell(), '删除', () => row.remove());
  for (const control of [date, name, remove]) control.disabled = !calendarEditable;
  return row;
}

function shownYear() {
  return Number($('calendar-year').value);
}

async function loadCalendar(year) {
  const answer = await api('GET', '/calendar/' + encodeURIComponent(year));
  calendarEditable = answer.editable;
  $('calendar-year').value = answer.year;
  for (const [id, days] of [['holiday-rows', answer.holidays], ['make-up-rows', answer.makeUpWorkdays]]) {
    const body = $(id);
    body.replaceChildren();
    for (const day of days) dayRow(body, day, answer.year);
  }
  $('calendar-years').textContent = answer.years.length === 0 ? '尚无任何年份的安排。'
    : '已录入安排的年份：' + answer.years.join('、') + (answer.years.includes(answer.year) ? ''
      : '；' + answer.year + '年尚未录入，添加后保存。');
  for (const id of ['add-holiday', 'add-make-up', 'calendar-save']) $(id).disabled = !calendarEditable;
  $('calendar-changed').textContent = (calendarEditable ? '' : '只有系统管理员可以修改。')
    + '最近修改：' + changedBy(answer.changedBy) + '，' + changedAt(answer.changedAt);
}

function collect(bodyId, title) {
  const year = shownYear();
  const days = [];
  [...$(bodyId).rows].forEach((row, i) => {
    const date = row.querySelector('.day-date').value;
    const name = row.querySelector('.day-name').value.trim();
    const label = '第' + (i + 1) + '个' + title;
    // the server checks all of this again; here the clerk learns it before sending
    if (!date) throw new Error(label + '的日期不能为空');
    if (!date.startsWith(year + '-')) throw new Error(label + '的日期' + date + '不在' + year + '年内');
    if (!name) throw new Error(label + '的名称不能为空');
    if ([...name].length > NAME_LENGTH) throw new Error(label + '的名称不能超过' + NAME_LENGTH + '个字');
    days.push({date, name});
  });
  return days;
}

function checkDays(holidays, makeUpWorkdays) {
  const seen = new Map();
  for (const [days, title] of [[holidays, '节假日'], [makeUpWorkdays, '调休上班日']]) {
    for (const day of days) {
      if (seen.has(day.date)) {
        throw new Error(day.date + (seen.get(day.date) === title ? '重复列出' : '不能既是节假日又是调休上班日'));
      }
      seen.set(day.date, title);
      const weekday = weekdayOf(day.date);
      if (title === '调休上班日' && weekday !== '星期六' && weekday !== '星期日') {
        throw new Error('调休上班日' + day.date + '是' + weekday + '：调休上班日只能是星期六或星期日');
      }
    }
  }
}

$('add-holiday').addEventListener('click', () => dayRow($('holiday-rows'), {}, shownYear()).querySelector('input').focus());
$('add-make-up').addEventListener('click', () => dayRow($('make-up-rows'), {}, shownYear()).querySelector('input').focus());
$('calendar-previous').addEventListener('click', () => act(() => loadCalendar(shownYear() - 1), ''));
$('calendar-next').addEventListener('click', () => act(() => loadCalendar(shownYear() + 1), ''));
$('calendar-year').addEventListener('change', () => act(() => loadCalendar(shownYear()), ''));
$('calendar-form').addEventListener('submit', event => {
  event.preventDefault();
  const year = shownYear();
  act(async () => {
    const holidays = collect('holiday-rows', '节假日');
    const makeUpWorkdays = collect('make-up-rows', '调休上班日');
    checkDays(holidays, makeUpWorkdays);
    await api('PUT', '/calendar/' + year, {holidays, makeUpWorkdays});
    await loadCalendar(year);
  }, '已保存' + year + '年的节假日安排，立即生效');
});

// ---- 规则

async function loadRuleSet() {
  const answer = await api('GET', '/rule-set');
  const box = $('rule-set-options');
  box.replaceChildren();
  for (const option of answer.options) {
    const panel = document.createElement('label');
    panel.className = 'panel rule-set' + (option.key === answer.ruleSet ? ' current' : '');
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'ruleSet';
    radio.value = option.key;
    radio.checked = option.key === answer.ruleSet;
    radio.disabled = !answer.editable;
    const title = document.createElement('strong');
    title.textContent = ' ' + option.title + ' ';
    const key = document.createElement('code');
    key.textContent = option.key;
    const mark = document.createElement('span');
    mark.className = 'current-mark';
    mark.textContent = option.key === answer.ruleSet ? '当前规则' : '';
    const rules = document.createElement('ul');
    for (const rule of option.rules) {
      const item = document.createElement('li');
      item.textContent = rule;
      rules.appendChild(item);
    }
    panel.append(radio, title, key, mark, rules);
    box.appendChild(panel);
  }
  const days = $('meeting-rectification-days');
  const meeting = answer.meetingRectification;
  days.value = meeting.days;
  days.min = meeting.min;
  days.max = meeting.max;
  days.disabled = !answer.editable;
  $('meeting-rectification-note').textContent = meeting.min + '–' + meeting.max + ' 天，默认 ' + meeting.defaultDays
    + ' 天。最近修改：' + changedBy(meeting.changedBy) + '，' + changedAt(meeting.changedAt);
  $('rule-set-save').disabled = !answer.editable;
  $('rule-set-changed').textContent = (answer.editable ? '' : '只有系统管理员可以修改。')
    + '最近修改：' + changedBy(answer.changedBy) + '，' + changedAt(answer.changedAt);
}

$('rule-set-form').addEventListener('submit', event => {
  event.preventDefault();
  const chosen = event.target.querySelector('input[name="ruleSet"]:checked');
  act(async () => {
    if (!chosen) throw new Error('请选择一套规则');
    const days = $('meeting-rectification-days');
    if (!days.checkValidity()) throw new Error('季审责令整改的期限应为 ' + days.min + ' 到 ' + days.max + ' 之间的整数天数');
    await api('PUT', '/rule-set', {ruleSet: chosen.value, meetingRectificationDays: days.value});
    await loadRuleSet();
  }, '已保存规则：此后受理的发展党员案件按所选规则办理，此后的三会一课责令整改按新期限，已受理的案件和已下达的整改不变');
});

// ---- 变更记录

async function loadChanges() {
  const page = await api('GET', '/change-log?firstResult=' + changesFirst + '&maxResults=' + PAGE);
  const body = $('change-rows');
  body.replaceChildren();
  for (const e of page.items) {
    const row = body.insertRow();
    cell(row, e.changedAt.replace('T', ' ').substring(0, 19));
    cell(row, e.changedBy);
    cell(row, ENTITY[e.entity] || e.entity);
    cell(row, e.entityId);
    cell(row, ACTION[e.action] || e.action);
    cell(row, e.before, 'json');
    cell(row, e.after, 'json');
  }
  $('changes-summary').textContent = page.total === 0 ? '没有变更记录。'
    : '共 ' + page.total + ' 条，显示第 ' + (changesFirst + 1) + '–' + (changesFirst + page.items.length) + ' 条。';
  $('changes-previous').disabled = changesFirst === 0;
  $('changes-next').disabled = changesFirst + PAGE >= page.total;
}
$('changes-previous').addEventListener('click', () => { changesFirst = Math.max(0, changesFirst - PAGE); act(loadChanges, ''); });
$('changes-next').addEventListener('click', () => { changesFirst += PAGE; act(loadChanges, ''); });

// ---- 导入导出

async function importWorkbook(dryRun) {
  const file = $('import-file').files[0];
  if (!file) {
    say('请先选择要导入的工作簿（.xlsx）', false);
    return;
  }
  const form = new FormData();
  form.append('file', file);
  $('import-summary').textContent = dryRun ? '正在检查…' : '正在导入…';
  $('import-summary').className = '';
  const response = await fetch('/api/admin/imports?dryRun=' + dryRun, {method: 'POST', body: form,
    headers: {'Accept': 'application/json'}});
  let answer = null;
  try { answer = await response.json(); } catch (ignored) { /* no JSON body */ }
  if (!answer || answer.counts === undefined) {
    throw new Error(answer && answer.message ? answer.message : '导入失败（HTTP ' + response.status + '）');
  }
  showImport(answer);
}

function showImport(answer) {
  const counts = $('import-count-rows');
  counts.replaceChildren();
  for (const [sheet, c] of Object.entries(answer.counts)) {
    const row = counts.insertRow();
    [sheet, c.rows, c.created, c.updated, c.unchanged, (c.millis / 1000).toFixed(1)].forEach(v => cell(row, v));
  }
  $('import-counts').hidden = Object.keys(answer.counts).length === 0;
  $('import-counts-caption').textContent = answer.applied ? '导入结果' : '核对结果（按各行核对，尚未修改任何数据）';
  const problems = $('import-problem-rows');
  problems.replaceChildren();
  for (const p of answer.problems) {
    const row = problems.insertRow();
    cell(row, p.sheet);
    cell(row, p.row);
    cell(row, p.column);
    cell(row, p.message, 'problem');
  }
  $('import-problems').hidden = answer.problems.length === 0;
  const summary = $('import-summary');
  if (answer.problems.length > 0) {
    summary.textContent = '发现 ' + answer.problems.length + ' 个问题，未作任何修改。请按下表修改工作簿后重新检查。';
    summary.className = 'error';
  } else if (answer.applied) {
    summary.textContent = '已导入《' + answer.fileName + '》' + (answer.cases.length > 0
      ? '，补录案件 ' + answer.cases.length + ' 件：' + answer.cases.join('、') : '') + '。';
    summary.className = 'ok';
    act(loadOrganizations, '');
  } else {
    summary.textContent = '检查通过：《' + answer.fileName + '》没有问题，可以导入（尚未修改任何数据）。';
    summary.className = 'ok';
  }
}

$('import-form').addEventListener('submit', event => {
  event.preventDefault();
  act(() => importWorkbook(true), '');
});
$('import-run').addEventListener('click', () => act(() => importWorkbook(false), ''));

// ---- 页签

for (const tab of document.querySelectorAll('nav .tab')) {
  tab.addEventListener('click', () => {
    for (const other of document.querySelectorAll('nav .tab')) other.classList.toggle('active', other === tab);
    for (const section of document.querySelectorAll('section')) section.hidden = section.id !== tab.dataset.section;
    say('', true);
    if (tab.dataset.section === 'people') act(loadPeople, '');
    if (tab.dataset.section === 'registry') act(async () => { resetMember(); await loadMembers(); }, '');
    if (tab.dataset.section === 'calendar') act(() => loadCalendar($('calendar-year').value || new Date().getFullYear()), '');
    if (tab.dataset.section === 'rules') act(loadRuleSet, '');
    if (tab.dataset.section === 'changes') act(loadChanges, '');
  });
}

act(async () => { await loadOrganizations(); await loadPeople(); }, '');
