const CATEGORIES = ['employment', 'schooling', 'medical', 'road', 'water', 'other'];
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

function visit(a) {
  if (a.visitOverdue) return `<span class="bad">逾期未走访（期限 ${esc(a.visitDeadline)}）</span>`;
  if (a.visitLate) return `<span class="warn">${esc(a.visitDate)} 逾期走访</span>`;
  if (a.visitDate) return `<span class="ok">${esc(a.visitDate)} 已走访</span>`;
  return `期限 ${esc(a.visitDeadline)}`;
}

// a person by name, the account only when no name is known
let people = {};
const person = id => id ? esc(people[id] || id) : '';

async function load(event) {
  if (event) event.preventDefault();
  const message = document.getElementById('message');
  if (!document.getElementById('committee').value) {
    message.textContent = '请选择工委';
    return;
  }
  const committee = encodeURIComponent(document.getElementById('committee').value);
  const activeOnly = document.getElementById('activeOnly').checked;
  message.textContent = '';
  const [a, c, e, p] = await Promise.all([
    fetch(`/api/village-help/committees/${committee}/assignments?activeOnly=${activeOnly}`),
    fetch(`/api/village-help/committees/${committee}/help-cases`),
    fetch(`/api/village-help/committees/${committee}/events?activeOnly=${activeOnly}`),
    fetch(`/api/village-help/committees/${committee}/people`)]);
  const failed = [a, c, e, p].find(r => !r.ok);
  if (failed) {
    message.textContent = (await failed.json()).message || '查询失败';
    return;
  }
  people = await p.json();
  document.getElementById('events').innerHTML = (await e.json()).map(r => `<tr>
    <td>${esc(r.occurredAt).replace('T', ' ').substring(0, 16)}</td><td class="left">${esc(r.caseNumber)}</td>
    <td>${esc(r.villageName)}</td><td class="${r.type === 'VIOLATION' ? 'bad' : ''}">${esc(r.typeTitle)}</td>
    <td class="left">${esc(r.description)}</td><td>${esc(r.dueDate)}</td><td>${person(r.userId)}</td></tr>`).join('')
    || '<tr><td colspan="7">暂无记录</td></tr>';
  document.getElementById('assignments').innerHTML = (await a.json()).map(r => `<tr>
    <td class="left">${esc(r.assignmentKey)}</td><td>${esc(r.townshipName)}${esc(r.villageName)}</td>
    <td>${esc(r.helpUnitName)}</td><td>${person(r.firstSecretaryUserId)}</td>
    <td>${esc(r.termStart)} 至 ${esc(r.termEnd)}${r.endedOn ? '（已结束）' : ''}</td><td>${visit(r)}</td>
    <td class="${r.flaggedReports ? 'bad' : ''}">${r.flaggedReports}</td>
    ${CATEGORIES.map(k => `<td>${r.openHelpCases[k] || ''}</td>`).join('')}
    <td class="${r.overdueHelpCases ? 'bad' : ''}">${r.overdueHelpCases}</td><td>${r.closedHelpCases}</td>
  </tr>`).join('') || '<tr><td colspan="15">暂无帮包任务</td></tr>';
  document.getElementById('categories').innerHTML = (await c.json()).map(r => `<tr>
    <td>${esc(r.title)}</td><td>${r.opened}</td><td>${r.open}</td>
    <td class="${r.overdue ? 'bad' : ''}">${r.overdue}</td><td>${r.closed}</td><td>${r.reopened}</td>
    <td>${r.averageDaysToClose ?? '—'}</td></tr>`).join('');
}

document.getElementById('query').addEventListener('submit', load);
chooseOrganization(document.getElementById('committee'), '/api/village-help/committees',
  {param: 'committeeId', none: '（没有可查看的工委）', prompt: '请选择工委'}).then(() => { if (document.getElementById('committee').value) load(); });
