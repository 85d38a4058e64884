// dangjian-flow: 督导总览, Cockpit's supervision plugin (issue 15, point 1). A Cockpit plugin script (config.js
// customScripts) with three plugins: a dashboard entry, a navigation entry and its own page (#/supervision). It reads
// /api/supervision (supervision/SupervisionController), which answers only for the organizations the user supervises.
// Plain DOM, inline SVG and CSS bars: nothing from a CDN, works offline.

const ROOT = location.pathname.split('/camunda/')[0];
const PAGE = '#/supervision';

const STYLE = `
.dj-sv { font-size: 14px; color: #333; padding: 12px 20px 60px; }
.dj-sv h2 { font-size: 20px; margin: 0 0 12px; }
.dj-sv h3 { font-size: 16px; margin: 22px 0 8px; border-left: 4px solid #b5152b; padding-left: 8px; }
.dj-sv .dj-crumbs { margin-bottom: 10px; }
.dj-sv .dj-crumbs a, .dj-sv .dj-crumbs span { margin-right: 4px; }
.dj-sv .dj-tiles { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }
.dj-sv .dj-tile { background: #fff; border: 1px solid #ddd; border-radius: 4px; padding: 10px 16px; min-width: 150px; }
.dj-sv .dj-tile b { display: block; font-size: 26px; }
.dj-sv .dj-tile.dj-warn b { color: #b5152b; }
.dj-sv table { border-collapse: collapse; width: 100%; background: #fff; }
.dj-sv th, .dj-sv td { border-bottom: 1px solid #e5e5e5; padding: 5px 8px; text-align: left; vertical-align: top; }
.dj-sv th { background: #f5f5f5; font-weight: 600; }
.dj-sv td.dj-n, .dj-sv th.dj-n { text-align: right; white-space: nowrap; }
.dj-sv .dj-bar { display: inline-block; height: 14px; background: #b5152b; vertical-align: middle; min-width: 1px; }
.dj-sv .dj-bar.dj-grey { background: #9aa5b1; }
.dj-sv .dj-late { color: #b5152b; font-weight: 600; }
.dj-sv .dj-muted { color: #777; }
.dj-sv .dj-legend span { display: inline-block; margin-right: 12px; }
.dj-sv .dj-legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: middle; }
.dj-sv .dj-error { background: #f2dede; color: #a94442; padding: 10px 14px; border-radius: 4px; }
.dj-sv .dj-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; }
.dj-sv svg text { font-size: 12px; fill: #333; }
`;
const STAGE_COLOURS = ['#b5152b', '#e06c3c', '#e8b339', '#4f9d69', '#3f6fb5', '#9aa5b1'];

function ensureStyle() {
  if (!document.getElementById('dj-sv-style')) {
    const style = document.createElement('style');
    style.id = 'dj-sv-style';
    style.textContent = STYLE;
    document.head.appendChild(style);
  }
}

function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;',
    "'": '&#39;'}[c]));
}

async function api(path) {
  const answer = await fetch(`${ROOT}/api/supervision/${path}`, {credentials: 'same-origin',
    headers: {Accept: 'application/json'}});
  const body = await answer.json().catch(() => ({}));
  if (!answer.ok) {
    throw new Error(body.message || `督导总览暂时无法读取（${answer.status}）`);
  }
  return body;
}

function params() {
  const query = location.hash.split('?')[1] || '';
  return new URLSearchParams(query);
}

function link(organizationId, view) {
  return `${PAGE}?organizationId=${encodeURIComponent(organizationId)}${view ? `&view=${view}` : ''}`;
}

