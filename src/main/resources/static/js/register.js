// 台账: reads only; the page uses the login of the Camunda webapps (or HTTP Basic); the server checks who may see
// what. The server finds (organization, 在办/已结案, applicant or case number) and pages; this page sorts and filters
// the rows it has loaded.
const PAGE = 200;
let first = 0;
let total = 0;
let rows = [];
let dateColumns = [];
let sort = {key: null, ascending: true};
const organization = document.getElementById('organizationId');
const $ = id => document.getElementById(id);
const text = value => value == null || value === '' ? '—' : String(value);

// the fixed columns: title, how a row is read (for showing and sorting), a class for the cell
const FIXED = [
  {key: 'caseNumber', title: '案件编号', value: r => r.caseNumber, css: 'left'},
  {key: 'candidateName', title: '申请人', value: r => r.candidateName},
  {key: 'branchName', title: '党支部', value: r => r.branchName},
  {key: 'stage', title: '阶段', value: r => r.stage, css: 'left'},
  {key: 'step', title: '当前步骤', value: r => r.step, css: 'left'},
  {key: 'holder', title: '办理人', value: r => r.holder, css: 'left'},
  {key: 'dueDate', title: '办理期限', value: r => r.dueDate, css: 'date'},
  {key: 'daysOpen', title: '已历天数', value: r => r.daysOpen, number: true},
  {key: 'state', title: '状态', value: r => r.ended ? '已结案：' + text(r.result) : r.overdue ? '已逾期' : '在办'}
];

function columns() {
  return FIXED.concat(dateColumns.map(c => ({key: 'date:' + c.key, title: c.title, value: r => r.dates[c.key],
    css: 'date'})), [{key: 'endDate', title: '结案日期', value: r => r.endDate, css: 'date'}]);
}


function query() {
  const q = new URLSearchParams({organizationId: organization.value, state: $('state').value});
  if ($('q').value.trim()) q.set('q', $('q').value.trim());
  return q;
}

async function load() {
  const message = $('message');
  message.textContent = '';
  if (!organization.value) { message.textContent = '请选择组织'; return; }
  const q = query();
  $('export').href = '/api/development-cases/register.xlsx?' + q;
  q.set('firstResult', first);
  q.set('maxResults', PAGE);
  const response = await fetch('/api/development-cases/register?' + q, {headers: {'Accept': 'application/json'}});
  let answer = {};
  try { answer = await response.json(); } catch (ignored) { /* no JSON body */ }
  if (!response.ok) {
    message.textContent = answer.message || ('查询失败（HTTP ' + response.status + '）');
    rows = [];
    total = 0;
    $('summary').textContent = '';
    render();
    return;
  }
  total = answer.total;
  rows = answer.items;
  dateColumns = answer.dateColumns;
  const stages = [...new Set(rows.map(r => r.stage).filter(s => s))].sort();
  const chosen = $('stage').value;
  $('stage').replaceChildren(new Option('全部阶段', ''), ...stages.map(s => new Option(s, s)));
  if (stages.includes(chosen)) $('stage').value = chosen;
  $('summary').textContent = total === 0 ? answer.organizationName + '：没有符合条件的案件。'
      : answer.organizationName + '：共 ' + total + ' 件，本页第 ' + (first + 1) + '–' + (first + rows.length) + ' 件。';
  $('page').textContent = '第 ' + (first / PAGE + 1) + ' 页，共 ' + Math.max(1, Math.ceil(total / PAGE)) + ' 页';
  $('previous').disabled = first === 0;
  $('next').disabled = first + PAGE >= total;
  render();
}

function compare(a, b, column) {
  const x = column.value(a);
  const y = column.value(b);
  if (x == null || x === '') return y == null || y === '' ? 0 : 1;   // empty cells last, whichever way
  if (y == null || y === '') return -1;
  const order = column.number ? x - y : String(x).localeCompare(String(y), 'zh-CN');
  return sort.ascending ? order : -order;
}

function render() {
  const all = columns();
  const head = $('columns');
  head.replaceChildren();
  for (const column of all) {
    const th = document.createElement('th');
    th.textContent = column.title;
    th.dataset.key = column.key;
    th.className = 'sortable' + (sort.key === column.key ? (sort.ascending ? ' sorted-asc' : ' sorted-desc') : '');
    th.title = '点击按“' + column.title + '”排序';
    th.addEventListener('click', () => {
      sort = {key: column.key, ascending: sort.key === column.key ? !sort.ascending : true};
      render();
    });
    head.appendChild(th);
  }
  const stage = $('stage').value;
  const overdueOnly = $('overdueOnly').checked;
  const words = $('text').value.trim();
  let shown = rows.filter(r => (!stage || r.stage === stage) && (!overdueOnly || r.overdue)
      && (!words || all.some(c => String(c.value(r) ?? '').includes(words))));
  const sorting = all.find(c => c.key === sort.key);
  if (sorting) shown = shown.slice().sort((a, b) => compare(a, b, sorting));
  const body = $('rows');
  body.replaceChildren();
  for (const r of shown) {
    const tr = body.insertRow();
    tr.dataset.caseNumber = r.caseNumber;
    if (r.overdue) tr.className = 'overdue';
    if (r.ended) tr.className = 'ended';
    all.forEach((column, i) => {
      const td = tr.insertCell();
      if (i === 0) {
        const link = document.createElement('a');
        link.href = '/api/records/' + encodeURIComponent(r.processInstanceId) + '.html';
        link.title = '查看全程纪实';
        link.textContent = text(r.caseNumber);
        td.appendChild(link);
      } else {
        td.textContent = column.key === 'daysOpen' ? r.daysOpen + ' 天' : text(column.value(r));
      }
      if (column.css) td.className = column.css;
      if (column.key === 'state' && r.overdue) td.className = 'late';
    });
  }
  $('shown').textContent = rows.length > 0 && shown.length < rows.length ? '本页筛选后显示 ' + shown.length + ' 件。' : '';
}

$('search').addEventListener('submit', event => { event.preventDefault(); first = 0; load(); });
$('filters').addEventListener('submit', event => event.preventDefault());
for (const id of ['stage', 'overdueOnly']) $(id).addEventListener('change', render);
$('text').addEventListener('input', render);
$('previous').addEventListener('click', () => { first = Math.max(0, first - PAGE); load(); });
$('next').addEventListener('click', () => { first += PAGE; load(); });
$('export').addEventListener('click', event => { if (!organization.value) { event.preventDefault(); $('message').textContent = '请选择组织'; } });
chooseOrganization(organization, '/api/development-cases/overdue/organizations').then(() => { if (organization.value) load(); else render(); });
