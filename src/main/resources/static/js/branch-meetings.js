const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
const percent = r => r === null || r === undefined ? '' : (Math.round(r * 1000) / 10) + '%';

async function load(event) {
  if (event) event.preventDefault();
  const message = document.getElementById('message');
  const committee = document.getElementById('committee').value;
  const year = document.getElementById('year').value;
  if (!committee || !year) {
    message.textContent = '请选择上级党委和年度';
    return;
  }
  message.textContent = '';
  const path = `/api/branch-meetings/committees/${encodeURIComponent(committee)}/${encodeURIComponent(year)}`;
  document.getElementById('xlsx').href = path + '.xlsx';
  const response = await fetch(path, {headers: {'Accept': 'application/json'}});
  if (!response.ok) {
    message.textContent = (await response.json()).message || '查询失败';
    return;
  }
  const rows = await response.json();
  document.getElementById('periods').innerHTML = rows.map(r => `<tr class="${r.periodKind === 'quarter' ? 'dj-quarter' : ''}">
    <td class="left">${esc(r.branchName)}</td><td>${r.periodKind === 'quarter' ? '<strong>' + esc(r.periodTitle) + '</strong>' : esc(r.periodTitle)}</td>
    <td>${r.due}</td><td class="${r.held < r.due ? 'warn' : 'ok'}">${r.held}</td><td>${r.meetings}</td>
    <td>${percent(r.attendanceRate)}</td><td class="${r.violations > 0 ? 'bad' : ''}">${r.violations}</td>
    <td>${esc(r.review)}</td></tr>`).join('') || '<tr><td colspan="8">该年度尚未启动三会一课</td></tr>';
}

document.getElementById('year').value = new URLSearchParams(location.search).get('year') || new Date().getFullYear();
document.getElementById('query').addEventListener('submit', load);
chooseOrganization(document.getElementById('committee'), '/api/branch-meetings/committees',
  {param: 'committeeId', none: '（没有可查看的党委）', prompt: '请选择上级党委'}).then(() => { if (document.getElementById('committee').value) load(); });
