// Reads only: the page uses the login of the Camunda webapps (or HTTP Basic); the server checks who may see what.
const PAGE = 50;
let first = 0;
let total = 0;
const input = document.getElementById('organizationId');
// a value missing from a case shows as a dash; the server already sends every value as text
const text = value => value == null || value === '' ? '—' : String(value);
function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = text(value);
  if (className) td.className = className;
  return td;
}
async function load() {
  const message = document.getElementById('message');
  const body = document.getElementById('tasks');
  message.textContent = '';
  body.replaceChildren();
  const organizationId = input.value.trim();
  if (!organizationId) { message.textContent = '请选择组织'; return; }
  const response = await fetch('/api/development-cases/overdue?organizationId=' + encodeURIComponent(organizationId)
      + '&firstResult=' + first + '&maxResults=' + PAGE, {headers: {'Accept': 'application/json'}});
  let answer = {};
  try { answer = await response.json(); } catch (ignored) { /* no JSON body */ }
  if (!response.ok) {
    message.textContent = answer.message || ('查询失败（HTTP ' + response.status + '）');
    document.getElementById('summary').textContent = '';
    return;
  }
  total = answer.total;
  document.getElementById('summary').textContent = total === 0 ? '没有逾期待办。'
      : '共 ' + total + ' 项逾期待办，显示第 ' + (first + 1) + '–' + (first + answer.items.length) + ' 项。';
  for (const item of answer.items) {
    const row = body.insertRow();
    cell(row, item.caseNumber);
    cell(row, item.candidateName);
    cell(row, item.branchName);
    cell(row, item.step);
    cell(row, item.lastDay);
    cell(row, item.daysOverdue + ' 天', 'late');
    const link = document.createElement('a');
    link.href = '/api/records/' + encodeURIComponent(item.processInstanceId) + '.html';
    link.textContent = '查看';
    row.insertCell().appendChild(link);
  }
  document.getElementById('previous').disabled = first === 0;
  document.getElementById('next').disabled = first + PAGE >= total;
}
document.getElementById('search').addEventListener('submit', event => { event.preventDefault(); first = 0; load(); });
document.getElementById('previous').addEventListener('click', () => { first = Math.max(0, first - PAGE); load(); });
document.getElementById('next').addEventListener('click', () => { first += PAGE; load(); });
chooseOrganization(input, '/api/development-cases/overdue/organizations').then(() => { if (input.value) load(); });
