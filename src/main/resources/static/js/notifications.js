// 通知设置: the logged-in user's own choices (GET/PUT /api/me/notifications); the page uses the login of the Camunda
// webapps (or HTTP Basic). What the server sends is decided there: no address or no mail server, nothing is sent.
const $ = id => document.getElementById(id);

function show(view) {
  $('userId').textContent = view.userId;
  $('email').textContent = view.email || '未登记邮箱：请本单位组织部门或系统管理员在“管理 → 人员”中登记，登记前不会收到邮件';
  $('email').classList.toggle('warn', !view.email);
  $('delivery').textContent = view.delivery && view.delivery.length > 0
    ? '已开通：' + view.delivery.map(channel => channel === 'email' ? '电子邮件' : channel).join('、')
    : '本系统尚未开通邮件发送；您的设置会保存，开通后按设置发送';
  $('delivery').classList.toggle('warn', !(view.delivery && view.delivery.length > 0));
  $('taskMail').checked = view.taskMail;
  $('dailyDigest').checked = view.dailyDigest;
  $('save').disabled = false;
}

async function reason(response) {
  try {
    return (await response.json()).message || response.status;
  } catch (notJson) {
    return response.status;
  }
}

async function load() {
  const response = await fetch('/api/me/notifications', {headers: {'Accept': 'application/json'}});
  if (response.status === 401) {
    $('message').textContent = '请先登录（在首页登录后再打开本页）';
    return;
  }
  if (!response.ok) {
    $('message').textContent = '读取失败：' + await reason(response);
    return;
  }
  show(await response.json());
}

$('settings').addEventListener('submit', async event => {
  event.preventDefault();
  $('save').disabled = true;
  $('message').textContent = '';
  $('message').className = '';
  const response = await fetch('/api/me/notifications', {method: 'PUT',
    headers: {'Content-Type': 'application/json', 'Accept': 'application/json'},
    body: JSON.stringify({taskMail: $('taskMail').checked, dailyDigest: $('dailyDigest').checked})});
  $('save').disabled = false;
  if (response.status === 401) {
    $('message').textContent = '保存需要本人的用户名和密码：请重新打开本页，在浏览器的登录提示中输入';
    return;
  }
  if (!response.ok) {
    $('message').textContent = '保存失败：' + await reason(response);
    return;
  }
  show(await response.json());
  $('message').textContent = '已保存';
  $('message').className = 'ok';
});

load();
