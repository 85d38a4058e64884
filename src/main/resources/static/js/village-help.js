const CATEGORIES = ['employment', 'schooling', 'medical', 'road', 'water', 'other'];
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));

function visit(a) {
  if (a.visitOverdue) return `<span class="bad">逾期未走访（期限 ${esc(a.visitDeadline)}）</span>`;
  if (a.visitLate) return `<span class="warn">${esc(a.visitDate)} 逾期走访</span>`;
  if (a.visitDate) return `<span class="ok">${esc(a.visitDate)} 已走访</span>`;
  return `期限 ${esc(a.visitDeadline)}`;
}

async function load(event) {
  if (event) event.preventDefault();
  const committee = encodeURIComponent(document.getElementById('committee').value.trim());
  const activeOnly = document.getElementById('activeOnly').checked;
  const message = document.getElementById('message');
  message.textContent = '';
  const [a, c, e] = await Promise.all([
    fetch(`/api/village-help/committees/${committee}/assignments?activeOnly=${activeOnly}`),
    fetch(`/api/village-help/committees/${committee}/help-cases`),
    fetch(`/api/village-help/committees/${committee}/events?activeOnly=${activeOnly}`)]);
  const failed = [a, c, e].find(r => !r.ok);
  if (failed) {
    message.textContent = (await failed.json()).message || '查询失败';
    return;
  }
  document.getElementById('events').innerHTML = (await e.json()).map(r => `<tr>
    <td>${esc(r.occurredAt).replace('T', ' ').substring(0, 16)}</td><td class="left">${esc(r.caseNumber)}</td>
    <td>${esc(r.villageName)}</td><td class="${r.type === 'VIOLATION' ? 'bad' : ''}">${esc(r.typeTitle)}</td>
    <td class="left">${esc(r.description)}</td><td>${esc(r.dueDate)}</td><td>${esc(r.userId)}</td></tr>`).join('')
    || '<tr><td colspan="7">暂无记录</td></tr>';
  document.getElementById('assignments').innerHTML = (await a.json()).map(r => `<tr>
    <td class="left">${esc(r.assignmentKey)}</td><td>${esc(r.townshipName)}${esc(r.villageName)}</td>
    <td>${esc(r.helpUnitName)}</td><td>${esc(r.firstSecretaryUserId)}</td>
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
load();
