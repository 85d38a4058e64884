const PAGE = 50;
const STATES = {ACTIVE: '办理中', SUSPENDED: '已挂起', COMPLETED: '已办结', EXTERNALLY_TERMINATED: '已终止',
  INTERNALLY_TERMINATED: '已终止'};
const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
let first = 0;

async function load() {
  const response = await fetch(`/api/records?firstResult=${first}&maxResults=${PAGE}`);
  const message = document.getElementById('message');
  if (!response.ok) {
    message.textContent = response.status === 401 ? '请先登录' : '查询失败（' + response.status + '）';
    return;
  }
  const rows = await response.json();
  document.getElementById('cases').innerHTML = rows.length === 0
    ? '<tr><td colspan="6">没有可查看的案件</td></tr>'
    : rows.map(r => {
        const ref = encodeURIComponent(r.processInstanceId);
        return `<tr><td class="left">${esc(r.caseNumber || r.processInstanceId)}</td><td>${esc(r.processName)}</td>
          <td>${esc(STATES[r.state] || r.state)}</td><td>${esc(r.started)}</td><td>${esc(r.ended)}</td>
          <td><a href="/api/records/${ref}.html">查看</a><a href="/api/records/${ref}.pdf">PDF</a>
          <a href="/api/records/${ref}.xlsx">Excel</a></td></tr>`;
      }).join('');
  document.getElementById('page').textContent = `第 ${first / PAGE + 1} 页`;
  document.getElementById('previous').disabled = first === 0;
  document.getElementById('next').disabled = rows.length < PAGE;
}

document.getElementById('search').addEventListener('submit', e => {
  e.preventDefault();
  const number = document.getElementById('caseNumber').value.trim();
  if (number) {
    window.location.href = `/api/records/${encodeURIComponent(number)}.html`;
  }
});
document.getElementById('previous').addEventListener('click', () => { first = Math.max(0, first - PAGE); load(); });
document.getElementById('next').addEventListener('click', () => { first += PAGE; load(); });
load();
