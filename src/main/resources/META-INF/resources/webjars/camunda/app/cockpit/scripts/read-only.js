// dangjian-flow: what a non-administrator may not do is not offered in Cockpit (issue 15, point 1). The server
// refuses every such write anyway (system/TrustBoundary: 403 此操作只有系统管理员可以执行); this only stops offering
// it: the edit and delete buttons of the variables tables and the toolbar actions (cancel, add variable, suspend,
// migrate…) of a process instance or definition. A Cockpit plugin script (config.js customScripts), no plugins.

const HIDDEN = `
.ctn-toolbar,
table:has(.dj-task-holder) .glyphicon-pencil, table:has(.dj-task-holder) td:last-child .btn,
table:has(button[ng-click="deleteVariable(v)"]) td.actions,
table:has(button[ng-click="deleteVariable(v)"]) th.actions { display: none !important; }
`;

async function isAdministrator() {
  const root = location.pathname.split('/app/cockpit/')[0];
  try {
    const answer = await fetch(`${root}/api/admin/auth/user/default`, {credentials: 'same-origin'});
    if (!answer.ok) {
      return false;
    }
    const user = await answer.json();
    // Admin is opened by administrators only (StandingAuthorizations grants it to nobody else)
    return (user.authorizedApps || []).includes('admin');
  } catch (e) {
    return false;
  }
}

isAdministrator().then((admin) => {
  if (!admin) {
    const style = document.createElement('style');
    style.id = 'dj-read-only';
    style.textContent = HIDDEN;
    document.head.appendChild(style);
  }
});

export default [];