function date(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? esc(value)
    : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function bar(value, max, grey) {
  const width = max > 0 ? Math.max(1, Math.round(160 * value / max)) : 0;
  return `<span class="dj-bar${grey ? ' dj-grey' : ''}" style="width:${width}px"></span>`;
}

function crumbs(path, extra) {
  const parts = [`<a href="${PAGE}">督导总览</a>`];
  for (const o of path) {
    parts.push(`› <a href="${link(o.id)}">${esc(o.name)}</a>`);
  }
  if (extra) {
    parts.push(`› <span>${esc(extra)}</span>`);
  }
  return `<div class="dj-crumbs">${parts.join(' ')}</div>`;
}

/** Cases per stage as one horizontal SVG bar chart. */
function stageChart(stages) {
  const max = Math.max(1, ...stages.map((s) => s.cases));
  const rowHeight = 26;
  const labelWidth = 330;
  const rows = stages.map((s, i) => {
    const width = Math.round(360 * s.cases / max);
    const y = i * rowHeight;
    return `<text x="0" y="${y + 17}">${esc(s.name)}</text>`
      + `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(width, 1)}" height="16" fill="${STAGE_COLOURS[i % 6]}"></rect>`
      + `<text x="${labelWidth + width + 6}" y="${y + 17}">${s.cases}</text>`;
  }).join('');
  return `<svg class="dj-stage-chart" role="img" aria-label="各阶段在办案件" width="760" height="${stages.length * rowHeight + 4}">${rows}</svg>`;
}

function unitsTable(view) {
  const stages = view.stages;
  const max = Math.max(1, ...view.units.map((u) => u.cases));
  const legend = stages.map((s, i) => `<span><i style="background:${STAGE_COLOURS[i % 6]}"></i>${esc(s.name)}</span>`)
    .join('');
  const rows = view.units.map((u) => {
    const o = u.organization;
    const target = u.own || o.branch ? link(o.id, 'cases') : link(o.id);
    const name = u.own ? `${o.name}（本级案件）` : o.name;
    const stacked = stages.map((s, i) => {
      const n = u.stages[s.key] || 0;
      return n ? `<span class="dj-bar" title="${esc(s.name)}：${n}" style="width:${Math.max(2, Math.round(220 * n / max))}px;background:${STAGE_COLOURS[i % 6]}"></span>` : '';
    }).join('');
    return `<tr data-organization="${esc(o.id)}"><td><a class="dj-drill" href="${target}">${esc(name)}</a></td>`
      + `<td>${stacked}</td><td class="dj-n">${u.cases}</td>`
      + `<td class="dj-n${u.overdue ? ' dj-late' : ''}">${u.overdue}</td><td class="dj-n">${u.violations}</td></tr>`;
  }).join('');
  return `<div class="dj-legend">${legend}</div><table class="dj-units"><thead><tr><th>组织</th><th>各阶段分布</th>`
    + `<th class="dj-n">在办案件</th><th class="dj-n">逾期步骤</th><th class="dj-n">违规记录</th></tr></thead>`
    + `<tbody>${rows || '<tr><td colspan="5" class="dj-muted">下级组织暂无案件</td></tr>'}</tbody></table>`;
}

function stepsTable(view) {
  const stageNames = Object.fromEntries(view.stages.map((s) => [s.key, s.name]));
  const max = Math.max(1, ...view.steps.map((s) => s.cases));
  const unitNames = Object.fromEntries(view.units.map((u) => [u.organization.id, u.organization.name]));
  const rows = view.steps.map((s) => {
    const per = Object.entries(s.perUnit || {}).map(([id, n]) => `${esc(unitNames[id] || view.organization.name)} ${n}`)
      .join('，');
    return `<tr><td>${esc(s.name)}</td><td class="dj-muted">${esc(stageNames[s.stageKey] || '其他')}</td>`
      + `<td>${bar(s.cases, max)} ${s.cases}</td><td class="dj-muted">${per}</td></tr>`;
  }).join('');
  return `<table class="dj-steps"><thead><tr><th>步骤</th><th>阶段</th><th>在办案件</th><th>各组织</th></tr></thead>`
    + `<tbody>${rows || '<tr><td colspan="4" class="dj-muted">暂无在办步骤</td></tr>'}</tbody></table>`;
}

function overdueTable(view) {
  const items = view.overdue.items;
  const rows = items.map((t) => `<tr><td><a href="${ROOT}/api/records/${encodeURIComponent(t.caseNumber)}.html">`
    + `${esc(t.caseNumber)}</a></td><td>${esc(t.candidateName)}</td><td>${esc(t.branchName)}</td><td>${esc(t.step)}</td>`
    + `<td>${esc(t.lastDay)}</td><td class="dj-n dj-late">${t.daysOverdue} 天</td></tr>`).join('');
  const more = view.overdue.total > items.length ? `<p class="dj-muted">共 ${view.overdue.total} 个逾期步骤，`
    + `此处列出逾期最久的 ${items.length} 个。</p>` : '';
  return `<table class="dj-overdue"><thead><tr><th>案件编号</th><th>申请人</th><th>党支部</th><th>步骤</th>`
    + `<th>最后期限</th><th class="dj-n">已逾期</th></tr></thead><tbody>${rows
      || '<tr><td colspan="6" class="dj-muted">没有逾期步骤</td></tr>'}</tbody></table>${more}`;
}

function violationsTable(view) {
  const rows = view.violations.recent.map((v) => `<tr><td><a href="${ROOT}/api/records/`
    + `${encodeURIComponent(v.caseNumber || v.processInstanceId)}.html">${esc(v.caseNumber)}</a></td>`
    + `<td>${esc(v.description)}</td><td>${esc(v.due)}</td><td>${esc(v.actual)}</td><td>${date(v.occurredAt)}</td></tr>`)
    .join('');
  return `<table class="dj-violations"><thead><tr><th>案件编号</th><th>违规情形</th><th>期限</th><th>实际日期</th>`
    + `<th>记录日期</th></tr></thead><tbody>${rows || '<tr><td colspan="5" class="dj-muted">没有违规记录</td></tr>'}`
    + `</tbody></table>`;
}

function durationsTable(view) {
  const max = Math.max(1, ...view.durations.map((d) => Math.max(d.averageDays, d.allowedDays || 0)));
  const rows = view.durations.map((d) => {
    const over = d.allowedDays != null && d.averageDays > d.allowedDays;
    return `<tr><td>${esc(d.name)}</td><td class="dj-n">${d.completed}</td>`
      + `<td>${bar(d.averageDays, max)} <span class="${over ? 'dj-late' : ''}">${d.averageDays} 天</span><br>`
      + (d.allowedDays != null ? `${bar(d.allowedDays, max, true)} <span class="dj-muted">规定 ${d.allowedDays} 天</span>`
        : '<span class="dj-muted">无期限</span>')
      + `</td><td class="dj-n${d.late ? ' dj-late' : ''}">${d.late}</td></tr>`;
  }).join('');
  return `<table class="dj-durations"><thead><tr><th>步骤</th><th class="dj-n">已办结</th>`
    + `<th>平均用时 / 规定期限（按到期日）</th><th class="dj-n">超期办结</th></tr></thead><tbody>${rows
      || '<tr><td colspan="4" class="dj-muted">近期没有办结的步骤</td></tr>'}</tbody></table>`;
}

function gradingsTable(view) {
  const rows = view.gradings.map((g) => `<tr><td>${esc(g.organization.name)}</td><td>${g.year ? `${g.year}年` : ''}</td>`
    + `<td>${esc(g.level || '')}</td><td class="${g.status === '未开展' ? 'dj-muted' : ''}">${esc(g.status)}</td></tr>`)
    .join('');
  return `<table class="dj-gradings"><thead><tr><th>组织</th><th>年度</th><th>等次</th><th>状态</th></tr></thead>`
    + `<tbody>${rows || '<tr><td colspan="4" class="dj-muted">没有需定级的组织</td></tr>'}</tbody></table>`;
}

function villageTable(view) {
  const rows = view.villageHelp.map((a) => `<tr><td>${esc(a.villageName)}</td><td>${esc(a.helpUnitName)}</td>`
    + `<td>${esc(a.termStart)} 至 ${esc(a.termEnd)}${a.ended ? '（已结束）' : ''}</td>`
    + `<td class="${a.visit.startsWith('逾期') ? 'dj-late' : ''}">${esc(a.visit)}</td>`
    + `<td class="dj-n${a.flaggedReports ? ' dj-late' : ''}">${a.flaggedReports}</td>`
    + `<td class="dj-n">${a.openHelpCases}</td><td>${esc(a.lastGrade || '—')}</td></tr>`).join('');
  return `<table class="dj-village"><thead><tr><th>村</th><th>帮包单位</th><th>任期</th><th>一把手走访</th>`
    + `<th class="dj-n">驻村不足月报</th><th class="dj-n">未办结帮办事项</th><th>最近年度考核</th></tr></thead>`
    + `<tbody>${rows || '<tr><td colspan="7" class="dj-muted">没有驻村帮包任务</td></tr>'}</tbody></table>`;
}

function overviewHtml(view) {
  const o = view.organization;
  return `${crumbs(view.path.slice(0, -1), o.name)}<h2>${esc(o.name)} · 督导总览</h2>`
    + `<p class="dj-muted">截至 ${esc(view.today)}，含下级组织。点击组织名称逐级查看，党支部可查看每个案件及其全程纪实。</p>`
    + `<div class="dj-tiles"><div class="dj-tile"><b>${view.cases}</b>在办发展党员案件</div>`
    + `<div class="dj-tile${view.overdue.total ? ' dj-warn' : ''}"><b>${view.overdue.total}</b>逾期步骤</div>`
    + `<div class="dj-tile${view.violations.total ? ' dj-warn' : ''}"><b>${view.violations.total}</b>违规记录</div>`
    + (o.branch ? `<div class="dj-tile"><b><a href="${link(o.id, 'cases')}">查看</a></b>本支部案件</div>` : '')
    + `</div><h3>各阶段在办案件</h3>${stageChart(view.stages)}`
    + `<h3>各组织案件分布</h3>${unitsTable(view)}`
    + `<h3>各步骤在办案件</h3>${stepsTable(view)}`
    + `<h3>逾期步骤</h3>${overdueTable(view)}`
    + `<h3>违规记录</h3>${violationsTable(view)}`
    + `<h3>步骤平均用时（近${view.durationMonths}个月办结）</h3>${durationsTable(view)}`
    + `<div class="dj-grid"><div><h3>分类定级</h3>${gradingsTable(view)}</div>`
    + `<div><h3>驻村帮包</h3>${villageTable(view)}</div></div>`;
}

function casesHtml(page, first, size) {
  const o = page.organization;
  const rows = page.items.map((c) => {
    const steps = c.steps.map((s) => `<div>${esc(s.name)} · <span class="dj-holder">${esc(s.holder)}</span>`
      + (s.dueDate ? ` · <span class="${s.overdue ? 'dj-late' : 'dj-muted'}">${s.overdue ? '已逾期，' : ''}`
        + `到期 ${date(s.dueDate)}</span>` : '') + '</div>').join('');
    return `<tr data-case="${esc(c.caseNumber)}"><td>${esc(c.caseNumber)}</td><td>${esc(c.applicant)}</td>`
      + `<td>${esc(c.stage)}</td><td>${steps}</td><td>${esc(c.applicationDate)}</td>`
      + `<td class="dj-n${c.overdue ? ' dj-late' : ''}">${c.daysOpen} 天</td>`
      + `<td><a class="dj-record" href="${ROOT}${c.recordUrl}">全程纪实</a></td></tr>`;
  }).join('');
  const pager = [];
  if (first > 0) {
    pager.push(`<a href="${link(o.id, 'cases')}&first=${Math.max(0, first - size)}">上一页</a>`);
  }
  if (first + page.items.length < page.total) {
    pager.push(`<a href="${link(o.id, 'cases')}&first=${first + size}">下一页</a>`);
  }
  return `${crumbs(page.path, '案件')}<h2>${esc(o.name)} · 在办案件</h2>`
    + `<p class="dj-muted">共 ${page.total} 件，第 ${page.total ? first + 1 : 0}–${first + page.items.length} 件。`
    + `“办理人”为认领人，未认领时为候选组。</p>`
    + `<table class="dj-cases"><thead><tr><th>案件编号</th><th>申请人</th><th>阶段</th><th>当前步骤 · 办理人 · 到期</th>`
    + `<th>申请日期</th><th class="dj-n">已历时</th><th>纪实</th></tr></thead><tbody>${rows
      || '<tr><td colspan="7" class="dj-muted">没有在办案件</td></tr>'}</tbody></table><p>${pager.join(' ')}</p>`;
}

async function renderPage(node) {
  ensureStyle();
  node.innerHTML = '<div class="dj-sv"><p class="dj-muted">正在读取…</p></div>';
  const box = node.firstChild;
  try {
    const p = params();
    let organizationId = p.get('organizationId');
    if (!organizationId) {
      const tops = await api('organizations');
      if (tops.length === 0) {
        box.innerHTML = '<h2>督导总览</h2><p class="dj-error">您不是任何组织的督导，没有可查看的督导总览。</p>';
        return;
      }
      if (tops.length > 1) {
        box.innerHTML = `<h2>督导总览</h2><ul>${tops.map((o) => `<li><a href="${link(o.id)}">${esc(o.name)}</a></li>`)
          .join('')}</ul>`;
        return;
      }
      organizationId = tops[0].id;
    }
    if (p.get('view') === 'cases') {
      const size = 50;
      const first = Math.max(0, parseInt(p.get('first') || '0', 10) || 0);
      const page = await api(`cases?organizationId=${encodeURIComponent(organizationId)}&firstResult=${first}`
        + `&maxResults=${size}`);
      box.innerHTML = casesHtml(page, first, size);
    } else {
      box.innerHTML = overviewHtml(await api(`overview?organizationId=${encodeURIComponent(organizationId)}`));
    }
    box.setAttribute('data-loaded', 'true');
  } catch (e) {
    box.innerHTML = `<h2>督导总览</h2><p class="dj-error">${esc(e.message)}</p>`;
    box.setAttribute('data-loaded', 'error');
  }
}

async function renderDashboard(node) {
  ensureStyle();
  let tops;
  try {
    tops = await api('organizations');
  } catch (e) {
    return;
  }
  if (tops.length === 0) {
    return;
  }
  const parts = [];
  for (const o of tops) {
    try {
      const view = await api(`overview?organizationId=${encodeURIComponent(o.id)}`);
      parts.push(`<h4><a href="${link(o.id)}">${esc(o.name)}</a></h4><div class="dj-tiles">`
        + `<div class="dj-tile"><b>${view.cases}</b>在办发展党员案件</div>`
        + `<div class="dj-tile${view.overdue.total ? ' dj-warn' : ''}"><b>${view.overdue.total}</b>逾期步骤</div>`
        + `<div class="dj-tile${view.violations.total ? ' dj-warn' : ''}"><b>${view.violations.total}</b>违规记录</div>`
        + `</div>${stageChart(view.stages)}`);
    } catch (e) {
      parts.push(`<p class="dj-error">${esc(e.message)}</p>`);
    }
  }
  node.innerHTML = `<section class="dj-sv dj-sv-dashboard"><h2><a href="${PAGE}">督导总览</a></h2>${parts.join('')}</section>`;
}

// Cockpit's 用户任务 tab shows a task's assignee only: beside each open task of the case, who holds it (the claimant,
// else its candidate groups by name), from /api/supervision/task-holders (for the case's supervisors and
// administrators; others get nothing added).
const holders = {instance: null, byTask: null};

async function loadHolders(instanceId) {
  holders.instance = instanceId;
  holders.byTask = null;
  try {
    const list = await api(`task-holders?processInstanceId=${encodeURIComponent(instanceId)}`);
    if (holders.instance === instanceId) {
      holders.byTask = Object.fromEntries(list.map((t) => [t.taskId, t.holder]));
      annotateTasks();
    }
  } catch (e) {
    holders.byTask = {};
  }
}

function annotateTasks() {
  const match = location.hash.match(/^#\/process-instance\/([^/?]+)/);
  if (!match) {
    return;
  }
  if (holders.instance !== match[1]) {
    loadHolders(match[1]);
    return;
  }
  if (!holders.byTask) {
    return;
  }
  for (const cell of document.querySelectorAll('table td')) {
    const holder = holders.byTask[cell.textContent.trim()];
    const row = cell.closest('tr');
    if (holder && row && !row.querySelector('.dj-task-holder')) {
      const note = document.createElement('div');
      note.className = 'dj-task-holder';
      note.style.cssText = 'color:#b5152b;font-size:12px;margin-top:2px';
      note.textContent = `办理：${holder}`;
      row.cells[0].appendChild(note);
    }
  }
}

new MutationObserver(() => annotateTasks()).observe(document.documentElement, {childList: true, subtree: true});

export default [
  {
    id: 'dangjian.supervision.dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => {
      renderDashboard(node);
    }
  },
  {
    id: 'dangjian.supervision.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    properties: {
      pagePath: PAGE,
      label: '督导总览',
      checkActive: (path) => path.includes('#/supervision')
    }
  },
  {
    id: 'dangjian.supervision.page',
    pluginPoint: 'cockpit.route',
    properties: {
      path: '/supervision'
    },
    render: (node) => {
      const again = () => {
        if (location.hash.startsWith(PAGE) && node.isConnected) {
          renderPage(node);
        }
      };
      node.djHashListener = again;
      window.addEventListener('hashchange', again);
      renderPage(node);
    },
    unmount: (node) => {
      if (node && node.djHashListener) {
        window.removeEventListener('hashchange', node.djHashListener);
      }
    }
  }
];
