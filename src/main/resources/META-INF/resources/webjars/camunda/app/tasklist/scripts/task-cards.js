// dangjian-flow: what a clerk needs on Tasklist's task list, loaded by config.js (customScripts).
// - due, follow-up and creation dates as dates ("到期 2025-06-01"), not "6 年前": a case recorded after the fact has due dates
//   years back, and a relative time does not say which day a step is due;
// - a search box for what a clerk knows of a case (the applicant's name, the case number, the organization, the
//   village): it sets Tasklist's own search to the case title (process variable caseTitle, "like"), so the usual
//   search pill shows and removes it. The priority every task has is hidden in styles/user-styles.css.
// Only Tasklist's rendered page is read and its own URL parameters are set: nothing here talks to the server.

const DATE_IN_TOOLTIP = /(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}:\d{2}:\d{2})/;
const SEARCH_ID = 'dangjian-case-search';

function pad(n) {
  return String(n).padStart(2, '0');
}

// The long date Tasklist puts in the tooltip (config.js dateFormat.long: YYYY年M月D日 HH:mm:ss) as YYYY-MM-DD. A
// deadline "within the day" is stored as the next day's 00:00 (BusinessCalendar.endOf): that is the day before.
function dateOf(span) {
  const match = DATE_IN_TOOLTIP.exec(span.getAttribute('uib-tooltip') || '');
  if (!match) {
    return null;
  }
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (match[4] === '00:00:00') {
    day.setDate(day.getDate() - 1);
  }
  return day.getFullYear() + '-' + pad(day.getMonth() + 1) + '-' + pad(day.getDate());
}

function showDates(root) {
  root.querySelectorAll('.tasks-list .due-date > span[am-time-ago], .tasks-list .followup-date > span[am-time-ago],'
    + ' .tasks-list .creation-date > span[am-time-ago]')
    .forEach(span => {
      const date = dateOf(span);
      if (!date) {
        return;
      }
      const late = span.parentElement.classList.contains('overdue') && span.parentElement.classList.contains('due-date');
      const text = late ? date + '（已逾期）' : date;
      if (span.textContent !== text) {
        span.textContent = text;
      }
    });
}

function hashParams() {
  const hash = location.hash || '#/';
  const at = hash.indexOf('?');
  return {path: at < 0 ? hash : hash.substring(0, at), params: new URLSearchParams(at < 0 ? '' : hash.substring(at + 1))};
}

function search(text) {
  const {path, params} = hashParams();
  params.delete('page');
  params.delete('task');
  if (text) {
    params.set('searchQuery', JSON.stringify([{type: 'processVariables', operator: 'like', value: text, name: 'caseTitle'}]));
  } else {
    params.delete('searchQuery');
  }
  location.hash = path + '?' + params.toString();
}

function addSearchBox() {
  const widget = document.querySelector('[cam-tasks]');
  if (!widget || document.getElementById(SEARCH_ID)) {
    return;
  }
  const form = document.createElement('form');
  form.id = SEARCH_ID;
  form.className = 'dangjian-case-search';
  form.setAttribute('role', 'search');
  const input = document.createElement('input');
  input.type = 'search';
  input.className = 'form-control input-sm';
  input.placeholder = '按申请人姓名、案件编号或组织名称查找';
  input.setAttribute('aria-label', '查找案件');
  input.maxLength = 50;
  const button = document.createElement('button');
  button.type = 'submit';
  button.className = 'btn btn-default btn-sm';
  button.textContent = '查找';
  form.append(input, button);
  form.addEventListener('submit', event => {
    event.preventDefault();
    search(input.value.trim());
  });
  widget.parentElement.insertBefore(form, widget);
}

let scheduled = false;
function update() {
  scheduled = false;
  addSearchBox();
  showDates(document);
}

new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(update);
  }
}).observe(document.documentElement, {subtree: true, childList: true, characterData: true, attributes: true,
  attributeFilter: ['uib-tooltip', 'class']});
update();
