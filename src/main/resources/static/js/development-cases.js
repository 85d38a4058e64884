// The server checks everything again and answers in Chinese; this page only shows its answer.
async function send(path, body, result, done) {
  result.className = 'result';
  result.textContent = '办理中…';
  const response = await fetch(path, {
    method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body)});
  if (response.ok) {
    result.className = 'result ok';
    result.textContent = done;
    return;
  }
  let message = '办理失败（HTTP ' + response.status + '）';
  try {
    const answer = await response.json();
    if (answer.message) message = answer.message;
  } catch (ignored) { /* no JSON body */ }
  result.className = 'result bad';
  result.textContent = message;
}
const caseNo = id => encodeURIComponent(document.getElementById(id).value.trim());
document.getElementById('withdrawal').addEventListener('submit', event => {
  event.preventDefault();
  send('/api/development-cases/' + caseNo('w-case') + '/withdrawal',
      {kind: document.getElementById('w-kind').value, reason: document.getElementById('w-reason').value},
      document.getElementById('w-result'), '已撤回或终止，案件结束。');
});
document.getElementById('transfer').addEventListener('submit', event => {
  event.preventDefault();
  send('/api/development-cases/' + caseNo('t-case') + '/transfer',
      {targetBranchId: document.getElementById('t-branch').value.trim(),
       reason: document.getElementById('t-reason').value},
      document.getElementById('t-result'), '已转接，未办任务已转由新支部办理。');
});
// the branches a case may move to, by name; the value sent stays the branch's id
(async () => {
  const select = document.getElementById('t-branch');
  const response = await fetch('/api/development-cases/transfer/branches', {headers: {'Accept': 'application/json'}});
  const branches = response.ok ? await response.json() : [];
  const placeholder = document.createElement('option');
  placeholder.value = '';
  placeholder.textContent = branches.length === 0 ? '（无法读取党支部）' : '请选择转入党支部';
  select.replaceChildren(placeholder);
  for (const branch of branches) {
    const option = document.createElement('option');
    option.value = branch.id;
    option.textContent = branch.name;
    select.appendChild(option);
  }
})();
